// Shapes of the meeting part of the API (docs/api.md, "Meetings").
import type { components } from './api-schema';

// Wire shapes generated from docs/openapi.json (npm run api-types).
type Schemas = components['schemas'];
import type { MonitorLine } from './types';

export type MeetingKind = 'regular' | 'thematic' | 'combined' | 'extraordinary' | 'subgroup' | 'committee_meeting';
export type MeetingStatus = 'planned' | 'held' | 'finalized' | 'cancelled';
export type MarkStatus = 'present' | 'late' | 'left_early' | 'absent_excused' | 'absent_unexcused';
export type Excluded = 'exempt' | 'temp_exempt' | 'away' | 'special_duty';
export type TaskStatus = 'open' | 'done' | 'late' | 'carried_over' | 'dropped';
export type ReviewOutcome = 'done' | 'late' | 'carried_over' | 'dropped';
export type VoteRule = 'majority_present' | 'more_than_half_roll' | 'two_thirds_roll';

export interface Person {
  member_id: number;
  full_name: string;
}

export type MeetingBrief = Schemas['MeetingBrief'];

export interface Mark {
  status: MarkStatus;
  status_label: string;
  reason_category: string | null;
  reason: string;
  marked_at: string;
  source: 'roll' | 'checkin' | 'offline';
}

export interface MyMeeting extends MeetingBrief {
  org_name: string;
  my_attendance: Mark | null;
  excluded: Excluded | null;
}

export interface Guest {
  name: string;
  position: string;
  member_id: number | null;
  upper_monitor: boolean;
}

export interface PrepItem {
  item: string;
  label: string;
  satisfied: boolean;
  detail: string;
}

export interface Preparation {
  chi_uy_meeting_at: string | null;
  content_preparer: Person | null;
  draft_resolution_at: string | null;
  notice_members_at: string | null;
  notice_monitor_at: string | null;
  documents_published_at: string | null;
  satisfied: number;
  items: PrepItem[];
}

export interface AgendaItem {
  id: number;
  position: number;
  step_code: string;
  phase: 'opening' | 'conduct' | 'closing';
  phase_label: string;
  title: string;
  required: boolean;
  notes: string;
  done: boolean;
  done_at: string | null;
}

export interface RollLine {
  member_id: number;
  full_name: string;
  standing: string;
  incoming: boolean;
  counts_for_attendance: boolean;
  excluded: Excluded | null;
  mark: Mark | null;
}

export type Absence = Schemas['AbsenceLine'];

/** The roll's summary as the server sends it; `why` narrowed to the reasons the roll knows. */
export type Attendance = Omit<Schemas['AttendanceSummary'], 'excluded'> & {
  excluded: (Schemas['AttendanceSummary']['excluded'][number] & { why: Excluded })[];
};

export interface Speech {
  id: number;
  member_id: number;
  full_name?: string;
  agenda_item_id: number | null;
  summary: string;
  duration_seconds: number | null;
}

export interface Task {
  id: number;
  meeting_id: number;
  resolution_id: number | null;
  description: string;
  assignees: Person[];
  deadline: string | null;
  status: TaskStatus;
  status_label: string;
  overdue: boolean;
  reviewed_in_meeting_id: number | null;
  result_note: string;
  progress: { on: string; text: string; by_member_id: number | null }[];
  review: null | { outcome: ReviewOutcome; outcome_label: string; note: string; at: string };
}

export interface MyTask extends Task {
  org_id: number;
  org_name: string;
  meeting_start: string;
}

export interface Vote {
  votes_for: number;
  against: number;
  abstain: number;
  eligible: number;
  rule: VoteRule;
  rule_label: string;
  passed: boolean;
  needed: number;
  for_percent: number;
  line: string;
}

/** A vote as typed, before the server decides it. */
export interface VoteDraft {
  votes_for: number;
  against: number;
  abstain: number;
  eligible: number;
  rule: VoteRule;
}

export interface Target {
  id?: number;
  description: string;
  unit: string;
  target_value: number | null;
  actual_value: number | null;
  achieved?: boolean | null;
  met?: boolean | null;
  note: string;
}

export interface Resolution {
  id: number;
  meeting_id: number;
  org_id: number;
  doc_type: 'resolution' | 'conclusion';
  number: number | null;
  number_text: string;
  symbol: string;
  issued_on: string | null;
  title: string;
  assessment: string;
  direction: string;
  assignments: string;
  self_assessment: string;
  targets: Target[];
  vote: Vote | null;
  version: number;
}

export interface Slot {
  id: number;
  start: string;
  count: number;
  member_ids: number[];
}

export interface Missing {
  code: string;
  field: string;
  message: string;
}

export interface Meeting extends MeetingBrief {
  org_name: string;
  access: 'basic' | 'read' | 'write';
  chair: Person | null;
  secretary: Person | null;
  chair_member_id?: number | null;
  secretary_member_id?: number | null;
  guests: Guest[];
  monitors: MonitorLine[];
  term_id: number | null;
  conclusion: string;
  minutes_read_back_at: string | null;
  preparation: Preparation;
  agenda: AgendaItem[];
  agenda_missing: number[];
  roll: RollLine[];
  attendance: Attendance;
  /** Who may vote: members on the roll and present (`voters` in meetingJson). */
  voters: { on_roll: number; present: number; roll_taken: boolean };
  speeches: Speech[];
  distinct_speakers: number;
  resolutions: Resolution[];
  tasks: Task[];
  carried_tasks: Task[];
  slots: { items: Slot[]; best_slot_id: number | null };
  completeness: { complete: boolean; checks: number; failed_checks: number; percent: number; missing: Missing[] };
}

export interface ThematicEntry {
  id: number;
  org_id: number;
  year: number;
  quarter: number;
  topic: string;
  source: string;
  suggestion_id: number | null;
  preparer_member_id: number | null;
  approved_on: string | null;
  meeting_id: number | null;
}

export interface ThematicPlan {
  org_id: number;
  year: number;
  access: 'basic' | 'read' | 'write';
  items: ThematicEntry[];
  suggestions: ThematicEntry[];
  quarters_without_topic: number[];
}

export interface HistoryVersion {
  version: number;
  kind: 'finalize' | 'amendment';
  reason: string;
  changes: { field: string; before: unknown; after: unknown }[];
  by_user_id: number | null;
  by_username: string;
  at: string;
  snapshot: unknown;
}

export interface CheckinToken {
  meeting_id: number;
  token: string;
  url: string;
  expires_at: string;
  svg: string | null;
}
