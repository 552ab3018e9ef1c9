// The roll call being taken: one entry per marked member, kept in live mode until saved.
import type { MarkStatus, Meeting } from '../../lib/meetingTypes';

export interface DraftMark {
  status: MarkStatus;
  reason_category: string;
  reason: string;
}
export type RollDraft = Record<number, DraftMark>;

export function draftFrom(m: Meeting): RollDraft {
  const out: RollDraft = {};
  for (const r of m.roll) {
    if (r.mark) out[r.member_id] = { status: r.mark.status, reason_category: r.mark.reason_category ?? '', reason: r.mark.reason };
  }
  return out;
}

export const attending = (s: MarkStatus | undefined) => s === 'present' || s === 'late' || s === 'left_early';

/** "Có mặt x/y": members counted in the denominator who attend, and that denominator. */
export function tally(m: Meeting, d: RollDraft): { present: number; expected: number; unmarked: number } {
  let present = 0;
  let expected = 0;
  let unmarked = 0;
  for (const r of m.roll) {
    if (r.excluded || !r.counts_for_attendance) continue;
    expected++;
    const s = d[r.member_id]?.status;
    if (attending(s)) present++;
    if (!s) unmarked++;
  }
  return { present, expected, unmarked };
}
