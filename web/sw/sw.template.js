// chibo's service worker (written into dist/sw.js by scripts/sw.mjs, which fills in VERSION and
// SHELL). It keeps the app shell so the app opens without a connection, and serves the meetings
// the app kept (cache "chibo-api": meetings opened in the 7 days before them, and the session)
// when the network does not answer. It never touches writes: those go to the page's queue.
const VERSION = '__VERSION__';
const SHELL = __SHELL__;
const SHELL_CACHE = `chibo-shell-${VERSION}`;
const API_CACHE = 'chibo-api';
const DAY = 86400e3;

self.addEventListener('install', (e) => {
  e.waitUntil(caches.open(SHELL_CACHE).then((c) => c.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (e) => {
  e.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('chibo-shell-') && k !== SHELL_CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

async function networkFirst(request, keep) {
  try {
    const r = await fetch(request);
    if (keep && r.ok) await keep(r.clone()).catch(() => {});
    return r;
  } catch (err) {
    const kept = await caches.match(request, { cacheName: API_CACHE });
    if (kept) return kept;
    throw err;
  }
}

// A meeting is kept from 7 days before its start to a day after.
async function keepMeeting(url, response) {
  const m = await response.json();
  const start = Date.parse(m.planned_start);
  if (!(Date.now() >= start - 7 * DAY && Date.now() <= start + DAY)) return;
  const c = await caches.open(API_CACHE);
  await c.put(url, new Response(JSON.stringify(m), { headers: { 'Content-Type': 'application/json' } }));
}

self.addEventListener('fetch', (e) => {
  const req = e.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (req.mode === 'navigate') {
    e.respondWith(fetch(req).catch(async () => (await caches.match('./index.html', { cacheName: SHELL_CACHE })) ?? Response.error()));
    return;
  }
  if (/^\/api\/v1\/meetings\/\d+$/.test(url.pathname)) {
    e.respondWith(networkFirst(req, (r) => keepMeeting(url.pathname, r)));
    return;
  }
  if (url.pathname === '/api/v1/me') {
    e.respondWith(networkFirst(req, null));
    return;
  }
  if (url.pathname.startsWith('/api/')) return;
  // The shell: fingerprinted assets never change, so the kept copy answers first.
  e.respondWith(caches.match(req, { cacheName: SHELL_CACHE }).then((hit) => hit ?? fetch(req)));
});
