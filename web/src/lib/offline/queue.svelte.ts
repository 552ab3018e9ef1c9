// Offline capture in live mode. Writes of a meeting the phone holds go straight to the server
// while the connection is up; when it is down (or earlier changes are still waiting, to keep the
// order) they are queued in IndexedDB with an id made here and the phone's time, shown on the
// meeting at once (overlay.ts), and sent in order when the connection comes back, each with its
// id as the Idempotency-Key, so a change sent twice is applied once. A change the server refuses
// stays in the queue, marked, until the secretary copies or discards it.
import { ApiError, csrfToken, setOfflineHook, type Method, type Send } from '../api';
import { showDate } from '../format';
import { markLabel, outcomeOptions, showTime } from '../meetingFormat';
import type { Meeting } from '../meetingTypes';
import { session } from '../session.svelte';
import * as idb from './idb';
import { overlay } from './overlay';
import type { QueuedChange } from './types';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const offline = $state({
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  changes: [] as QueuedChange[],
  syncing: false,
  /** Bumped after a sync the server answered: screens showing a meeting read it again. */
  synced: 0,
  /** Marks the server kept out when the queue was sent (shown until dismissed). */
  notes: [] as string[],
});

/** This account's unsent changes, oldest first. */
export function mine(): QueuedChange[] {
  const user = session.user?.id;
  return offline.changes.filter((c) => c.user === user);
}

const API_CACHE = 'chibo-api';
const DAY = 86400e3;
const WRITE = /^\/meetings\/(\d+)\/(start|end|attendance|speeches|task-reviews|resolutions)$|^\/resolutions\/(-?\d+)\/(vote|tasks)$/;
const READ = /^\/meetings\/(\d+)$/;
const bases = new Map<number, Meeting>(); // the last meeting the server sent
const resolutionMeeting = new Map<number, number>();

const nowIso = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
const newId = () =>
  typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
const waiting = (meeting: number) => mine().filter((c) => c.meeting === meeting);
const pendingOf = (meeting: number) => waiting(meeting).filter((c) => c.state === 'pending');

function remember(m: Meeting) {
  bases.set(m.id, m);
  for (const r of m.resolutions) resolutionMeeting.set(r.id, m.id);
}

/** Kept for use without a connection: meetings opened in the 7 days before them (and the day). */
async function keep(m: Meeting) {
  const start = Date.parse(m.planned_start);
  const now = Date.now();
  if (!(now >= start - 7 * DAY && now <= start + DAY) && !waiting(m.id).length) return;
  if (typeof caches === 'undefined') return;
  const c = await caches.open(API_CACHE);
  await c.put(`/api/v1/meetings/${m.id}`, new Response(JSON.stringify(m), { headers: { 'Content-Type': 'application/json' } }));
}

/** Keeps the session's /me answer so the app opens without a connection. */
export async function keepSession(me: unknown): Promise<void> {
  if (typeof caches === 'undefined') return;
  const c = await caches.open(API_CACHE);
  await c.put('/api/v1/me', new Response(JSON.stringify(me), { headers: { 'Content-Type': 'application/json' } }));
}

/** Forgets what was kept for the session (log-out on a shared phone); queued changes stay. */
export async function forgetKept(): Promise<void> {
  if (typeof caches !== 'undefined') await caches.delete(API_CACHE);
  bases.clear();
}

async function readMeeting(id: number, send: Send): Promise<Meeting> {
  await ready;
  let m: Meeting;
  try {
    m = (await send()) as Meeting;
    remember(m);
    keep(m).catch(() => {});
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 0) throw e;
    const kept = bases.get(id) ?? (await (await caches?.match(`/api/v1/meetings/${id}`))?.json().catch(() => null));
    if (!kept) throw e;
    m = kept as Meeting;
    remember(m);
  }
  const out = overlay(m, pendingOf(id)).meeting;
  for (const r of out.resolutions) resolutionMeeting.set(r.id, id);
  return out;
}

function names(m: Meeting, ids: number[]): string {
  return ids.map((x) => m.roll.find((r) => r.member_id === x)?.full_name ?? `#${x}`).join(', ');
}

