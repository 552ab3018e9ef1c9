// Oversight calls (roll-up, participation, desk, observations, calendar feed), the period the
// dashboard looks at, and the Vietnamese number formats its figures use.
import { api } from './api';
import { showDate, today } from './format';
import type {
  CalendarToken,
  Desk,
  MemberParticipation,
  Observation,
  OrgParticipation,
  Rollup,
} from './oversightTypes';

export const getRollup = (orgId: number, from: string, to: string) =>
  api.get<Rollup>(`/orgs/${orgId}/rollup`, { from, to, warnings: true });
export const getOrgParticipation = (orgId: number, from: string, to: string, silentFor: number) =>
  api.get<OrgParticipation>(`/orgs/${orgId}/participation`, { from, to, silent_for: silentFor || null });
export const getMemberParticipation = (memberId: number) =>
  api.get<MemberParticipation>(`/members/${memberId}/participation`);
export const getDesk = () => api.get<Desk>('/me/desk');
export const saveObservation = (meetingId: number, attended: boolean, note: string) =>
  api.post<Observation>(`/meetings/${meetingId}/observations`, { attended, note });
export const getObservations = (meetingId: number) =>
  api.get<{ items: Observation[]; total: number }>(`/meetings/${meetingId}/observations`);
export const createCalendarToken = () => api.post<CalendarToken>('/me/calendar-token');
export const deleteCalendarToken = () => api.del<void>('/me/calendar-token');

/** Where the server's files live (plain links with `download`). */
export const fileUrl = (path: string) => `/api/v1${path}`;

// --- formats ------------------------------------------------------------------------------

const nf = new Intl.NumberFormat('vi-VN');

/** A count the Vietnamese way: 8.384. */
export function num(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : nf.format(n);
}

/** A ratio 0–1 as a percentage: 92,5 % (— without data). */
export function ratio(v: number | null | undefined): string {
  if (v === null || v === undefined || !isFinite(v)) return '—';
  return `${String(Math.round(v * 1000) / 10).replace('.', ',')}\u00a0%`;
}

/** Minutes, rounded: 116 phút. */
export function minutes(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : `${Math.round(v)} phút`;
}

/** 'YYYY-MM' → 'MM/YYYY'. */
export function monthLabel(m: string): string {
  return `${m.slice(5, 7)}/${m.slice(0, 4)}`;
}

// --- the period the dashboard looks at ------------------------------------------------------

export type PeriodMode = '12m' | 'month' | 'quarter' | 'year' | 'custom';
export interface Period {
  mode: PeriodMode;
  month: string; // YYYY-MM
  quarter: string; // YYYY-Q
  year: string; // YYYY
  from: string; // YYYY-MM-DD (custom)
  to: string;
}

const p2 = (n: number) => String(n).padStart(2, '0');
function lastDay(y: number, m: number): string {
  return `${y}-${p2(m)}-${p2(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
}
/** 'YYYY-MM' moved by n months. */
export function addMonths(ym: string, n: number): string {
  const t = +ym.slice(0, 4) * 12 + (+ym.slice(5, 7) - 1) + n;
  return `${Math.floor(t / 12)}-${p2((t % 12) + 1)}`;
}

export function defaultPeriod(): Period {
  const t = today();
  const m = +t.slice(5, 7);
  return {
    mode: '12m',
    month: t.slice(0, 7),
    quarter: `${t.slice(0, 4)}-${Math.ceil(m / 3)}`,
    year: t.slice(0, 4),
    from: `${addMonths(t.slice(0, 7), -11)}-01`,
    to: t,
  };
}

/** The from–to days of a period. */
export function periodRange(p: Period): { from: string; to: string } {
  const t = today();
  switch (p.mode) {
    case 'month':
      return { from: `${p.month}-01`, to: lastDay(+p.month.slice(0, 4), +p.month.slice(5, 7)) };
    case 'quarter': {
      const [y, q] = p.quarter.split('-').map(Number);
      return { from: `${y}-${p2(3 * q - 2)}-01`, to: lastDay(y, 3 * q) };
    }
    case 'year':
      return { from: `${p.year}-01-01`, to: `${p.year}-12-31` };
    case 'custom':
      return { from: p.from, to: p.to };
    default:
      return { from: `${addMonths(t.slice(0, 7), -11)}-01`, to: t };
  }
}

export function rangeText(from: string, to: string): string {
  return `${showDate(from)} – ${showDate(to)}`;
}

/** The period last chosen on a dashboard, kept while the app runs so a drill-down keeps it. */
let remembered: Period | null = null;
export function rememberedPeriod(): Period {
  return remembered ? { ...remembered } : defaultPeriod();
}
export function rememberPeriod(p: Period): void {
  remembered = { ...p };
}
