// Shapes of the chibo HTTP API v1 (docs/api.md).
import type { components } from './api-schema';

// Wire shapes generated from docs/openapi.json (npm run api-types).
type Schemas = components['schemas'];

export type Access = 'basic' | 'read' | 'write';
/** The tabs of an org page (OrgTabs). */
export type OrgTab = 'overview' | 'meetings' | 'oversight' | 'warnings' | 'accounts' | 'dues' | 'admission';
export type OrgKind = 'committee' | 'cell' | 'subgroup';
export type GrantRole = 'admin' | 'committee' | 'monitor' | 'cell' | 'member';
export type Gender = 'male' | 'female' | 'other';
export type RoleCode = 'secretary' | 'deputy_secretary' | 'committee_member' | 'subgroup_leader';

export type Grant = Schemas['Grant'];

export type User = Schemas['User'];

export type LoginAnswer = Schemas['LoginAnswer'];

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

export type OrgChild = Schemas['OrgChild'];

export type Term = Schemas['Term'];

export type MonitorLine = Schemas['MonitorLine'];

export type OrgRole = Schemas['OrgRole'];

export type Org = Schemas['Org'];

export type MemberState = Schemas['MemberState'];

export type CellPeriod = Schemas['CellPeriod'];

export type StatusPeriod = Schemas['StatusPeriod'];

export type MemberRole = Schemas['MemberRole'];

export type Member = Schemas['Member'];

export type RosterLine = Schemas['RosterLine'];

export type RosterCounts = Schemas['RosterCounts'];

export type Roster = Schemas['Roster'];

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

export type FieldError = Schemas['FieldError'];

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  code?: string;
  detail?: string;
  errors?: FieldError[];
}