/** What a change is, in the secretary's words. */
function describe(m: Meeting, path: string, b: Body, at: string): string {
  const what = path.split('/').pop();
  const outcome: Record<string, string> = Object.fromEntries(outcomeOptions);
  if (what === 'start') return `Bắt đầu họp lúc ${showTime(b.at ?? at)}`;
  if (what === 'end') return `Kết thúc họp lúc ${showTime(at)}${b.minutes_read_back ? ' (đã đọc lại biên bản)' : ''}`;
  if (what === 'attendance')
    return `Điểm danh: ${(b.items as Body[]).map((i) => `${names(m, [i.member_id])} – ${markLabel[i.status] ?? i.status}`).join('; ')}`;
  if (what === 'speeches') return `Phát biểu của đồng chí ${names(m, [b.member_id])}: ${b.summary}`;
  if (what === 'task-reviews')
    return `Kiểm điểm nhiệm vụ: ${(b.items as Body[])
      .map((i) => `${m.carried_tasks.find((t) => t.id === i.task_id)?.description ?? ''} – ${outcome[i.outcome] ?? i.outcome}`)
      .join('; ')}`;
  const v = (x: Body) => `${x.votes_for} tán thành, ${x.against} không tán thành, ${x.abstain} không biểu quyết`;
  if (what === 'resolutions') return `Nghị quyết: ${b.title}${b.vote ? ` (biểu quyết: ${v(b.vote)})` : ''}`;
  if (what === 'vote') return `Biểu quyết: ${v(b)}`;
  if (what === 'tasks')
    return `Nhiệm vụ: ${b.description}${b.assignee_member_ids?.length ? ` – giao ${names(m, b.assignee_member_ids)}` : ''}${b.deadline ? `, hạn ${showDate(b.deadline)}` : ''}`;
  return path;
}

/** The body as queued: marks carry their time and only what changed; the server counts `eligible`. */
function queued(current: Meeting, path: string, body: Body, at: string): Body | null {
  if (path.endsWith('/attendance')) {
    const items = ((body.items ?? []) as Body[]).filter((i) => {
      const mark = current.roll.find((r) => r.member_id === i.member_id)?.mark;
      return !mark || mark.status !== i.status || (mark.reason_category ?? '') !== (i.reason_category ?? '') || mark.reason !== (i.reason ?? '');
    });
    return items.length ? { items: items.map((i) => ({ ...i, marked_at: at })) } : null;
  }
  const dropEligible = (v: Body) => {
    const { eligible: _, ...rest } = v;
    return rest;
  };
  // Started and ended when the secretary tapped, not when the queue reaches the server.
  if (path.endsWith('/start') || path.endsWith('/end')) return { ...body, at: body.at ?? at };
  if (path.endsWith('/vote')) return dropEligible(body);
  if (path.endsWith('/resolutions') && body.vote) return { ...body, vote: dropEligible(body.vote) };
  return body;
}

async function write(meeting: number, method: Method, path: string, body: Body, send: Send): Promise<unknown> {
  await ready;
  const id = newId();
  if (offline.online && !waiting(meeting).length) {
    try {
      const r = await send({ 'Idempotency-Key': id });
      if (r && typeof r === 'object' && 'roll' in r) remember(r as Meeting);
      return r;
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 0) throw e;
      offline.online = false; // the connection dropped: queue it below
    }
  }
  const base = bases.get(meeting)!;
  const current = overlay(base, pendingOf(meeting)).meeting;
  const at = nowIso();
  const q = queued(current, path, body, at);
  if (!q) return current;
  const change: QueuedChange = {
    // The same key as the attempt above when the body is the same: if that attempt reached the
    // server after all, the replay is recognised; a changed body is a new change.
    id: JSON.stringify(q) === JSON.stringify(body) ? id : newId(),
    user: session.user!.id,
    meeting,
    method,
    path,
    body: q,
    at,
    label: describe(current, path, q, at),
    state: 'pending',
  };
  if (path.endsWith('/resolutions')) change.creates = -Math.floor(Date.now() / 1000) * 100 - offline.changes.length;
  change.seq = await idb.add($state.snapshot(change) as QueuedChange);
  offline.changes.push(change);
  const { meeting: after, last } = overlay(base, pendingOf(meeting));
  for (const r of after.resolutions) resolutionMeeting.set(r.id, meeting);
  keep(base).catch(() => {});
  if (offline.online) void flush();
  return last;
}

/** The session answer, kept for opening the app without a connection. */
async function readSession(send: Send): Promise<unknown> {
  try {
    const me = await send();
    keepSession(me).catch(() => {});
    return me;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) await forgetKept().catch(() => {});
    if (!(e instanceof ApiError) || e.status !== 0 || typeof caches === 'undefined') throw e;
    const kept = await (await caches.match('/api/v1/me'))?.json().catch(() => null);
    if (!kept) throw e;
    return kept;
  }
}

