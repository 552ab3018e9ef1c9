// Vietnamese labels and time helpers for meetings. Times are shown as HH:mm in Asia/Ho_Chi_Minh.
import type { MarkStatus, MeetingKind, ReviewOutcome, VoteRule } from './meetingTypes';

const VN = 7 * 3600 * 1000;
const p2 = (n: number) => String(n).padStart(2, '0');

/** ISO instant → 'HH:mm' in Vietnam time. */
export function showTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (isNaN(d.getTime())) return '';
  const v = new Date(d.getTime() + VN);
  return `${p2(v.getUTCHours())}:${p2(v.getUTCMinutes())}`;
}

/** ISO instant → 'YYYY-MM-DD' (the Vietnam calendar day). */
export function vnDay(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (isNaN(d.getTime())) return '';
  return new Date(d.getTime() + VN).toISOString().slice(0, 10);
}

/** A date 'YYYY-MM-DD' and a time 'HH:mm' → a local instant for the API ('YYYY-MM-DDTHH:mm'). */
export function localInstant(day: string, time: string): string {
  return `${day}T${time}`;
}

/** Parses 'HH:mm' (also 'H:mm', 'HHhmm', 'HH.mm') → 'HH:mm', or null. */
export function parseTime(text: string): string | null {
  // "19:30", "19h30", "19.30", "19,30", "19 30", or digits only ("1930", "930") from a number pad.
  const t = text.trim();
  const m = /^(\d{1,2})\s*[:hH.,\s]\s*(\d{2})?$/.exec(t) ?? /^(\d{1,2})(\d{2})$/.exec(t) ?? /^(\d{1,2})()$/.exec(t);
  if (!m) return null;
  const h = +m[1];
  const mi = m[2] ? +m[2] : 0;
  if (h > 23 || mi > 59) return null;
  return `${p2(h)}:${p2(mi)}`;
}

/** Lower case without diacritics, for accent-insensitive name search. */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** Seconds → 'm:ss' (or 'h:mm:ss'). */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h ? `${h}:${p2(m)}:${p2(s % 60)}` : `${m}:${p2(s % 60)}`;
}

/** A percentage the Vietnamese way: 87,5%. */
export function percent(v: number | null | undefined): string {
  if (v === null || v === undefined || isNaN(v)) return '—';
  return `${String(Math.round(v * 10) / 10).replace('.', ',')}%`;
}

export const kindOptions: [MeetingKind, string][] = [
  ['regular', 'Sinh hoạt thường kỳ'],
  ['thematic', 'Sinh hoạt chuyên đề'],
  ['combined', 'Thường kỳ kết hợp chuyên đề'],
  ['extraordinary', 'Sinh hoạt bất thường'],
  ['subgroup', 'Sinh hoạt tổ đảng'],
];

export const kindShort: Record<string, string> = {
  regular: 'Thường kỳ',
  thematic: 'Chuyên đề',
  combined: 'Thường kỳ + chuyên đề',
  extraordinary: 'Bất thường',
  subgroup: 'Tổ đảng',
  committee_meeting: 'Họp cấp ủy',
};

export const markOptions: [MarkStatus, string][] = [
  ['present', 'Có mặt'],
  ['late', 'Đi muộn'],
  ['left_early', 'Về sớm'],
  ['absent_excused', 'Vắng có lý do'],
  ['absent_unexcused', 'Vắng không lý do'],
];
export const markLabel: Record<string, string> = Object.fromEntries(markOptions);

export const reasonOptions: [string, string][] = [
  ['illness', 'Ốm đau'],
  ['work', 'Công tác'],
  ['family', 'Việc gia đình'],
  ['travel', 'Đi xa'],
  ['study', 'Học tập'],
  ['other', 'Lý do khác'],
];
export const reasonLabel: Record<string, string> = Object.fromEntries(reasonOptions);

export const excludedLabel: Record<string, string> = {
  exempt: 'Miễn sinh hoạt',
  temp_exempt: 'Tạm miễn',
  away: 'Đi SHTT',
  special_duty: 'Nhiệm vụ đặc biệt',
};

export const outcomeOptions: [ReviewOutcome, string][] = [
  ['done', 'Hoàn thành'],
  ['late', 'Chậm tiến độ'],
  ['carried_over', 'Chuyển kỳ sau'],
  ['dropped', 'Không thực hiện'],
];

export const ruleOptions: [VoteRule, string][] = [
  ['majority_present', 'Quá một nửa số đảng viên có mặt'],
  ['more_than_half_roll', 'Quá một nửa tổng số đảng viên'],
  ['two_thirds_roll', 'Ít nhất hai phần ba tổng số đảng viên'],
];

/** Mirrors the server's votesNeeded (domain/meeting/vote.cpp). */
/** Voters present as the server counts them; before the roll call, everyone who may vote. */
export function votersPresent(m: { voters: { on_roll: number; present: number; roll_taken: boolean } }): number {
  return m.voters.roll_taken ? m.voters.present : m.voters.on_roll;
}

export function votesNeeded(rule: VoteRule, eligible: number): number {
  if (eligible < 1) return 1;
  return rule === 'two_thirds_roll' ? Math.floor((2 * eligible + 2) / 3) : Math.floor(eligible / 2) + 1;
}

/** The vote line as the server words it: "với 18/20 đồng chí tán thành (90%)". */
export function voteLine(votesFor: number, eligible: number): string {
  const pct = eligible > 0 ? (100 * votesFor) / eligible : 0;
  return `với ${votesFor}/${eligible} đồng chí tán thành (${percent(pct)})`;
}

export const statusTone: Record<string, string> = {
  planned: 'blue',
  held: 'amber',
  finalized: 'green',
  cancelled: 'gray',
};
