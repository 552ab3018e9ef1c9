// Issue 5 browser checks: the roll-up dashboard (figures equal the API, drill-down, participation),
// the briefing and document downloads, the monitor's desk, the calendar feed, and phone layout.
const WARD = 'Đảng ủy phường Tân Định';
const MONITOR_USER = 'giamsat.phuong';

/** The UI's formats (oversightApi.ts): 92,5 % with a no-break space, counts as 8.384. */
const ratio = (v) => (v === null || v === undefined ? '—' : `${String(Math.round(v * 1000) / 10).replace('.', ',')}\u00a0%`);
const num = (n) => new Intl.NumberFormat('vi-VN').format(n);
const iso = (dmy) => dmy.split('/').reverse().join('-');
const squash = (s) => s.replace(/\s+/g, ' ').trim();

export default function register(h) {
  const { test, check, visible, waitFor } = h;
  const local = {}; // ward id and URL, shared by the tests below

  async function login(user, viewport = { width: 1280, height: 800 }) {
    const context = await h.browser.newContext({ viewport, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto(`${h.ctx.base}/`);
    await page.getByLabel('Tên đăng nhập').fill(user);
    await page.getByLabel('Mật khẩu').fill(h.PASS);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await visible(page.getByRole('navigation', { name: 'Điều hướng chính' }), `navigation after ${user} logs in`);
    return { context, page };
  }

  const getJson = h.getJson;

  /** The period shown on the dashboard, as the API's from/to. */
  async function shownRange(page) {
    const text = squash(await page.getByTestId('ov-range').innerText());
    const m = /^(\d{2}\/\d{2}\/\d{4}) – (\d{2}\/\d{2}\/\d{4})$/.exec(text);
    check(m, `the period is not shown as dd/mm/yyyy – dd/mm/yyyy: "${text}"`);
    return { from: iso(m[1]), to: iso(m[2]) };
  }

  async function figuresMatch(page, id, what) {
    const { from, to } = await shownRange(page);
    const api = await getJson(page, `/orgs/${id}/rollup?from=${from}&to=${to}`);
    const att = squash(await page.getByTestId('fig-attendance').innerText());
    const held = squash(await page.getByTestId('fig-held').innerText());
    check(att.includes(squash(ratio(api.attendance_rate))), `${what}: attendance shown "${att}", API ${ratio(api.attendance_rate)}`);
    check(att.includes(`${num(api.present)}/${num(api.expected)}`), `${what}: present/expected shown "${att}", API ${api.present}/${api.expected}`);
    check(held.includes(`${num(api.meetings_held)}/${num(api.meetings_due)}`), `${what}: held shown "${held}", API ${api.meetings_held}/${api.meetings_due}`);
    return api;
  }

  test('oversight: the ward dashboard equals the roll-up API, drills down to a cell and a member', async () => {
    const { context, page } = await login(h.COMMITTEE_USER);
    try {
      await page.goto(`${h.ctx.base}/#/orgs`);
      await page.getByRole('link', { name: WARD, exact: true }).first().click();
      await visible(page.getByRole('heading', { level: 1, name: WARD }), 'the ward page');
      await page.getByRole('navigation', { name: 'Các mục của trang' }).getByRole('link', { name: 'Giám sát' }).click();
      await waitFor(async () => /#\/orgs\/\d+\/oversight$/.test(page.url()), 'the oversight tab URL');
      local.wardId = +/#\/orgs\/(\d+)\/oversight$/.exec(page.url())[1];
      local.wardUrl = page.url();
      await visible(page.getByTestId('fig-attendance'), 'the attendance figure');
      const api = await figuresMatch(page, local.wardId, 'twelve months');
      check(api.children.length === 19, `the demo ward should have 19 cells below, API has ${api.children.length}`);

      // One row per child, each linking to its own dashboard.
      const rows = page.getByTestId('ov-children').locator('tbody tr');
      await waitFor(async () => (await rows.count()) === api.children.length, `${api.children.length} rows in the children table`);
      for (const c of api.children) {
        await visible(rows.getByRole('link', { name: c.name, exact: true }), `the row of ${c.name}`);
      }
      // The trend: an SVG with a label, and the same months in the table alternative.
      check(/theo tháng/.test((await page.getByTestId('ov-trend').getAttribute('aria-label')) ?? ''), 'the trend chart has no label');
      await page.getByText('Bảng số liệu theo tháng', { exact: true }).click();
      const monthRows = page.getByRole('table', { name: 'Số liệu theo tháng' }).locator('tbody tr');
      check((await monthRows.count()) === api.months.length, `the month table has ${await monthRows.count()} rows, API ${api.months.length}`);
      const lastMonth = api.months[api.months.length - 1];
      const lastText = squash(await monthRows.last().innerText());
      check(lastText.startsWith(`${lastMonth.month.slice(5)}/${lastMonth.month.slice(0, 4)}`), `month label not MM/YYYY: "${lastText}"`);

      // Another period: this year; the figures follow.
      const twelve = squash(await page.getByTestId('ov-range').innerText());
      const year = h.vnToday().slice(6);
      const settled = (text) => async () =>
        squash(await page.getByTestId('ov-range').innerText()) === text &&
        (await page.getByTestId('ov-period').getAttribute('aria-busy')) === 'false';
      await page.getByLabel('Xem theo').selectOption('year');
      await waitFor(settled(`01/01/${year} – 31/12/${year}`), 'the figures of this year');
      await figuresMatch(page, local.wardId, 'the year');
      await page.getByLabel('Xem theo').selectOption('12m');
      await waitFor(settled(twelve), 'the twelve months again');

      // Drill down to a cell: its dashboard and the members' participation.
      await rows.getByRole('link', { name: 'Chi bộ Khu phố 1', exact: true }).click();
      await waitFor(async () => /#\/orgs\/\d+\/oversight$/.test(page.url()) && page.url() !== local.wardUrl, 'the cell dashboard');
      await visible(page.getByRole('heading', { level: 1, name: 'Chi bộ Khu phố 1' }), 'the cell heading');
      const cellId = +/#\/orgs\/(\d+)\/oversight$/.exec(page.url())[1];
      await visible(page.getByTestId('fig-attendance'), 'the cell attendance figure');
      await figuresMatch(page, cellId, 'the cell');
      const { from, to } = await shownRange(page);
      const part = await getJson(page, `/orgs/${cellId}/participation?from=${from}&to=${to}`);
      const members = page.getByTestId('ov-participation').locator('tbody tr');
      await waitFor(async () => (await members.count()) === part.items.length && part.items.length > 0, `${part.items.length} members in the participation table`);
      const silent = await getJson(page, `/orgs/${cellId}/participation?from=${from}&to=${to}&silent_for=3`);
      await page.getByLabel('Lọc theo phát biểu').selectOption('3');
      await waitFor(async () => (await members.count()) === silent.items.length, `${silent.items.length} members silent for ≥ 3 meetings`);
      check(silent.items.length < part.items.length, 'the silence filter kept everyone');
      await page.getByLabel('Lọc theo phát biểu').selectOption('0');
      await waitFor(async () => (await members.count()) === part.items.length, 'everyone again');

      const first = part.items[0];
      await members.getByRole('link', { name: first.full_name, exact: true }).first().click();
      await waitFor(async () => page.url().endsWith(`#/members/${first.member_id}`), 'the member page');
      const card = page.getByTestId('member-participation');
      await visible(card.getByRole('heading', { name: 'Tham gia sinh hoạt' }), 'the participation card on the member page');
      const cardText = squash(await card.innerText());
      check(cardText.includes(`${num(first.attended)}/${num(first.expected)}`), `member attendance not ${first.attended}/${first.expected}: "${cardText}"`);
      await h.shot(page, 'oversight-member-1280', true);
    } finally {
      await context.close();
    }
  });

  test('oversight: the briefing (XLSX, PDF) and the task list download', async () => {
    const { context, page } = await login(h.COMMITTEE_USER);
    try {
      await page.goto(local.wardUrl ?? `${h.ctx.base}/#/orgs`);
      const xlsx = page.getByRole('link', { name: /^Báo cáo giao ban \d{2}\/\d{4} \(Excel\)$/ });
      await visible(xlsx, 'the briefing XLSX link');
      const get = async (link, what) => {
        const href = await link.getAttribute('href');
        check((await link.getAttribute('download')) !== null, `${what} link has no download attribute`);
        const r = await page.request.get(new URL(href, h.ctx.base).href);
        check(r.status() === 200, `${what} answered ${r.status()}`);
        return r;
      };
      let r = await get(xlsx, 'briefing XLSX');
      check(r.headers()['content-type'].includes('spreadsheetml.sheet'), `briefing XLSX type ${r.headers()['content-type']}`);
      check((await r.body()).subarray(0, 2).toString() === 'PK', 'the XLSX is not a zip file');
      r = await get(page.getByRole('link', { name: /^Báo cáo giao ban \d{2}\/\d{4} \(PDF\)$/ }), 'briefing PDF');
      check(r.headers()['content-type'].startsWith('application/pdf'), `briefing PDF type ${r.headers()['content-type']}`);
      check((await r.body()).subarray(0, 5).toString() === '%PDF-', 'the briefing PDF does not start with %PDF-');
      // An earlier month: the link follows the choice.
      await page.getByLabel('Tháng báo cáo').selectOption({ index: 1 });
      check(/month=\d{4}-\d{2}$/.test((await xlsx.getAttribute('href')) ?? ''), 'the month is not in the briefing link');
      await get(xlsx, 'briefing XLSX of the previous month');

      await page.getByTestId('ov-children').getByRole('link', { name: 'Chi bộ Khu phố 1', exact: true }).click();
      const tasks = page.getByRole('link', { name: /^Nhiệm vụ năm \d{4} \(PDF\)$/ });
      await visible(tasks, 'the task list PDF link of a cell');
      r = await get(tasks, 'task list PDF');
      check(r.headers()['content-type'].startsWith('application/pdf'), `task list type ${r.headers()['content-type']}`);
      check((await page.getByRole('link', { name: /Báo cáo giao ban/ }).count()) === 0, 'a cell offers the committee briefing');
    } finally {
      await context.close();
    }
  });

  test('oversight: the monitor records an observation on the desk', async () => {
    const { context, page } = await login(MONITOR_USER);
    try {
      await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Chi bộ tôi phụ trách' }).click();
      await visible(page.getByRole('heading', { level: 1, name: 'Chi bộ tôi phụ trách' }), 'the desk heading');
      const kp1 = page.getByTestId('desk-cell').filter({ has: page.getByRole('heading', { name: 'Chi bộ Khu phố 1', exact: true }) });
      await visible(kp1, 'the Khu phố 1 card');
      await visible(
        page.getByTestId('desk-cell').filter({ has: page.getByRole('heading', { name: /Trạm Y tế/ }) }),
        'the Trạm Y tế card',
      );
      await visible(kp1.getByRole('heading', { name: 'Cuộc họp gần nhất' }), 'the last meeting');
      const noteField = kp1.getByLabel('Nhận xét, kiến nghị');
      const meetingId = +((await noteField.getAttribute('id')) ?? '').replace('obs-note-', '');
      check(meetingId > 0, 'no meeting id on the observation form');
      const note = `Chi bộ thảo luận sôi nổi, cần kiểm điểm kỹ nhiệm vụ (${Date.now() % 100000}).`;
      await kp1.getByLabel(/Tôi đã dự cuộc họp/).check();
      await noteField.fill(note);
      await kp1.getByRole('button', { name: /ghi nhận$/ }).click();
      await visible(kp1.getByRole('status').filter({ hasText: 'Đã lưu ghi nhận giám sát.' }), 'the saved notice');
      await visible(kp1.getByTestId('saved-observation').filter({ hasText: note }), 'the saved observation');
      const obs = await getJson(page, `/meetings/${meetingId}/observations`);
      check(obs.items.some((o) => o.note === note && o.attended === true), `GET observations lacks the note: ${JSON.stringify(obs.items)}`);
      await page.reload();
      await visible(kp1.getByTestId('saved-observation').filter({ hasText: note }), 'the observation after reload');
      await h.shot(page, 'oversight-desk-1280', true);
    } finally {
      await context.close();
    }
  });

  test('oversight: the ward dashboard fits a 390 px phone', async () => {
    const { context, page } = await h.phoneLogin(h.COMMITTEE_USER);
    try {
      await page.goto(local.wardUrl ?? `${h.ctx.base}/#/orgs`);
      await visible(page.getByTestId('fig-attendance'), 'the attendance figure on a phone');
      await visible(page.getByTestId('ov-children').locator('tbody tr'), 'the children table on a phone');
      await page.getByText('Bảng số liệu theo tháng', { exact: true }).click();
      await h.noOverflow(page, 'the ward oversight tab');
      const scroll = page.getByRole('region', { name: /Số liệu từng đơn vị/ });
      check((await scroll.getAttribute('tabindex')) === '0', 'the wide table cannot be scrolled with the keyboard');
      await h.shot(page, 'oversight-ward-390', true);
      await page.getByRole('link', { name: 'Chi bộ Khu phố 1', exact: true }).click();
      await visible(page.getByTestId('ov-participation').locator('tbody tr'), 'the participation table on a phone');
      await h.noOverflow(page, 'the cell oversight tab');
    } finally {
      await context.close();
    }
  });

  test('oversight: a held meeting shows its documents, the minutes download as PDF and Word', async () => {
    const { context, page } = await h.phoneLogin(h.USER);
    try {
      let url = h.ctx.meetingUrl;
      if (!url) {
        const me = await getJson(page, '/me/meetings');
        const held = me.items.find((m) => m.status === 'held' || m.status === 'finalized');
        check(held, 'the secretary has no held meeting');
        url = `${h.ctx.base}/#/meetings/${held.id}`;
      }
      await page.goto(url);
      const card = page.getByTestId('meeting-documents');
      await visible(card.getByRole('heading', { name: 'Văn bản' }), 'the documents card');
      for (const [name, type] of [
        ['Tải biên bản (PDF)', 'application/pdf'],
        ['Tải biên bản (Word)', 'wordprocessingml.document'],
        ['Tải danh sách dự họp (PDF)', 'application/pdf'],
      ]) {
        // The link shows the format ("PDF") and names the document for screen readers, from
        // text hidden on screen; allow for the spaces the browser puts around that text.
        const loose = new RegExp(`^${name.replace(/[()]/g, ' ').trim().split(/\s+/).join('[\\s()]*')}[\\s()]*$`);
        const link = card.getByRole('link', { name: loose });
        const r = await page.request.get(new URL(await link.getAttribute('href'), h.ctx.base).href);
        check(r.status() === 200, `${name} answered ${r.status()}`);
        check(r.headers()['content-type'].includes(type), `${name}: content type ${r.headers()['content-type']}`);
      }
      await visible(card.getByRole('link', { name: /^Tải[\s()]*nghị[\s()]*quyết[\s()]*PDF[\s()]*$/ }), 'the resolution link');
      await h.noOverflow(page, 'the meeting page with documents');
    } finally {
      await context.close();
    }
  });

  test('oversight: a member makes a calendar feed address, it serves iCalendar, revoking stops it', async () => {
    const { context, page } = await h.phoneLogin(h.MEMBER_USER);
    try {
      await page.goto(`${h.ctx.base}/#/me`);
      await page.getByRole('button', { name: 'Tạo địa chỉ lịch' }).click();
      const field = page.getByLabel('Địa chỉ lịch của đồng chí');
      await visible(field, 'the calendar address');
      const url = await field.inputValue();
      check(/\/api\/v1\/calendar\/[0-9a-f]{64}\.ics$/.test(url), `unexpected calendar address: ${url}`);
      let r = await fetch(url); // no session: the secret is the credential
      check(r.status === 200 && (r.headers.get('content-type') ?? '').startsWith('text/calendar'), `the feed answered ${r.status}`);
      check((await r.text()).includes('BEGIN:VCALENDAR'), 'the feed is not iCalendar');
      await page.getByRole('button', { name: 'Sao chép' }).click();
      await visible(page.getByRole('status').filter({ hasText: 'Đã sao chép' }), 'the copied notice');
      await h.noOverflow(page, 'the calendar feed section');
      await page.getByRole('button', { name: 'Thu hồi địa chỉ lịch' }).click();
      await page.getByRole('button', { name: 'Xác nhận thu hồi' }).click();
      await visible(page.getByRole('status').filter({ hasText: 'Đã thu hồi' }), 'the revoked notice');
      r = await fetch(url);
      check(r.status === 404, `a revoked feed answered ${r.status}`);
    } finally {
      await context.close();
    }
  });
}
