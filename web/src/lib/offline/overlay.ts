// Shows queued changes on a meeting as the server will once it has them: each change applied to a
// copy of the last meeting the server sent, in the order made. Ids of things created offline are
// negative until the server numbers them.
import { markLabel, outcomeOptions, ruleOptions, votesNeeded, voteLine } from '../meetingFormat';
import type { Meeting, Resolution, RollLine, Speech, Task, Vote, VoteRule } from '../meetingTypes';
import type { QueuedChange } from './types';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const attending = (s: string | undefined) => s === 'present' || s === 'late' || s === 'left_early';
// Who counts in `eligible` (mayVote on the server): official members on the roll, not exempt, not visiting.
const voter = (l: RollLine) =>
  l.standing === 'official' && l.excluded !== 'exempt' && l.excluded !== 'temp_exempt' && !l.incoming;
const outcomeLabel: Record<string, string> = Object.fromEntries(outcomeOptions);
const ruleLabel: Record<string, string> = Object.fromEntries(ruleOptions);

function vote(b: Body, m: Meeting): Vote {
  const rule = (b.rule ?? 'majority_present') as VoteRule;
  const eligible = rule === 'majority_present' ? (m.voters.roll_taken ? m.voters.present : m.voters.on_roll) : m.voters.on_roll;
  const f = Number(b.votes_for ?? 0);
  const needed = votesNeeded(rule, eligible);
  return {
    votes_for: f,
    against: Number(b.against ?? 0),
    abstain: Number(b.abstain ?? 0),
    eligible,
    rule,
    rule_label: ruleLabel[rule] ?? '',
    passed: f >= needed,
    needed,
    for_percent: eligible ? (100 * f) / eligible : 0,
    line: voteLine(f, eligible),
  };
}

const nameOf = (m: Meeting, id: number) => m.roll.find((r) => r.member_id === id)?.full_name ?? '';

function marks(m: Meeting, items: Body[], at: string) {
  for (const it of items) {
    const line = m.roll.find((r) => r.member_id === it.member_id);
    if (!line) continue;
    const was = attending(line.mark?.status);
    line.mark = {
      status: it.status,
      status_label: markLabel[it.status] ?? it.status,
      reason_category: it.reason_category ?? null,
      reason: it.reason ?? '',
      marked_at: it.marked_at ?? at,
      source: 'offline',
    };
    const now = attending(it.status);
    if (voter(line) && was !== now) m.voters.present += now ? 1 : -1;
    m.voters.roll_taken = true;
  }
  let present = 0;
  for (const l of m.roll) if (!l.excluded && l.counts_for_attendance && attending(l.mark?.status)) present++;
  m.attendance.present = present;
  m.attendance.rate_percent = m.attendance.expected ? (100 * present) / m.attendance.expected : 0;
}

/** Applies one change to `m` (a copy) and returns what the server would answer for it. */
export function applyChange(m: Meeting, c: QueuedChange): unknown {
  const b = (c.body ?? {}) as Body;
  const [, kind, rawId, what] = /^\/(meetings|resolutions)\/(-?\d+)\/([a-z-]+)$/.exec(c.path) ?? [];
  const id = Number(rawId);
  if (kind === 'meetings' && what === 'start') {
    m.started_at = b.at ?? c.at;
    m.status = 'held';
    return m;
  }
  if (kind === 'meetings' && what === 'end') {
    m.ended_at = b.at ?? c.at;
    if (b.minutes_read_back) m.minutes_read_back_at = b.at ?? c.at;
    return m;
  }
  if (kind === 'meetings' && what === 'attendance') {
    marks(m, (b.items ?? []) as Body[], c.at);
    return m;
  }
  if (kind === 'meetings' && what === 'speeches') {
    const s: Speech = {
      id: -(c.seq ?? Date.now()),
      member_id: b.member_id,
      full_name: nameOf(m, b.member_id),
      agenda_item_id: b.agenda_item_id ?? null,
      summary: b.summary ?? '',
      duration_seconds: b.duration_seconds ?? null,
    };
    m.speeches.push(s);
    m.distinct_speakers = new Set(m.speeches.map((x) => x.member_id)).size;
    return s;
  }
  if (kind === 'meetings' && what === 'task-reviews') {
    for (const it of (b.items ?? []) as Body[]) {
      const t = m.carried_tasks.find((x) => x.id === it.task_id);
      if (t) t.review = { outcome: it.outcome, outcome_label: outcomeLabel[it.outcome] ?? '', note: it.note ?? '', at: c.at };
    }
    return m;
  }
  if (kind === 'meetings' && what === 'resolutions') {
    const r: Resolution = {
      id: c.creates ?? -(c.seq ?? Date.now()),
      meeting_id: m.id,
      org_id: m.org_id,
      doc_type: b.doc_type ?? 'resolution',
      number: null,
      number_text: 'nghị quyết (chưa gửi)',
      symbol: '',
      issued_on: null,
      title: b.title ?? '',
      assessment: b.assessment ?? '',
      direction: b.direction ?? '',
      assignments: b.assignments ?? '',
      self_assessment: b.self_assessment ?? '',
      targets: (b.targets ?? []).map((t: Body) => ({ ...t, actual_value: null, note: '' })),
      vote: b.vote ? vote(b.vote, m) : null,
      version: 1,
    };
    m.resolutions.push(r);
    return r;
  }
  const r = kind === 'resolutions' ? m.resolutions.find((x) => x.id === id) : undefined;
  if (r && what === 'vote') {
    r.vote = vote(b, m);
    return r;
  }
  if (r && what === 'tasks') {
    const t: Task = {
      id: -(c.seq ?? Date.now()),
      meeting_id: m.id,
      resolution_id: r.id,
      description: b.description ?? '',
      assignees: ((b.assignee_member_ids ?? []) as number[]).map((x) => ({ member_id: x, full_name: nameOf(m, x) })),
      deadline: b.deadline ?? null,
      status: 'open',
      status_label: 'Đang thực hiện',
      overdue: false,
      reviewed_in_meeting_id: null,
      result_note: '',
      progress: [],
      review: null,
    };
    m.tasks.push(t);
    return t;
  }
  return m;
}

/** The meeting with the queued changes applied, and the answer to the last of them. */
export function overlay(base: Meeting, changes: QueuedChange[]): { meeting: Meeting; last: unknown } {
  const m = structuredClone(base) as Meeting;
  let last: unknown = m;
  for (const c of changes) last = applyChange(m, c);
  return { meeting: m, last };
}
