// Calls and display helpers for the meeting-quality score and the early warnings.
import { api } from './api';
import type { Evaluator, Score, Severity, SubgroupPilotState, Warning, WarningPage } from './qualityTypes';

export const getScore = (meetingId: number) => api.get<Score>(`/meetings/${meetingId}/score`);

export const putEvaluation = (meetingId: number, evaluator: Evaluator, criteria: Record<string, number>, note: string) =>
  api.put<Score>(`/meetings/${meetingId}/evaluation`, { evaluator, criteria, note });

/**
 * Every warning of the subtree (the list is computed as a whole on the server, so one big page
 * costs no more than a small one); counts and the severity filter are then done here.
 */
export async function allWarnings(orgId: number, includeAcknowledged: boolean): Promise<WarningPage> {
  const LIMIT = 500;
  const first = await api.get<WarningPage>(`/orgs/${orgId}/warnings`, {
    include_acknowledged: includeAcknowledged,
    limit: LIMIT,
  });
  const items = [...first.items];
  // Further pages are judged on the same day as the first.
  while (items.length < first.total && items.length < 5000) {
    const next = await api.get<WarningPage>(`/orgs/${orgId}/warnings`, {
      include_acknowledged: includeAcknowledged,
      limit: LIMIT,
      offset: items.length,
      at: first.at,
    });
    if (!next.items.length) break;
    items.push(...next.items);
  }
  return { items, total: first.total, at: first.at };
}

export const getSubgroupPilot = (orgId: number) => api.get<SubgroupPilotState>(`/orgs/${orgId}/subgroup-pilot`);
export const putSubgroupPilot = (orgId: number, body: { from: string; to: string | null; decision: string }) =>
  api.put<SubgroupPilotState>(`/orgs/${orgId}/subgroup-pilot`, body);
export const deleteSubgroupPilot = (orgId: number) => api.del<void>(`/orgs/${orgId}/subgroup-pilot`);

export const ackWarning = (id: number, note: string, at: string) => api.post<Warning>(`/warnings/${id}/ack`, { note, at });

/** A score the Vietnamese way: 69,75 (at most two decimals). */
export function points(v: number | null | undefined): string {
  if (v === null || v === undefined || isNaN(v)) return '—';
  return String(Math.round(v * 100) / 100).replace('.', ',');
}

/** Parses '7,5' or '7.5' → 7.5; null when not a number. */
export function parsePoints(text: string): number | null {
  const s = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(s)) return null;
  return Number(s);
}

export const severityTone: Record<Severity, string> = { serious: 'red', warning: 'amber', info: 'blue' };
export const severityPlural: Record<Severity, string> = { serious: 'nghiêm trọng', warning: 'cảnh báo', info: 'thông tin' };
export const severities: Severity[] = ['serious', 'warning', 'info'];

/** Where a warning's subject is shown; tasks and resolutions live on their cell's meetings tab. */
export function subjectHref(w: Warning): string {
  const s = w.subject;
  if (s.type === 'member') return `#/members/${s.id}`;
  if (s.type === 'meeting') return `#/meetings/${s.id}`;
  if (s.type === 'org') return `#/orgs/${s.id}`;
  return `#/orgs/${w.org.id}/meetings`;
}
