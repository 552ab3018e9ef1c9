// Offline capture in live mode, at phone size (390×844). The app installs (manifest with the
// right type and a Vietnamese name, PNG icons, a service worker that takes control). A secretary
// opens a meeting, loses the connection (context.setOffline), starts it, takes the roll, logs two
// speeches, records the resolution with its vote and two tasks, reloads the page while still
// offline (everything is still there, "7 thay đổi chưa gửi"), comes back online, and the same
// record is read through the API, each change once. Then the same with a member's QR check-in
// reaching the server while the phone is offline (the check-in wins over the offline absence and
// the screen says so), and with the meeting locked from another session while offline (the
// refused changes are listed with their content until the secretary copies and discards them).
//
// Chromium's offline emulation does not cover a service worker's own fetches, so while "offline"
// they are aborted too (Playwright's service-worker network events, switched on below before
// the browser starts).
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

export default function register(h) {
  const { test, ctx, check, visible, waitFor, phoneLogin, noOverflow, shot, vnToday } = h;
  const local = {};

  /** A session of its own through the API (another device): log-in, then JSON calls with CSRF. */
  async function apiSession(user) {
    const r = await fetch(`${ctx.base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: user, password: h.PASS }),
    });
    check(r.ok, `log-in of ${user} answered ${r.status}`);
    const cookie = r.headers.get('set-cookie').split(';')[0];
    const { csrf_token: csrf } = await r.json();
    const call = async (method, path, body) => {
      const res = await fetch(`${ctx.base}/api/v1${path}`, {
        method,
        headers: { Cookie: cookie, 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const data = await res.json().catch(() => null);
      return { status: res.status, data };
    };
    const ok = async (method, path, body) => {
      const res = await call(method, path, body);
      check(res.status >= 200 && res.status < 300, `${method} ${path} answered ${res.status}: ${JSON.stringify(res.data)}`);
      return res.data;
    };
    return { call, ok, get: (p) => ok('GET', p) };
  }

  const day = (n) => vnToday(n).split('/').reverse().join('-');

  async function planMeeting(api, n, topic) {
    const cell = local.cell;
    const m = await api.ok('POST', `/orgs/${cell}/meetings`, {
      kind: 'extraordinary',
      planned_start: `${day(n)}T19:30`,
      place: 'Nhà văn hóa Khu phố 1',
      topic,
    });
    const roll = m.roll.filter((r) => r.counts_for_attendance).map((r) => r.member_id);
    await api.ok('PATCH', `/meetings/${m.id}`, { chair_member_id: roll[0], secretary_member_id: roll[1], version: m.version });
    return m.id;
  }

  function offlineRoute(route) {
    return route.request().serviceWorker() ? route.abort('internetdisconnected') : route.continue();
  }
  async function goOffline(context) {
    await context.route('**', offlineRoute);
    await context.setOffline(true);
  }
  async function goOnline(context) {
    await context.unroute('**', offlineRoute);
    await context.setOffline(false);
  }
  const banner = (page) => page.getByTestId('offline-banner');

  async function openLive(page, id) {
    await page.goto(`${ctx.base}/#/meetings/${id}/live`);
    await visible(page.getByRole('tab', { name: 'Điểm danh' }), 'live mode');
    // The meeting is kept for offline use once the app has read it.
    await waitFor(
      () => page.evaluate(async (u) => !!(await caches.match(u)), `/api/v1/meetings/${id}`),
      'the meeting kept for offline use',
    );
  }

  test('the app installs: manifest, icons and a service worker in control', async () => {
    const r = await fetch(`${ctx.base}/manifest.webmanifest`);
    check(r.ok, `manifest answered ${r.status}`);
    check((r.headers.get('content-type') ?? '').startsWith('application/manifest+json'), `manifest type ${r.headers.get('content-type')}`);
    const m = await r.json();
    check(m.name === 'chibo — Sinh hoạt chi bộ' && m.lang === 'vi' && m.display === 'standalone', `manifest: ${JSON.stringify(m)}`);
    for (const size of ['192x192', '512x512']) {
      const icon = m.icons.find((i) => i.sizes === size && i.type === 'image/png');
      check(icon, `no ${size} PNG icon`);
      const png = await fetch(new URL(icon.src, `${ctx.base}/manifest.webmanifest`));
      check(png.ok && png.headers.get('content-type') === 'image/png', `icon ${icon.src} answered ${png.status}`);
      const bytes = Buffer.from(await png.arrayBuffer());
      check(bytes.readUInt32BE(16) === +size.split('x')[0], `icon ${icon.src} is not ${size}`);
    }
    const { context, page } = await phoneLogin(h.USER);
    local.phone = { context, page };
    ctx.phone = local.phone; // the runner's screenshots on failure
    page.on('console', (m) => m.type() === 'error' && console.log(`  browser: ${m.text()}`));
    page.on('pageerror', (e) => console.log(`  page error: ${e.message}`));
    check(await page.locator('link[rel="manifest"]').count(), 'index.html does not link the manifest');
    await waitFor(() => page.evaluate(() => !!navigator.serviceWorker.controller), 'the service worker controlling the page', 30000);
    const me = await page.evaluate(async () => (await fetch('/api/v1/me')).json());
    local.cell = me.user.grants.find((g) => g.role === 'cell').org_id;
    local.api = await apiSession(h.USER);
  });

  test('offline: start, roll, two speeches, the vote and two tasks survive a reload and reach the server once', async () => {
    const { context, page } = local.phone;
    const id = await planMeeting(local.api, 1, 'Sinh hoạt mất mạng');
    local.first = id;
    await openLive(page, id);
    await goOffline(context);
    await visible(banner(page).getByText('Đang ngoại tuyến'), 'the offline banner');

    await page.getByRole('button', { name: 'Bắt đầu họp' }).click();
    await visible(page.getByRole('button', { name: 'Kết thúc họp' }), 'the end button after starting offline');
    await page.getByRole('button', { name: 'Còn lại: có mặt' }).click();
    await page.getByRole('button', { name: 'Lưu điểm danh' }).click();
    await visible(page.getByRole('status').filter({ hasText: 'Đã lưu điểm danh' }), 'the roll saved offline');

    const m = await local.api.get(`/meetings/${id}`);
    const present = m.roll.filter((r) => r.counts_for_attendance).map((r) => r.full_name);
    local.speeches = [
      [present[0], 'Đề nghị lắp thêm đèn hẻm 9 trước mùa mưa.'],
      [present[1], 'Vận động các hộ đăng ký tạm trú đúng hạn.'],
    ];
    await page.getByRole('tab', { name: 'Phát biểu' }).click();
    for (const [who, what] of local.speeches) {
      await page.getByRole('group', { name: 'Chọn người phát biểu' }).getByRole('button', { name: who, exact: true }).click();
      await page.getByLabel('Tóm tắt ý kiến').fill(what);
      await page.getByRole('button', { name: 'Ghi ý kiến' }).click();
      await visible(page.locator('ol.done li').filter({ hasText: what }), `the speech of ${who} listed offline`);
    }

    await page.getByRole('tab', { name: 'Nghị quyết' }).click();
    await page.getByLabel('Đánh giá kết quả tháng qua').fill('Chi bộ giữ vững an ninh khu phố.');
    await page.getByLabel('Phương hướng, nhiệm vụ').fill('Ra quân dọn vệ sinh cuối tháng.');
    await page.getByRole('button', { name: 'Lưu nghị quyết' }).click();
    await visible(page.getByRole('status').filter({ hasText: /Đã ghi nghị quyết \(chưa gửi\), biểu quyết/ }), 'the resolution saved offline');
    local.tasks = ['Kiểm tra đèn chiếu sáng hẻm 9.', 'Lập danh sách hộ tạm trú mới.'];
    for (const t of local.tasks) {
      await page.getByLabel('Nội dung nhiệm vụ').fill(t);
      await page.getByRole('group', { name: /Người thực hiện/ }).getByRole('checkbox').first().check();
      await page.getByLabel('Hạn hoàn thành').fill(vnToday(14));
      await page.getByRole('button', { name: 'Giao nhiệm vụ' }).click();
      await visible(page.getByText(t), `the task "${t}" listed offline`);
    }
    await visible(banner(page).getByText('7 thay đổi chưa gửi'), '"7 thay đổi chưa gửi"');
    await shot(page, 'offline-390-queued');
    await noOverflow(page, 'live mode offline');

    // A reload without a connection: the shell comes from the service worker, the work from the queue.
    await page.reload();
    await visible(page.getByRole('tab', { name: 'Điểm danh' }), 'live mode after an offline reload');
    await visible(banner(page).getByText('7 thay đổi chưa gửi'), 'the queue after the reload');
    // Really without a network: the server is out of reach, and the meeting came from the kept
    // copy (the server's own answers carry X-Request-Id; the kept copy does not).
    const probe = await page.evaluate(async (u) => {
      const health = await fetch('/api/v1/health').then(() => 'reached', () => 'unreachable');
      const m = await fetch(u);
      return { health, kept: m.ok && !m.headers.get('X-Request-Id') };
    }, `/api/v1/meetings/${id}`);
    check(probe.health === 'unreachable', 'the server was reachable while offline');
    check(probe.kept, 'the meeting was not served from the kept copy while offline');
    await visible(page.getByRole('button', { name: 'Kết thúc họp' }), 'the meeting still started after the reload');
    await page.getByRole('tab', { name: 'Phát biểu' }).click();
    for (const [, what] of local.speeches) await visible(page.locator('ol.done li').filter({ hasText: what }), `"${what}" after the reload`);
    await page.getByRole('tab', { name: 'Nghị quyết' }).click();
    for (const t of local.tasks) await visible(page.getByText(t), `the task "${t}" after the reload`);

    await goOnline(context);
    await waitFor(async () => (await banner(page).count()) === 0, 'the queue sent after reconnecting', 30000);
    const after = await local.api.get(`/meetings/${id}`);
    check(after.started_at, 'the meeting is not started on the server');
    const counted = after.roll.filter((r) => r.counts_for_attendance);
    check(counted.every((r) => r.mark?.status === 'present'), 'not everyone present on the server');
    check(after.speeches.length === 2, `${after.speeches.length} speeches on the server (2 made)`);
    for (const [who, what] of local.speeches)
      check(after.speeches.some((s) => s.summary === what && s.full_name === who), `the speech "${what}" is missing`);
    check(after.resolutions.length === 1, `${after.resolutions.length} resolutions on the server`);
    const res = after.resolutions[0];
    // The server counted `eligible` itself; the phone's estimate filled in the votes in favour.
    check(res.vote && res.vote.passed && res.vote.votes_for <= res.vote.eligible, `the vote: ${JSON.stringify(res.vote)}`);
    console.log(`  vote recorded offline: ${res.vote.line} (eligible ${res.vote.eligible} counted by the server)`);
    check(res.number && !/chưa gửi/.test(res.number_text), `the resolution has no number: ${res.number_text}`);
    const tasks = after.tasks.filter((t) => t.resolution_id === res.id).map((t) => t.description);
    check(tasks.length === 2 && local.tasks.every((t) => tasks.includes(t)), `tasks on the server: ${JSON.stringify(tasks)}`);
    // The screen follows the server: the resolution now has its number.
    await visible(page.getByText(new RegExp(res.number_text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))), 'the resolution number on screen');
  });

  test('a QR check-in the server has wins over an absence marked offline, and the screen says so', async () => {
    const { context, page } = local.phone;
    await goOnline(context); // whatever an earlier test left
    const id = await planMeeting(local.api, 2, 'Sinh hoạt có điểm danh QR');
    await local.api.ok('POST', `/meetings/${id}/start`, { at: `${day(2)}T19:30` });
    const member = await apiSession(h.MEMBER_USER);
    const mine = (await member.get('/me')).user.member_id;
    await openLive(page, id);
    const name = (await local.api.get(`/meetings/${id}`)).roll.find((r) => r.member_id === mine).full_name;
    await goOffline(context);
    const row = page.getByRole('group', { name, exact: true });
    await row.getByRole('button', { name: 'Vắng không lý do' }).click();
    await page.getByRole('button', { name: 'Lưu điểm danh' }).click();
    await visible(banner(page).getByText('1 thay đổi chưa gửi'), 'the absence queued');
    // Meanwhile the member scans the code at the door.
    const tok = await local.api.ok('POST', `/meetings/${id}/checkin-token`, { minutes: 10 });
    await member.ok('POST', '/checkin', { token: tok.token });
    await goOnline(context);
    await visible(page.getByRole('heading', { name: 'Điểm danh giữ theo máy chủ' }), 'the note about the kept check-in', 30000);
    await visible(page.getByText(new RegExp(`Điểm danh của đồng chí ${name} không được áp dụng: .*mã QR`)), 'why the absence was not applied');
    const mark = (await local.api.get(`/meetings/${id}`)).roll.find((r) => r.member_id === mine).mark;
    check(mark.status === 'present' && mark.source === 'checkin', `the server's mark: ${JSON.stringify(mark)}`);
    await shot(page, 'offline-390-checkin-kept');
    await page.getByRole('button', { name: 'Đã xem' }).click();
  });

  test('a meeting locked from another session while offline: the refused changes are listed until copied and discarded', async () => {
    const { context, page } = local.phone;
    await goOnline(context);
    const api = local.api;
    const id = await planMeeting(api, 3, 'Sinh hoạt bị khóa khi mất mạng');
    // A whole record, online, so that another session can lock it.
    const m = await api.get(`/meetings/${id}`);
    const ids = m.roll.filter((r) => r.counts_for_attendance).map((r) => r.member_id);
    await api.ok('POST', `/meetings/${id}/start`, { at: `${day(3)}T19:30` });
    const att = await api.ok('PUT', `/meetings/${id}/attendance`, { items: ids.map((x) => ({ member_id: x, status: 'present' })) });
    if (att.carried_tasks.length)
      await api.ok('PUT', `/meetings/${id}/task-reviews`, {
        items: att.carried_tasks.map((t) => ({ task_id: t.id, outcome: 'done', note: 'Đã xong' })),
      });
    await api.ok('POST', `/meetings/${id}/speeches`, { member_id: ids[0], summary: 'Ý kiến trước khi mất mạng.' });
    const n = (await api.get(`/meetings/${id}`)).voters.present;
    const res = await api.ok('POST', `/meetings/${id}/resolutions`, {
      title: 'Nghị quyết tháng',
      vote: { votes_for: n, against: 0, abstain: 0 },
    });
    await api.ok('POST', `/resolutions/${res.id}/tasks`, { description: 'Nhiệm vụ có sẵn', deadline: day(20), assignee_member_ids: [ids[0]] });
    await api.ok('POST', `/meetings/${id}/end`, { at: `${day(3)}T21:00`, minutes_read_back: true });

    await openLive(page, id);
    await goOffline(context);
    const lateWord = 'Ý kiến ghi khi mất mạng, sau khi biên bản đã khóa.';
    await page.getByRole('tab', { name: 'Phát biểu' }).click();
    await page.getByRole('group', { name: 'Chọn người phát biểu' }).getByRole('button').first().click();
    await page.getByLabel('Tóm tắt ý kiến').fill(lateWord);
    await page.getByRole('button', { name: 'Ghi ý kiến' }).click();
    await page.getByRole('tab', { name: 'Nghị quyết' }).click();
    const lateTask = 'Nhiệm vụ giao khi mất mạng.';
    await page.getByLabel('Nội dung nhiệm vụ').fill(lateTask);
    await page.getByRole('group', { name: /Người thực hiện/ }).getByRole('checkbox').first().check();
    await page.getByLabel('Hạn hoàn thành').fill(vnToday(14));
    await page.getByRole('button', { name: 'Giao nhiệm vụ' }).click();
    await visible(banner(page).getByText('2 thay đổi chưa gửi'), 'two changes queued');

    // Another session locks the minutes meanwhile.
    const other = await apiSession(h.USER);
    await other.ok('POST', `/meetings/${id}/finalize`, {});
    await goOnline(context);
    const list = page.getByRole('list', { name: 'Các thay đổi không gửi được' });
    await visible(page.getByRole('heading', { name: 'Thay đổi không gửi được (2)' }), 'the refused changes', 30000);
    await visible(page.getByText(/Biên bản cuộc họp đã được khóa trong khi bạn ngoại tuyến/), 'the reason: locked meanwhile');
    await visible(list.getByText(lateWord), 'the refused speech with its content');
    await visible(list.getByText(new RegExp(`Nhiệm vụ: ${lateTask.replace('.', '\\.')}`)), 'the refused task with its content');
    await visible(banner(page).getByText('2 thay đổi chưa gửi'), 'the refused changes still counted as unsent');
    await visible(page.getByText(/Biên bản đã khóa; không ghi thêm được/), 'live mode following the lock');
    check(!(await list.getByText(/\d{4}-\d{2}-\d{2}/).count()), 'a date in the list is not written dd/mm/yyyy');
    await shot(page, 'offline-390-locked', true);
    await noOverflow(page, 'the refused changes');

    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ctx.base });
    await page.getByRole('button', { name: 'Sao chép tất cả' }).click();
    await waitFor(
      async () => (await page.getByText('Đã sao chép tất cả thay đổi.').count()) > 0 || (await page.locator('#offline-copy').count()) > 0,
      'the copied changes',
    );
    const copied = (await page.locator('#offline-copy').count())
      ? await page.locator('#offline-copy').inputValue()
      : await page.evaluate(() => navigator.clipboard.readText());
    check(copied.includes(lateWord) && copied.includes(lateTask), `the copy lacks a change: ${copied}`);
    // Each is discarded explicitly, after a question.
    page.on('dialog', (d) => d.accept());
    for (let i = 0; i < 2; i++) await list.getByRole('button', { name: 'Bỏ thay đổi này' }).first().click();
    await waitFor(async () => (await banner(page).count()) === 0, 'the banner gone once both are discarded');
    const locked = await api.get(`/meetings/${id}`);
    check(locked.status === 'finalized', `the meeting is ${locked.status}`);
    check(!locked.speeches.some((s) => s.summary === lateWord), 'a change refused by the lock reached the record');
  });
}
