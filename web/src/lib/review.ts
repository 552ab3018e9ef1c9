// Year-end review and classification (Kiểm điểm, xếp loại cuối năm): types from the API
// contract, the levels' and stages' Vietnamese names, and error text with each field's message.
import { ApiError, errorText } from './api';
import type { components } from './api-schema';

type Schemas = components['schemas'];
export type ReviewRound = Schemas['ReviewRound'];
export type ReviewRoundView = Schemas['ReviewRoundView'];
export type MemberReviewView = Schemas['MemberReviewView'];
export type ReviewLine = Schemas['MemberReviewLine'];
export type Level = NonNullable<Schemas['MemberReview']['decided_level']>;
export type Stage = Schemas['MemberReview']['stage'];

export const levels: [Level, string, string][] = [
  ['excellent', 'Hoàn thành xuất sắc nhiệm vụ', 'HTXSNV'],
  ['good', 'Hoàn thành tốt nhiệm vụ', 'HTTNV'],
  ['done', 'Hoàn thành nhiệm vụ', 'HTNV'],
  ['not_done', 'Không hoàn thành nhiệm vụ', 'KHTNV'],
];
export const levelName = (l: Level | null | undefined): string =>
  l ? (levels.find((x) => x[0] === l)?.[1] ?? '') : 'Chưa xếp loại';

export const stageName: Record<Stage, string> = {
  open: 'Chưa tự đánh giá',
  self_assessed: 'Đã tự đánh giá',
  cell_voted: 'Chi bộ đã biểu quyết',
  decided: 'Cấp ủy đã quyết định',
};

/** The level a points score falls in under the round's rules (to suggest it as the user types). */
export function levelFor(points: number, rules: MemberReviewView['rules']): Level | null {
  if (!rules || !Number.isFinite(points)) return null;
  for (const l of rules.levels) if (points >= l.min_points && (l.below_points === null || points < l.below_points)) return l.code;
  return null;
}

/** A refusal with every field's own message, so the person sees what to fix. */
export function problemText(e: unknown): string {
  if (e instanceof ApiError && e.errors.length) return e.errors.map((x) => x.message).join(' ');
  return errorText(e);
}

/** A file the server renders (the review's papers), downloaded with the session cookie. */
export const paperUrl = (path: string): string => `/api/v1${path}`;
