// The logged-in user, shared by every screen. The CSRF token lives in api.ts.
import { api, setCsrf, ApiError } from './api';
import type { MeetingBrief } from './meetingTypes';
import type { GrantRole, LoginAnswer, User } from './types';

export const session = $state<{ user: User | null; checked: boolean }>({ user: null, checked: false });

export async function restore(): Promise<void> {
  try {
    const me = await api.get<{ user: User; csrf_token: string }>('/me');
    setCsrf(me.csrf_token);
    session.user = me.user;
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 401) console.warn('restore session', e);
    session.user = null;
  } finally {
    session.checked = true;
  }
}

export async function login(username: string, password: string): Promise<void> {
  const ans = await api.post<LoginAnswer>('/auth/login', { username, password });
  setCsrf(ans.csrf_token);
  session.user = ans.user;
}

export async function logout(): Promise<void> {
  try {
    await api.post('/auth/logout');
  } finally {
    forget();
  }
}

/** Drops the session locally (after logout or a 401). */
export function forget(): void {
  setCsrf('');
  session.user = null;
}

export function hasRole(user: User | null, ...roles: GrantRole[]): boolean {
  return !!user?.grants.some((g) => roles.includes(g.role));
}

/**
 * Where a user starts, on their next job: a cell secretary on the meeting of their cell that is on
 * now or comes next (else the cell's meetings), ward staff on the ward dashboard, a monitor on
 * their desk, a member on "Sinh hoạt của tôi", an administrator on the tree.
 */
export async function landing(user: User): Promise<string> {
  const g = (r: GrantRole) => user.grants.find((x) => x.role === r);
  if (g('admin')) return '#/orgs';
  const committee = g('committee');
  if (committee) return `#/orgs/${committee.org_id}/oversight`;
  if (g('monitor')) return '#/desk';
  const cell = g('cell');
  if (cell) {
    try {
      const day = (offset: number) => new Date(Date.now() + 7 * 3600e3 + offset * 86400e3).toISOString().slice(0, 10);
      const r = await api.get<{ items: MeetingBrief[] }>(`/orgs/${cell.org_id}/meetings`, { from: day(-45), to: day(120) });
      const today = day(0);
      const current = r.items.find((m) => m.status === 'held');
      const next = r.items.find((m) => m.status === 'planned' && m.planned_start.slice(0, 10) >= today);
      const target = current ?? next;
      if (target) return `#/meetings/${target.id}`;
    } catch {
      /* the cell's meetings list is still a good start */
    }
    return `#/orgs/${cell.org_id}/meetings`;
  }
  if (user.member_id) return '#/me';
  const any = user.grants[0];
  return any ? `#/orgs/${any.org_id}` : '#/orgs';
}
