// Shapes of the quality score, evaluations and early warnings (docs/api.md, "Quality, rules and warnings").
import type { components } from './api-schema';

/** A cell's tổ đảng pilot (R-TOĐẢNG-1): GET/PUT /orgs/{id}/subgroup-pilot. */
export type SubgroupPilotState = components['schemas']['SubgroupPilotState'];
export type SubgroupPilot = components['schemas']['SubgroupPilot'];

export type Severity = 'info' | 'warning' | 'serious';
export type Evaluator = 'self' | 'committee';

export interface CriterionInput {
  name: string;
  label: string;
  value: string;
}

export interface ScoreCriterion {
  code: string;
  name: string;
  kind: 'objective' | 'judgement';
  kind_label: string;
  points: number;
  max: number;
  lost: number;
  pending: boolean;
  inputs: CriterionInput[];
  rule_set_id: string;
  source: string;
  explanation: string;
}

export interface PulledDown {
  code: string;
  name: string;
  lost: number;
  pending: boolean;
  explanation: string;
}

/** An evaluation as the server sends it; `evaluator` narrowed to who may evaluate. */
export type Evaluation = Omit<components['schemas']['Evaluation'], 'evaluator'> & { evaluator: Evaluator };

export interface Score {
  meeting_id: number;
  org: { id: number; name: string };
  date: string;
  rule_set: { id: string; name: string; issuer_document: string; applied: string[] };
  rubric: { id: string; name: string; source: string; origin: string };
  total: number;
  max: number;
  grade: string;
  grade_label: string;
  pending: boolean;
  judged_by: Evaluator | null;
  grade_source: string;
  criteria: ScoreCriterion[];
  pulled_down_by: PulledDown[];
  facts: Record<string, unknown>;
  reviewed_resolution_id: number | null;
  evaluations: { self: Evaluation | null; committee: Evaluation | null };
}

export interface WarningAck {
  note: string;
  by_user_id: number | null;
  by_username: string;
  at: string;
}

export interface Warning {
  id: number;
  key: string;
  code: string;
  severity: Severity;
  severity_label: string;
  subject: { type: 'member' | 'meeting' | 'org' | 'task' | 'resolution'; type_label: string; id: number; name: string };
  org: { id: number; name: string };
  message: string;
  rule: string;
  rule_set_id: string;
  source: string;
  since: string;
  acknowledged: WarningAck | null;
}

export interface WarningPage {
  items: Warning[];
  total: number;
  at: string;
}