setOfflineHook((method, path, body, send) => {
  if (method === 'GET' && path === '/me') return readSession(send);
  if (path === '/auth/login')
    return send().then((r) => {
      const a = r as { user: unknown; csrf_token: string };
      keepSession({ user: a.user, csrf_token: a.csrf_token }).catch(() => {});
      return r;
    });
  if (path === '/auth/logout') return forgetKept().then(() => send());
  if (!session.user) return null;
  if (method === 'GET') {
    const r = READ.exec(path);
    return r ? readMeeting(+r[1], send) : null;
  }
  const w = WRITE.exec(path);
  if (!w) return null;
  const meeting = w[1] ? +w[1] : resolutionMeeting.get(+w[3]);
  if (!meeting || !bases.has(meeting)) return null;
  return write(meeting, method, path, (body ?? {}) as Body, send);
});

async function save(c: QueuedChange) {
  await idb.put($state.snapshot(c) as QueuedChange);
}
async function drop(c: QueuedChange) {
  if (c.seq !== undefined) await idb.remove(c.seq);
  offline.changes = offline.changes.filter((x) => x !== c && x.seq !== c.seq);
}

/** Sends this account's queue in order. Stops at the first change the network or the server cannot take now. */
export async function flush(): Promise<void> {
  if (offline.syncing || !session.user || !navigator.onLine) return;
  offline.syncing = true;
  let answered = 0; // changes the server answered (taken or refused): the screen must follow
  try {
    for (const c of mine()) {
      if (c.state === 'blocked') continue;
      if (/\/-\d+\//.test(c.path)) {
        c.state = 'blocked';
        c.error = 'Nghị quyết của thay đổi này chưa gửi được.';
        await save(c);
        continue;
      }
      let r: Response;
      try {
        r = await fetch(`/api/v1${c.path}`, {
          method: c.method,
          credentials: 'same-origin',
          headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken(), 'Idempotency-Key': c.id },
          body: JSON.stringify(c.body),
        });
      } catch {
        offline.online = false;
        break;
      }
      offline.online = true;
      const data = await r.json().catch(() => null);
      if (r.ok) {
        answered++;
        if (c.creates !== undefined && typeof data?.id === 'number') {
          resolutionMeeting.set(data.id, c.meeting);
          for (const d of mine())
            if (d.path.includes(`/${c.creates}/`)) {
              d.path = d.path.replace(`/${c.creates}/`, `/${data.id}/`);
              await save(d);
            }
        }
        for (const n of (data?.not_applied ?? []) as Body[]) {
          const who = bases.get(c.meeting)?.roll.find((l) => l.member_id === n.member_id)?.full_name ?? '';
          offline.notes.push(`Điểm danh của đồng chí ${who} không được áp dụng: ${n.message}`);
        }
        await drop(c);
        continue;
      }
      // Not now: the session must be renewed, or the server is busy. Try again later, in order.
      if (r.status === 401 || r.status === 429 || r.status >= 500 || data?.code === 'csrf_failed' || data?.code === 'idempotency_key_in_progress')
        break;
      answered++;
      c.state = 'blocked';
      c.code = data?.code ?? '';
      c.error = data?.detail || data?.title || `Máy chủ từ chối (mã ${r.status}).`;
      await save(c);
    }
  } finally {
    offline.syncing = false;
    if (answered) offline.synced++;
  }
}

/** Sends a refused change again (after the cause is fixed). */
export async function retry(c: QueuedChange): Promise<void> {
  c.state = 'pending';
  c.error = undefined;
  await save(c);
  await flush();
}

/** Drops a change the secretary chose to discard. */
export const discard = drop;

let started = false;
let loaded: () => void = () => {};
/** Settled once the queue is loaded from IndexedDB: meetings are shown with it, never without. */
const ready = new Promise<void>((resolve) => (loaded = resolve));
/** Loads the queue and starts sending on reconnection; called once at start-up. */
export async function startOffline(): Promise<void> {
  if (started) return;
  started = true;
  if (typeof indexedDB === 'undefined') return loaded();
  addEventListener('online', () => {
    offline.online = true;
    void flush();
  });
  addEventListener('offline', () => (offline.online = false));
  try {
    offline.changes = await idb.loadAll();
  } catch {
    offline.changes = [];
  } finally {
    loaded();
  }
  setInterval(() => {
    if (navigator.onLine && mine().some((c) => c.state === 'pending')) void flush();
  }, 15000);
}
