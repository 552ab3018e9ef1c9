// Shapes of the chibo HTTP API v1 (docs/api.md).

export type Access = 'basic' | 'read' | 'write';
/** The tabs of an org page (OrgTabs). */
export type OrgTab = 'overview' | 'meetings' | 'oversight' | 'warnings' | 'accounts';
export type OrgKind = 'committee' | 'cell' | 'subgroup';
export type GrantRole = 'admin' | 'committee' | 'monitor' | 'cell' | 'member';
export type Gender = 'male' | 'female' | 'other';
export type RoleCode = 'secretary' | 'deputy_secretary' | 'committee_member' | 'subgroup_leader';

export interface Grant {
  role: GrantRole;
  role_label: string;
  org_id: number;
  org_name: string;
}

export interface User {
  id: number;
  username: string;
  display_name: string;
  member_id: number | null;
  grants: Grant[];
}

export interface LoginAnswer {
  csrf_token: string;
  user: User;
}

export interface List<T> {
  items: T[];
  total: number;
}

export interface OrgRef {
  id: number;
  name: string;
  kind: OrgKind;
  level?: string;
  cell_type?: string;
}

export interface OrgChild {
  id: number;
  name: string;
  kind: OrgKind;
  member_count: number;
}

export interface Term {
  id: number;
  name: string;
  start: string;
  end: string | null;
}

export interface MonitorLine {
  id: number;
  member_id: number;
  full_name: string;
  from: string;
  to: string | null;
}

export interface OrgRole {
  id: number;
  member_id: number;
  full_name: string;
  role: RoleCode;
  role_label: string;
  from: string;
  to: string | null;
}

export interface Org {
  id: number;
  parent_id: number | null;
  name: string;
  code: string;
  kind: OrgKind;
  level: string;
  cell_type: string;
  cell_type_label: string;
  kind_label: string;
  grassroots: boolean;
  address: string;
  archived: boolean;
  version: number;
  access: Access;
  ancestors: { id: number; name: string; kind: OrgKind }[];
  children: OrgChild[];
  member_count: number;
  terms: Term[];
  monitors: MonitorLine[];
  roles: OrgRole[];
}

export interface MemberState {
  on_roll: boolean;
  standing: string;
  standing_label: string;
  exempt: boolean;
  temp_exempt: boolean;
  away: boolean;
  incoming: boolean;
  special_duty: boolean;
  counts_for_attendance: boolean;
  terminal: string | null;
}

export interface CellPeriod {
  id: number;
  cell_id: number;
  cell_name: string;
  subgroup_id: number | null;
  from: string;
  to: string | null;
  note: string;
}

export interface StatusPeriod {
  id: number;
  kind: string;
  kind_label: string;
  from: string;
  to: string | null;
  note: string;
}

export interface MemberRole {
  id: number;
  org_id: number;
  org_name: string;
  role: RoleCode;
  role_label: string;
  from: string;
  to: string | null;
}

export interface Member {
  id: number;
  full_name: string;
  birth_date: string;
  gender: Gender;
  phone: string;
  card_no: string;
  admission_decision_date: string | null;
  admission_ceremony_date: string | null;
  official_date: string | null;
  workplace: string;
  serving: boolean;
  cell_id: number | null;
  cell_name: string | null;
  subgroup_id: number | null;
  subgroup_name: string | null;
  version: number;
  access: Access;
  state: MemberState;
  cell_periods: CellPeriod[];
  status_periods: StatusPeriod[];
  roles: MemberRole[];
}

export interface RosterLine {
  id: number;
  full_name: string;
  birth_date: string;
  gender: Gender;
  serving: boolean;
  workplace: string;
  subgroup_id: number | null;
  subgroup_name: string | null;
  roles: RoleCode[];
  state: MemberState;
}

export interface RosterCounts {
  on_roll: number;
  official: number;
  probationary: number;
  exempt: number;
  away: number;
  incoming: number;
  special_duty: number;
  expected: number;
}

export interface Roster extends List<RosterLine> {
  at: string;
  counts: RosterCounts;
}

export interface MonitorCandidate {
  member_id: number;
  full_name: string;
  org_id: number;
  org_name: string;
  role: RoleCode;
  role_label: string;
}

export interface AuditChange {
  field: string;
  /** Vietnamese field name and values as a person reads them (names, dd/mm/yyyy, labels). */
  field_label?: string;
  before: unknown;
  after: unknown;
  before_text?: string | null;
  after_text?: string | null;
}

export interface AuditRow {
  id: number;
  at: string;
  actor_id: number | null;
  actor_username: string;
  action: string;
  /** Vietnamese, e.g. "Khóa biên bản". */
  action_label?: string;
  target_type: string;
  target_label?: string;
  target_id: number;
  org_id: number;
  changes: AuditChange[];
}

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  code?: string;
  detail?: string;
  errors?: FieldError[];
}
