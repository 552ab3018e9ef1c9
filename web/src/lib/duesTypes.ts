// Shapes of the party dues part of the API (docs/api.md, "Party dues"), generated from docs/openapi.json.
import type { components } from './api-schema';

type Schemas = components['schemas'];

export type DuesSheet = Schemas['DuesSheet'];
export type DuesLine = Schemas['DuesLine'];
export type DuesDue = Schemas['DuesDue'];
export type DuesPayment = Schemas['DuesPayment'];
export type DuesTotals = Schemas['DuesTotals'];
export type MemberDues = Schemas['MemberDues'];
export type DuesBasis = Schemas['DuesBasis'];
export type DuesRelief = Schemas['DuesRelief'];
export type RollupDues = Schemas['RollupDues'];
export type DuesBasisKind = DuesBasis['kind'];

/** One line of the batch the sheet posts. */
export interface DuesPaymentInput {
  member_id: number;
  status: 'paid' | 'excused' | 'unpaid';
  channel?: 'cash' | 'portal';
  amount?: number;
  reference?: string;
  note?: string;
}
