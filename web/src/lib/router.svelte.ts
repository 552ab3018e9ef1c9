// Hash routing: #/orgs/3, #/members/17 … so the server only serves index.html.
export type Route =
  | { name: 'home' }
  | { name: 'tree' }
  | { name: 'org'; id: number }
  | { name: 'audit'; id: number }
  | { name: 'member-new'; orgId: number }
  | { name: 'member'; id: number }
  | { name: 'member-edit'; id: number }
  | { name: 'org-meetings'; id: number }
  | { name: 'org-oversight'; id: number }
  | { name: 'org-warnings'; id: number }
  | { name: 'org-dues'; id: number; month: string }
  | { name: 'desk' }
  | { name: 'meeting'; id: number }
  | { name: 'live'; id: number }
  | { name: 'me' }
  | { name: 'checkin'; token: string }
  | { name: 'org-accounts'; id: number }
  | { name: 'activate'; code: string }
  | { name: 'account' }
  | { name: 'inbox' }
  | { name: 'org-reviews'; id: number }
  | { name: 'review-round'; id: number }
  | { name: 'review'; id: number }
  | { name: 'org-admission'; id: number }
  | { name: 'candidate'; id: number }
  | { name: 'not-found' };

const patterns: [RegExp, (m: RegExpMatchArray) => Route][] = [
  [/^\/?$/, () => ({ name: 'home' })],
  [/^\/orgs$/, () => ({ name: 'tree' })],
  [/^\/orgs\/(\d+)$/, (m) => ({ name: 'org', id: +m[1] })],
  [/^\/orgs\/(\d+)\/audit$/, (m) => ({ name: 'audit', id: +m[1] })],
  [/^\/orgs\/(\d+)\/members\/new$/, (m) => ({ name: 'member-new', orgId: +m[1] })],
  [/^\/members\/(\d+)$/, (m) => ({ name: 'member', id: +m[1] })],
  [/^\/members\/(\d+)\/edit$/, (m) => ({ name: 'member-edit', id: +m[1] })],
  [/^\/orgs\/(\d+)\/meetings$/, (m) => ({ name: 'org-meetings', id: +m[1] })],
  [/^\/orgs\/(\d+)\/oversight$/, (m) => ({ name: 'org-oversight', id: +m[1] })],
  [/^\/orgs\/(\d+)\/warnings$/, (m) => ({ name: 'org-warnings', id: +m[1] })],
  [/^\/desk$/, () => ({ name: 'desk' })],
  [/^\/meetings\/(\d+)$/, (m) => ({ name: 'meeting', id: +m[1] })],
  [/^\/meetings\/(\d+)\/live$/, (m) => ({ name: 'live', id: +m[1] })],
  [/^\/me$/, () => ({ name: 'me' })],
  [/^\/orgs\/(\d+)\/accounts$/, (m) => ({ name: 'org-accounts', id: +m[1] })],
  [/^\/account$/, () => ({ name: 'account' })],
  [/^\/inbox$/, () => ({ name: 'inbox' })],
  [/^\/orgs\/(\d+)\/reviews$/, (m) => ({ name: 'org-reviews', id: +m[1] })],
  [/^\/review-rounds\/(\d+)$/, (m) => ({ name: 'review-round', id: +m[1] })],
  [/^\/reviews\/(\d+)$/, (m) => ({ name: 'review', id: +m[1] })],
  [/^\/orgs\/(\d+)\/admission$/, (m) => ({ name: 'org-admission', id: +m[1] })],
  [/^\/candidates\/(\d+)$/, (m) => ({ name: 'candidate', id: +m[1] })],
];

/** The QR code opens /checkin?token=… (a real path, served index.html); it wins over the hash. */
function checkinToken(): string | null {
  if (location.pathname.replace(/\/+$/, '') !== '/checkin') return null;
  return new URLSearchParams(location.search).get('token');
}

export function parse(hash: string): Route {
  const token = checkinToken();
  if (token !== null && !hash.replace(/^#\/?/, '')) return { name: 'checkin', token };
  const [path, query = ''] = hash.replace(/^#/, '').split('?');
  // The activation sheet's QR code opens #/activate?code=…; the code stays in the fragment,
  // which browsers never send to the server.
  if (/^\/activate$/.test(path)) return { name: 'activate', code: new URLSearchParams(query).get('code') ?? '' };
  // Party dues of a cell: #/orgs/3/dues?month=2026-03 (the month is optional).
  const dues = path.match(/^\/orgs\/(\d+)\/dues$/);
  if (dues) return { name: 'org-dues', id: +dues[1], month: new URLSearchParams(query).get('month') ?? '' };
  for (const [re, make] of patterns) {
    const m = path.match(re);
    if (m) return make(m);
  }
  return { name: 'not-found' };
}

export const router = $state<{ route: Route; hash: string }>({
  route: parse(location.hash),
  hash: location.hash,
});

/**
 * A page with unsaved work sets `leaveGuard`; it is asked before the route changes and may keep
 * the user where they are (returns false). Checked here, before any page is torn down.
 */
export const navigation: { leaveGuard: null | (() => boolean) } = { leaveGuard: null };

addEventListener('hashchange', () => {
  if (navigation.leaveGuard && location.hash !== router.hash && !navigation.leaveGuard()) {
    history.replaceState(null, '', router.hash || '#/');
    return;
  }
  router.hash = location.hash;
  router.route = parse(location.hash);
});

export function go(hash: string): void {
  if (location.hash === hash) {
    router.route = parse(hash);
  } else {
    location.hash = hash;
  }
}

/** A one-shot success message shown by the next page (e.g. after saving a form). */
export const flash = $state<{ message: string }>({ message: '' });

/** Reads and clears the flash message. */
export function takeFlash(): string {
  const m = flash.message;
  flash.message = '';
  return m;
}

/** Sets the browser tab title (read first by screen readers after navigation). */
export function setTitle(page: string): void {
  document.title = page ? `${page} – Sinh hoạt chi bộ` : 'Sinh hoạt chi bộ';
}
