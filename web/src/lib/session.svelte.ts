// The logged-in user, shared by every screen. The CSRF token lives in api.ts.
import { api, setCsrf, ApiError } from './api';
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

/** Where a user starts: their cell for a secretary, their own meetings and tasks for a member, the tree otherwise. */
export function homeRoute(user: User): string {
  const g = (r: GrantRole) => user.grants.find((x) => x.role === r);
  if (g('admin') || g('committee') || g('monitor')) return '#/orgs';
  const cell = g('cell');
  if (cell) return `#/orgs/${cell.org_id}`;
  if (user.member_id) return '#/me';
  const any = user.grants[0];
  return any ? `#/orgs/${any.org_id}` : '#/orgs';
}
