// Shapes of the oversight part of the API (docs/api.md, "Oversight and documents").
import type { MeetingBrief } from './meetingTypes';

/** The same additive figures for an org node, each child and each month. Ratios are 0–1 or null. */
export interface Figures {
  cells: number;
  meetings_due: number;
  meetings_held: number;
  meetings_on_time: number;
  held_rate: number | null;
  meetings_total: number;
  thematic_held: number;
  avg_duration_minutes: number | null;
  expected: number;
  present: number;
  attendance_rate: number | null;
  excused_absences: number;
  unexcused_absences: number;
  speakers: number;
  speaker_share: number | null;
  young_present?: number;
  young_speakers?: number;
  young_speaker_share: number | null;
  new_member_present?: number;
  new_member_speakers?: number;
  new_member_speaker_share: number | null;
  resolutions: number;
  tasks_on_time: number;
  tasks_late: number;
  tasks_open: number;
  tasks_dropped: number;
  tasks_assigned: number;
  previous_tasks: number;
  previous_tasks_reviewed: number;
  monitor_attended: number;
  grades?: { good: number; fair: number; average: number; poor: number };
  /** Party dues over the period (sums of the cells' kept months). */
  dues?: import('./duesTypes').RollupDues;
  open_warnings?: number;
}

export interface RollupChild extends Figures {
  id: number;
  name: string;
  kind: 'committee' | 'cell' | 'subgroup';
  code: string;
}

export interface MonthFigures extends Figures {
  month: string;
}

export interface Rollup extends Figures {
  id: number;
  name: string;
  kind: 'committee' | 'cell' | 'subgroup';
  code: string;
  level: string;
  from: string;
  to: string;
  from_month: string;
  to_month: string;
  children: RollupChild[];
  months: MonthFigures[];
}

export interface ParticipationTotals {
  meetings: number;
  expected: number;
  attended: number;
  excused: number;
  unexcused: number;
  unmarked: number;
  attendance_rate: number | null;
  spoke_at: number;
  speeches: number;
  silent_for: number;
  last_spoke_on: string | null;
  tasks_assigned: number;
  tasks_done: number;
  tasks_late: number;
  tasks_open: number;
  tasks_overdue: number;
}

export interface ParticipationItem extends ParticipationTotals {
  member_id: number;
  full_name: string;
  on_roll_today: boolean;
}

export interface OrgParticipation {
  id: number;
  name: string;
  from: string;
  to: string;
  meetings: number;
  silent_for_at_least: number | null;
  items: ParticipationItem[];
  total: number;
}

export type Outcome =
  | 'present'
  | 'late'
  | 'left_early'
  | 'absent_excused'
  | 'absent_unexcused'
  | 'unmarked'
  | 'not_expected';

export interface MemberMeetingLine {
  meeting_id: number;
  org_id: number;
  org_name: string;
  kind: string;
  kind_label: string;
  status: string;
  start: string;
  outcome: Outcome;
  reason_category: string | null;
  speeches: number;
  summaries?: string[];
}

export interface MemberTaskLine {
  id: number;
  meeting_id: number;
  org_id: number;
  meeting_start: string;
  description: string;
  deadline: string | null;
  status: string;
  status_label: string;
  overdue: boolean;
}

export interface MemberParticipation {
  member_id: number;
  full_name: string;
  from: string;
  to: string;
  content_visible: boolean;
  totals: ParticipationTotals;
  meetings: MemberMeetingLine[];
  tasks: MemberTaskLine[];
}

export interface Observation {
  meeting_id: number;
  member_id: number;
  full_name: string;
  attended: boolean;
  note: string;
  at: string;
}

export interface LastMeeting extends MeetingBrief {
  figures: {
    expected: number;
    present: number;
    attendance_rate: number | null;
    excused: number;
    unexcused: number;
    unmarked: number;
    speakers: number;
    speaker_share: number | null;
    duration_minutes: number | null;
    on_time: boolean;
    resolutions: number;
    tasks_assigned: number;
    previous_tasks: number;
    previous_tasks_reviewed: number;
    monitor_attended: boolean;
    grade: string | null;
  };
  score: null | { total: number; max: number; grade: string; grade_label: string; pending: boolean };
  my_observation: null | { attended: boolean; note: string; at: string };
}

export interface DeskTask {
  id: number;
  meeting_id: number;
  description: string;
  deadline: string | null;
  status: string;
  status_label: string;
  assignees: { member_id: number; full_name: string }[];
}

export interface RiskLine {
  key: string;
  code: string;
  severity: 'info' | 'warning' | 'serious';
  rule: string;
  subject_kind: string;
  subject_id: number;
  subject_name: string;
  message: string;
}

export interface DeskCell {
  id: number;
  name: string;
  kind: string;
  code: string;
  assignment: { id: number; from: string; to: string | null };
  next_meeting: MeetingBrief | null;
  last_meeting: LastMeeting | null;
  overdue_tasks: DeskTask[];
  members_at_risk: RiskLine[] | null;
  this_year: Figures;
}

export interface Desk {
  rules_loaded: boolean;
  total: number;
  cells: DeskCell[];
}

export interface CalendarToken {
  token: string;
  url: string;
  created_at: string;
}
