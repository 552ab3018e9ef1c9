// Converting between the API's Member and the form's text draft.
import { parseDate, showDate, today } from './format';
import type { Member } from './types';
import type { MemberDraft } from './validate';

export function emptyDraft(subgroupId: number | null): MemberDraft {
  return {
    full_name: '',
    birth_date: '',
    gender: '',
    phone: '',
    card_no: '',
    admission_decision_date: '',
    admission_ceremony_date: '',
    official_date: '',
    workplace: '',
    serving: false,
    subgroup_id: subgroupId ? String(subgroupId) : '',
    joined_on: showDate(today()),
  };
}

export function draftOf(m: Member): MemberDraft {
  return {
    full_name: m.full_name,
    birth_date: showDate(m.birth_date),
    gender: m.gender,
    phone: m.phone ?? '',
    card_no: m.card_no ?? '',
    admission_decision_date: showDate(m.admission_decision_date),
    admission_ceremony_date: showDate(m.admission_ceremony_date),
    official_date: showDate(m.official_date),
    workplace: m.workplace ?? '',
    serving: m.serving,
    subgroup_id: m.subgroup_id ? String(m.subgroup_id) : '',
    joined_on: '',
  };
}

const personal = [
  'full_name',
  'birth_date',
  'gender',
  'phone',
  'card_no',
  'admission_decision_date',
  'admission_ceremony_date',
  'official_date',
  'workplace',
  'serving',
] as const;

const dates = new Set(['birth_date', 'admission_decision_date', 'admission_ceremony_date', 'official_date', 'joined_on']);

/** The API value of one draft field. */
function apiValue(d: MemberDraft, k: keyof MemberDraft): unknown {
  const v = d[k];
  if (typeof v === 'boolean') return v;
  if (dates.has(k)) return v.trim() ? parseDate(v) : null;
  if (k === 'phone') return v.replace(/[\s.]/g, '');
  return v.trim();
}

/** Body of POST /members. Empty optional fields are left out. */
export function createBody(d: MemberDraft, cellId: number): Record<string, unknown> {
  const body: Record<string, unknown> = { cell_id: cellId };
  for (const k of personal) {
    const v = apiValue(d, k);
    if (v !== null && v !== '') body[k] = v;
  }
  if (d.subgroup_id) body.subgroup_id = Number(d.subgroup_id);
  const joined = apiValue(d, 'joined_on');
  if (joined) body.joined_on = joined;
  return body;
}

/** Body of PATCH /members/{id}: only what changed, plus the version. */
export function patchBody(d: MemberDraft, before: MemberDraft, version: number): Record<string, unknown> {
  const body: Record<string, unknown> = { version };
  for (const k of personal) {
    const now = apiValue(d, k);
    if (now !== apiValue(before, k)) body[k] = now;
  }
  return body;
}
