// A thin client for /api/v1. Keeps the CSRF token in memory (never in storage)
// and turns problem+json answers into ApiError.
import type { FieldError, Problem } from './types';

const BASE = '/api/v1';
let csrf = '';
let onUnauthenticated: () => void = () => {};

export function setCsrf(token: string): void {
  csrf = token;
}

/** Called when the server answers 401 to anything but log-in. */
export function onSessionLost(fn: () => void): void {
  onUnauthenticated = fn;
}

export class ApiError extends Error {
  status: number;
  code: string;
  errors: FieldError[];
  retryAfter: number | null;

  constructor(p: Problem, retryAfter: number | null = null) {
    super(p.detail || p.title || messageForStatus(p.status));
    this.status = p.status;
    this.code = p.code ?? '';
    this.errors = p.errors ?? [];
    this.retryAfter = retryAfter;
  }
}

function messageForStatus(status: number): string {
  if (status === 0) return 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.';
  if (status === 401) return 'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.';
  if (status === 403) return 'Bạn không có quyền thực hiện thao tác này.';
  if (status === 404) return 'Không tìm thấy dữ liệu hoặc bạn không có quyền xem.';
  if (status === 409) return 'Dữ liệu đã bị người khác thay đổi. Vui lòng tải lại.';
  if (status === 429) return 'Quá nhiều lần thử. Vui lòng đợi rồi thử lại.';
  return 'Máy chủ gặp lỗi. Vui lòng thử lại sau.';
}

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, q: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v === null || v === undefined || v === '' || v === false) continue;
    params.set(k, v === true ? '1' : String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

// --- offline capture (lib/offline): live-mode writes and meeting reads pass through a hook that
// may queue them while the connection is down. `send` is the plain request below.
export type Send = (extra?: Record<string, string>) => Promise<unknown>;
export type OfflineHook = (method: Method, path: string, body: unknown, send: Send) => Promise<unknown> | null;
let offlineHook: OfflineHook | null = null;
export function setOfflineHook(h: OfflineHook): void {
  offlineHook = h;
}
/** The CSRF token of this session, for the offline queue's replay. */
export const csrfToken = (): string => csrf;

async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const hooked = offlineHook && !(body instanceof Blob) ? offlineHook(method, path, body, (x) => send(method, path, body, x)) : null;
  return (hooked ?? send(method, path, body)) as Promise<T>;
}
// --- end offline capture

async function send<T>(method: Method, path: string, body?: unknown, extra: Record<string, string> = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...extra };
  // A Blob (a picked file) goes as the raw body with its own type; anything else as JSON.
  const raw = body instanceof Blob;
  if (body !== undefined) headers['Content-Type'] = raw ? body.type || 'application/octet-stream' : 'application/json';
  if (method !== 'GET' && path !== '/auth/login') headers['X-CSRF-Token'] = csrf;
  let res: Response;
  try {
    res = await fetch(BASE + path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError({ status: 0 });
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!res.ok) {
    const p: Problem =
      data && typeof data === 'object' ? { ...(data as Problem), status: res.status } : { status: res.status };
    const ra = res.headers.get('Retry-After');
    const err = new ApiError(p, ra ? Number(ra) : null);
    if (res.status === 401 && path !== '/auth/login' && path !== '/me') onUnauthenticated();
    throw err;
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, q?: Query) => request<T>('GET', withQuery(path, q)),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  del: <T>(path: string) => request<T>('DELETE', path),
  /** POSTs a file as the raw body (attachments). */
  upload: <T>(path: string, file: Blob) => request<T>('POST', path, file),
};

/** POSTs JSON and returns the answer as a file (a generated PDF). Errors as for request(). */
export async function postForFile(path: string, body: unknown = {}): Promise<Blob> {
  let res: Response;
  try {
    res = await fetch(BASE + path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
      credentials: 'same-origin',
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError({ status: 0 });
  }
  if (!res.ok) {
    let p: Problem = { status: res.status };
    try {
      p = { ...(await res.json()), status: res.status };
    } catch {
      /* not problem+json */
    }
    if (res.status === 401) onUnauthenticated();
    throw new ApiError(p);
  }
  return res.blob();
}

/** The message to show for any thrown value. */
export function errorText(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  return 'Đã xảy ra lỗi không mong muốn. Vui lòng thử lại.';
}
