// Browser tests of the chibo web app against the real server and Debian's Chromium.
//
//   CHIBO_BIN=build/chibo CHIBO_SOURCE_DIR=. node tests/e2e/run.mjs [--suite NAME]
//
// Creates a demo database in a temp dir, starts `chibo serve` on a free port with web/dist,
// drives /usr/bin/chromium through playwright-core (never downloads a browser) and prints
// "N passed, M failed". Screenshots go to $CHIBO_E2E_SCREENS (default: <tmp>/chibo-e2e-screens).
//
// Suites: `main` (this file's tests) and one per file in suites/ (suites/NAME.mjs exports
// `register(h)`); CTest runs each as e2e_NAME in its own process, with its own database and
// server, so they run in parallel.
//
// The test clock: the server (`--now`), the demo data and every browser context start at the
// same instant, CHIBO_E2E_NOW (ISO 8601; default below), and run on from there in real time, so
// no test depends on the hour or the date it is run at. Try others with e.g.
// CHIBO_E2E_NOW=2026-12-31T23:58:00+07:00.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const source = resolve(process.env.CHIBO_SOURCE_DIR ?? join(here, '..', '..'));
const bin = resolve(process.env.CHIBO_BIN ?? join(source, 'build', 'chibo'));
const webDist = join(source, 'web', 'dist');
const screens = process.env.CHIBO_E2E_SCREENS ?? join(tmpdir(), 'chibo-e2e-screens');
const USER = process.env.CHIBO_E2E_USER ?? 'bithu.kp1';
const PASS = process.env.CHIBO_E2E_PASS ?? 'chibo-demo';
const COMMITTEE_USER = process.env.CHIBO_E2E_COMMITTEE_USER ?? 'canbo.phuong';
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const suiteArg = process.argv.indexOf('--suite');
const SUITE = suiteArg > 0 ? process.argv[suiteArg + 1] : 'main';
// A Wednesday morning in the middle of a month and a quarter, in Asia/Ho_Chi_Minh.
const CLOCK_START_ISO = process.env.CHIBO_E2E_NOW ?? '2026-06-10T09:00:00+07:00';
const CLOCK_START = Date.parse(CLOCK_START_ISO);
if (Number.isNaN(CLOCK_START)) throw new Error(`CHIBO_E2E_NOW is not an ISO instant: ${CLOCK_START_ISO}`);
const REAL_START = Date.now();
/** The test clock now, in milliseconds since the epoch. */
const clockNow = () => CLOCK_START + (Date.now() - REAL_START);
/** The test clock now as the server's flags take it: 2026-06-10T02:00:09Z (whole seconds). */
const clockIso = () => new Date(clockNow()).toISOString().replace(/\.\d+Z$/, 'Z');

let server = null;
let stopping = false;
let browser = null;
const work = mkdtempSync(join(tmpdir(), 'chibo-e2e-'));

function cleanup() {
  if (server && server.exitCode === null) server.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
}
process.on('exit', cleanup);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));
const guard = setTimeout(() => {
  console.error('e2e: overall time limit reached');
  console.log('0 passed, 1 failed');
  process.exit(1);
}, 8 * 60 * 1000);

function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}`);
}

async function loadPlaywright() {
  // npm records what it installed in node_modules/.package-lock.json: install again when the
  // lock file is newer (a suite added a module, such as axe-core) or nothing is installed yet.
  const installed = join(here, 'node_modules', '.package-lock.json');
  if (!existsSync(installed) || statSync(join(here, 'package-lock.json')).mtimeMs > statSync(installed).mtimeMs) {
    console.log('e2e: installing the browser-test modules (npm ci)…');
    run('npm', ['ci', '--no-audit', '--no-fund'], here);
  }
  return (await import('playwright-core')).default;
}

function ensureWebBuilt() {
  if (existsSync(join(webDist, 'index.html'))) return;
  console.log('e2e: web/dist missing; building the web app…');
  const web = join(source, 'web');
  if (!existsSync(join(web, 'node_modules'))) run('npm', ['ci', '--no-audit', '--no-fund'], web);
  run('npm', ['run', 'build'], web);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// `--prepare`: install what the suites share (playwright-core, the built app) once, before CTest
// starts them side by side, so two suites never run `npm ci` in the same folder at once.
if (process.argv.includes('--prepare')) {
  clearTimeout(guard);
  ensureWebBuilt();
  await loadPlaywright();
  console.log('e2e: prepared');
  process.exit(0);
}

async function startServer() {
  const db = join(work, 'chibo.db');
  const demo = spawnSync(bin, ['demo', '--db', db, '--now', clockIso()], { encoding: 'utf8' });
  if (demo.status !== 0) throw new Error(`chibo demo failed (${demo.status}): ${demo.stderr || demo.stdout}`);
  // Port 0: the server takes a free port and prints it, so parallel test
  // processes never race for the same one.
  let log = '';
  // CI runs as root; the server refuses that without --allow-root.
  const rootFlag = process.getuid && process.getuid() === 0 ? ['--allow-root'] : [];
  const args = ['serve', '--db', db, '--port', '0', '--web', webDist, '--now', clockIso(), ...rootFlag];
  server = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout.on('data', (d) => (log += d));
  server.stderr.on('data', (d) => (log += d));
  // A server that dies mid-run fails every later test with "connection refused": say why once.
  server.on('exit', (code, signal) => {
    if (!stopping) console.log(`e2e: chibo serve exited (code ${code}, signal ${signal}); its output:\n${log.slice(-4000)}`);
  });
  for (let i = 0; i < 150; i++) {
    if (server.exitCode !== null) throw new Error(`chibo serve exited (${server.exitCode}):\n${log}`);
    const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(log);
    if (m) {
      const base = `http://127.0.0.1:${m[1]}`;
      const r = await fetch(`${base}/api/v1/health`);
      if (!r.ok) throw new Error(`chibo serve is on ${base} but /api/v1/health answered ${r.status}:\n${log}`);
      // The warning pass after start runs beside the server: begin once it is done.
      for (let j = 0; j < 600; j++) {
        const ready = await (await fetch(`${base}/readyz`)).json();
        if (ready.warning_pass !== 'running') return base;
        await sleep(100);
      }
      throw new Error(`the warning pass after start did not finish within 60 s:\n${log}`);
    }
    await sleep(200);
  }
  throw new Error(`chibo serve did not start within 30 s:\n${log}`);
}

// --- tiny assertion helpers -------------------------------------------------

const T = 15000;
function check(cond, msg) {
  if (!cond) throw new Error(msg);
}
async function visible(locator, what) {
  try {
    await locator.first().waitFor({ state: 'visible', timeout: T });
  } catch {
    throw new Error(`not visible: ${what}`);
  }
}
async function waitFor(fn, what, timeout = T) {
  const end = Date.now() + timeout;
  for (;;) {
    if (await fn()) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

// --- the tests ----------------------------------------------------------------

const tests = [];
let registering = 'main';  // the suite whose tests are being registered
const test = (name, fn) => {
  if (registering === SUITE) tests.push({ name, fn });
};
const ctx = {}; // shared between tests: base URL, the logged-in page, the new member's name

test('the server serves the app', async () => {
  const r = await fetch(`${ctx.base}/`);
  check(r.ok, `GET / answered ${r.status}`);
  const html = await r.text();
  check(html.includes('id="app"'), 'index.html has no #app');
  check(html.includes('lang="vi"'), 'index.html is not marked lang="vi"');
});

test('wrong password shows the server message in an alert', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${ctx.base}/`);
  await page.getByLabel('Tên đăng nhập').fill('khong.ton.tai');
  await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  const alert = page.getByRole('alert').filter({ hasText: /\S/ });
  await visible(alert, 'an error alert after a wrong password');
  const text = (await alert.first().innerText()).trim();
  check(text.length > 5, `alert text too short: "${text}"`);
  check(await page.getByLabel('Mật khẩu').evaluate((e) => e === document.activeElement), 'focus not back on password');
  await context.close();
});

test('log-in works with the keyboard only (Tab / Enter)', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  ctx.context = context;
  ctx.page = page;
  await page.goto(`${ctx.base}/`);
  await visible(page.getByLabel('Tên đăng nhập'), 'username field');
  const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
  for (let i = 0; i < 8 && (await focusedId()) !== 'login-username'; i++) await page.keyboard.press('Tab');
  check((await focusedId()) === 'login-username', 'Tab never reached the username field');
  await page.keyboard.type(USER);
  await page.keyboard.press('Tab');
  check((await focusedId()) === 'login-password', 'Tab from username did not reach the password field');
  await page.keyboard.type(PASS);
  await page.keyboard.press('Enter');
  // A cell secretary lands on their next job: the cell's current or next meeting (else its meetings).
  await waitFor(async () => /#\/(meetings\/\d+|orgs\/\d+\/meetings)$/.test(page.url()), 'landing on the next meeting');
  const me = await (await page.request.get(`${ctx.base}/api/v1/me`)).json();
  const cell = me.user.grants.find((g) => g.role === 'cell');
  check(cell, `${USER} has no cell grant`);
  await page.goto(`${ctx.base}/#/orgs/${cell.org_id}`);
  await visible(page.getByRole('heading', { level: 1 }), 'the cell heading');
  await visible(page.getByRole('navigation', { name: 'Điều hướng chính' }), 'main navigation landmark');
  ctx.cellUrl = page.url();
  ctx.cellName = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
});

test('the cell page shows the roster with counts', async () => {
  const page = ctx.page;
  await visible(page.getByRole('heading', { name: 'Danh sách đảng viên' }), 'roster heading');
  await visible(page.getByTestId('roster-counts'), 'roster counts');
  const counts = await page.getByTestId('roster-counts').innerText();
  for (const label of ['Tổng số', 'Chính thức', 'Dự bị', 'Miễn sinh hoạt', 'Đi SHTT', 'Đến SHTT']) {
    check(counts.includes(label), `counts lack "${label}"`);
  }
  await visible(page.getByLabel('Danh sách tại ngày'), 'date picker');
  const at = await page.getByLabel('Danh sách tại ngày').inputValue();
  check(/^\d{2}\/\d{2}\/\d{4}$/.test(at), `roster date not dd/mm/yyyy: "${at}"`);
  await visible(page.getByRole('list', { name: 'Danh sách đảng viên' }).getByRole('link'), 'a member in the roster');
});

test('a secretary adds a member through the form and finds them in the roster', async () => {
  const page = ctx.page;
  await page.getByRole('link', { name: 'Thêm đảng viên' }).click();
  await visible(page.getByRole('heading', { name: 'Thêm đảng viên', level: 1 }), 'form heading');
  const name = page.getByLabel('Họ và tên');
  // Inline validation on blur: leave the required name empty.
  await name.focus();
  await page.keyboard.press('Tab');
  await visible(page.getByText('Vui lòng nhập họ và tên.'), 'the inline "required" error for họ và tên');
  check((await name.getAttribute('aria-invalid')) === 'true', 'name field not marked aria-invalid');
  // A phone number that is not 10 digits is caught on submit, and focus goes to it.
  const suffix = String(Date.now()).slice(-4);
  ctx.newName = `Trần Thị Thử Nghiệm ${suffix}`;
  await name.fill(ctx.newName);
  await page.getByLabel('Ngày sinh').fill('15/08/1990');
  await page.getByRole('radio', { name: 'Nữ' }).check();
  await page.getByLabel('Số điện thoại').fill('12345');
  await page.getByRole('button', { name: 'Thêm đảng viên' }).click();
  await visible(page.getByText('Số điện thoại gồm 10 chữ số và bắt đầu bằng số 0.'), 'phone error on submit');
  check(
    await page.getByLabel('Số điện thoại').evaluate((e) => e === document.activeElement),
    'focus did not move to the invalid phone field',
  );
  check(/members\/new$/.test(page.url()), 'an invalid form must not leave the page');
  await page.getByLabel('Số điện thoại').fill('0912345678');
  await page.getByLabel('Ngày quyết định kết nạp').fill('01/03/2015');
  await page.getByLabel('Ngày lễ kết nạp').fill('20/03/2015');
  await page.getByLabel('Ngày chính thức').fill('20/03/2016');
  await page.getByLabel('Nơi công tác').fill('Trường THCS Bến Thành');
  await page.getByRole('button', { name: 'Thêm đảng viên' }).click();
  await waitFor(async () => page.url() === ctx.cellUrl, 'returning to the cell page');
  await visible(page.getByRole('status').filter({ hasText: ctx.newName }), 'the success notice');
  await page.getByLabel('Tìm theo tên').fill(`thu nghiem ${suffix}`); // accent-insensitive search
  await visible(
    page.getByRole('list', { name: 'Danh sách đảng viên' }).getByRole('link', { name: ctx.newName }),
    'the new member in the roster',
  );
});

test('the member page shows the new member with dd/mm/yyyy dates', async () => {
  const page = ctx.page;
  await page.getByRole('list', { name: 'Danh sách đảng viên' }).getByRole('link', { name: ctx.newName }).click();
  await visible(page.getByRole('heading', { level: 1, name: ctx.newName }), 'member heading');
  const body = await page.locator('main').innerText();
  check(body.includes('15/08/1990'), 'birth date not shown as 15/08/1990');
  check(body.includes('Quá trình sinh hoạt'), 'no cell history section');
  ctx.memberUrl = page.url();
});

test('the secretary edits the member (PATCH with version)', async () => {
  const page = ctx.page;
  await page.getByRole('link', { name: 'Sửa thông tin' }).click();
  await visible(page.getByRole('heading', { level: 1, name: 'Sửa thông tin đảng viên' }), 'edit form heading');
  check((await page.getByLabel('Họ và tên').inputValue()) === ctx.newName, 'edit form not filled with the member');
  check((await page.getByLabel('Ngày sinh').inputValue()) === '15/08/1990', 'birth date not shown as dd/mm/yyyy in the form');
  await page.getByLabel('Nơi công tác').fill('Ủy ban nhân dân phường');
  await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
  await waitFor(async () => page.url() === ctx.memberUrl, 'returning to the member page');
  await visible(page.getByRole('status').filter({ hasText: 'Đã lưu' }), 'the saved notice');
  await visible(page.getByText('Ủy ban nhân dân phường'), 'the new workplace');
});

test('reload keeps the session (GET /me)', async () => {
  const page = ctx.page;
  await page.reload();
  await visible(page.getByRole('heading', { level: 1, name: ctx.newName }), 'member heading after reload');
  check((await page.getByLabel('Mật khẩu').count()) === 0, 'log-in form shown after reload');
});

test('a committee user finds the new member in the audit log', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  try {
    await page.goto(`${ctx.base}/`);
    await page.getByLabel('Tên đăng nhập').fill(COMMITTEE_USER);
    await page.getByLabel('Mật khẩu').fill(PASS);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    await visible(nav.getByRole('link', { name: 'Nhật ký' }), 'the "Nhật ký" link for a committee user');
    await nav.getByRole('link', { name: 'Nhật ký' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Nhật ký thay đổi' }), 'audit heading');
    await page.getByLabel('Loại đối tượng').selectOption('member');
    await visible(
      page.getByRole('listitem').filter({ hasText: 'Thêm đảng viên' }).filter({ hasText: ctx.newName }),
      'the member.create row of the new member',
    );
  } finally {
    await context.close();
  }
});

test('layout fits a 360 px phone and a 1280 px laptop (screenshots)', async () => {
  mkdirSync(screens, { recursive: true });
  const shots = [
    ['login', `${ctx.base}/`, false],
    ['cell', ctx.cellUrl, true],
    ['member-form', `${ctx.cellUrl}/members/new`, true],
    ['member', ctx.memberUrl, true],
  ];
  for (const [w, h] of [
    [360, 740],
    [1280, 800],
  ]) {
    const context = await browser.newContext({ viewport: { width: w, height: h }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    for (const [label, url, auth] of shots) {
      if (auth && !(await page.getByRole('navigation', { name: 'Điều hướng chính' }).count())) {
        await page.goto(`${ctx.base}/`);
        await page.getByLabel('Tên đăng nhập').fill(USER);
        await page.getByLabel('Mật khẩu').fill(PASS);
        await page.getByRole('button', { name: 'Đăng nhập' }).click();
        await visible(page.getByRole('navigation', { name: 'Điều hướng chính' }), 'navigation after log-in');
      }
      await page.goto(url);
      await visible(page.getByRole('heading', { level: 1 }), `${label} heading`);
      await page.waitForLoadState('networkidle');
      if (label === 'member-form') {
        await page.getByLabel('Họ và tên').focus();
        await page.keyboard.press('Tab');
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      check(overflow <= 0, `${label} at ${w}px overflows horizontally by ${overflow}px`);
      await page.screenshot({ path: join(screens, `${label}-${w}.png`) });
      await page.screenshot({ path: join(screens, `${label}-${w}-full.png`), fullPage: true });
    }
    await context.close();
  }
  console.log(`   screenshots in ${screens}`);
});

// --- issue 3: the cell meeting in live mode on a phone ------------------------------

const PHONE = { width: 390, height: 844 };
const MEMBER_USER = process.env.CHIBO_E2E_MEMBER_USER ?? 'dangvien.kp1';

async function phoneLogin(user) {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 1, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${ctx.base}/`);
  await page.getByLabel('Tên đăng nhập').fill(user);
  await page.getByLabel('Mật khẩu').fill(PASS);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await visible(page.getByRole('navigation', { name: 'Điều hướng chính' }), `navigation after ${user} logs in`);
  return { context, page };
}

/** GETs /api/v1{path} in the page's session; a failed answer fails the test. */
async function getJson(page, path) {
  const r = await page.request.get(`${ctx.base}/api/v1${path}`);
  check(r.ok(), `GET ${path} answered ${r.status()}`);
  return r.json();
}

async function noOverflow(page, what) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 0, `${what} overflows horizontally by ${overflow}px at 390 px`);
}

async function shot(page, name, full = false) {
  mkdirSync(screens, { recursive: true });
  await page.screenshot({ path: join(screens, `${name}.png`), fullPage: full });
}

/** The test clock's first day (Asia/Ho_Chi_Minh) plus addDays, as dd/mm/yyyy: one fixed day for
 * the whole run, so two checks of "today" agree even if the run crosses midnight. */
function vnToday(addDays = 0) {
  const d = new Date(CLOCK_START + 7 * 3600 * 1000 + addDays * 86400 * 1000);
  const p = (n) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

test('a secretary plans a meeting on the "Sinh hoạt" tab (390×844)', async () => {
  const { context, page } = await phoneLogin(USER);
  ctx.phone = { context, page };
  await page.goto(ctx.cellUrl);
  await page.getByRole('navigation', { name: 'Các mục của trang' }).getByRole('link', { name: 'Sinh hoạt' }).click();
  await visible(page.getByRole('heading', { name: 'Các cuộc sinh hoạt' }), 'the meetings heading');
  await visible(page.getByRole('list', { name: 'Danh sách cuộc sinh hoạt' }).getByRole('link'), 'demo meetings in the list');
  await visible(page.getByRole('heading', { name: 'Kế hoạch sinh hoạt chuyên đề' }), 'the thematic plan');
  // Next year's thematic plan: adopt the ward's suggestion (or an own topic) for quarter 1.
  const nextYear = String(+vnToday().slice(6) + 1);
  await page.getByLabel('Năm kế hoạch').selectOption(nextYear);
  await page.getByRole('button', { name: 'Chọn chuyên đề quý 1' }).click();
  const q1 = page.getByRole('form', { name: 'Chọn chuyên đề quý 1' });
  const suggestion = q1.getByRole('radio').first();
  await suggestion.check();
  if ((await suggestion.getAttribute('value')) === 'own') await q1.getByLabel('Tên chuyên đề').fill('Học tập và làm theo tư tưởng Hồ Chí Minh');
  await q1.getByRole('button', { name: 'Lưu chuyên đề' }).click();
  await visible(page.getByRole('status').filter({ hasText: 'Đã thêm chuyên đề quý 1' }), 'the adopted topic for quarter 1');
  await page.getByRole('button', { name: 'Lập kế hoạch' }).click();
  await page.getByLabel('Loại sinh hoạt').selectOption('regular');
  // Tomorrow morning: the checklist item ticked "now" below is then before the meeting whatever
  // the hour the test starts at, and the meeting can still be started early in live mode.
  await page.getByLabel('Ngày họp').fill(vnToday(1));
  await page.getByLabel('Giờ bắt đầu').fill('25:99');
  await page.getByRole('button', { name: 'Lập kế hoạch', exact: true }).click();
  await visible(page.getByText('Giờ không hợp lệ'), 'the inline error for a bad time');
  await page.getByLabel('Giờ bắt đầu').fill('07:30');
  await page.getByLabel('Địa điểm').fill('Nhà văn hóa Khu phố 1');
  await page.getByLabel('Người chủ trì').selectOption({ index: 1 });
  await page.getByLabel('Thư ký cuộc họp').selectOption({ index: 2 });
  await page.getByRole('button', { name: 'Lập kế hoạch', exact: true }).click();
  // When the month already has a regular meeting, the form asks before planning a second one.
  const again = page.getByRole('button', { name: 'Vẫn lập thêm', exact: true });
  await waitFor(async () => /#\/meetings\/\d+$/.test(page.url()) || (await again.count()) > 0, 'the new meeting or the question');
  if (await again.count()) await again.click();
  await waitFor(async () => /#\/meetings\/\d+$/.test(page.url()), 'the new meeting page');
  ctx.meetingUrl = page.url();
  await visible(page.getByRole('heading', { level: 1, name: /Sinh hoạt thường kỳ/ }), 'the meeting heading');
  await visible(page.getByText('Dự kiến', { exact: true }), 'the planned status');
  await visible(page.getByRole('heading', { name: /Chuẩn bị cuộc họp/ }), 'the preparation checklist');
  await page.getByRole('button', { name: 'Đã làm (ghi giờ hiện tại)' }).first().click();
  await visible(page.getByText(/Đã thực hiện lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/), 'a timestamp on the checklist');
  // Tài liệu: a text file named .pdf is refused (the server reads the first bytes), a real PDF is listed.
  const fileInput = page.getByLabel('Chọn tệp (PDF, DOCX, XLSX, PNG, JPEG; tối đa 10 MB)');
  await fileInput.setInputFiles({ name: 'ghi-chu.pdf', mimeType: 'application/pdf', buffer: Buffer.from('không phải PDF') });
  await page.getByRole('button', { name: 'Tải lên' }).click();
  await visible(page.getByText(/Loại tệp không được nhận/), 'the refused file type');
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
  await fileInput.setInputFiles({ name: 'Tài liệu sinh hoạt.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.getByRole('button', { name: 'Tải lên' }).click();
  await visible(page.getByRole('link', { name: 'Tài liệu sinh hoạt.pdf' }), 'the uploaded document');
  await visible(page.getByRole('heading', { name: 'Chương trình sinh hoạt' }), 'the agenda');
  // Finding a time: propose a slot and mark it; the best slot is highlighted.
  await page.getByLabel('Ngày', { exact: true }).fill(vnToday(2));
  await page.getByLabel('Giờ', { exact: true }).fill('19:30');
  await page.getByRole('button', { name: '+ Đề xuất' }).click();
  await visible(page.getByRole('status').filter({ hasText: 'Đã thêm thời điểm đề xuất.' }), 'the proposed slot');
  await page.getByRole('checkbox', { name: `${vnToday(2)} lúc 19:30` }).check();
  await page.getByRole('button', { name: 'Lưu lựa chọn' }).click();
  await visible(page.getByText('Nhiều người dự nhất'), 'the best slot highlighted');
  await noOverflow(page, 'the meeting page');
});

test('live mode: start, roll call with an excused absence, QR check-in, a speech', async () => {
  const { page } = ctx.phone;
  await page.getByRole('link', { name: 'Chế độ họp trực tiếp' }).click();
  await visible(page.getByRole('button', { name: 'Bắt đầu họp' }), 'the start button');
  await shot(page, 'live-390-before-start');
  await page.getByRole('button', { name: 'Bắt đầu họp' }).click();
  await visible(page.getByRole('button', { name: 'Kết thúc họp' }), 'the end button after starting');
  const clock1 = await page.getByLabel('Thời gian họp').innerText();
  await sleep(2500); // the server stamps whole seconds, so allow for one of rounding
  check((await page.getByLabel('Thời gian họp').innerText()) !== clock1, 'the meeting clock does not run');

  // QR check-in: the secretary shows the code; a member opens its link while logged in.
  await page.getByRole('tab', { name: 'Mã QR' }).click();
  await page.getByRole('button', { name: 'Hiện mã QR điểm danh' }).click();
  const dialog = page.getByRole('dialog', { name: 'Quét mã để điểm danh' });
  await visible(dialog.locator('svg'), 'the QR code');
  await shot(page, 'live-390-qr');
  const url = (await dialog.locator('.url').innerText()).trim();
  check(/\/checkin\?token=/.test(url), `unexpected check-in link: ${url}`);
  const member = await phoneLogin(MEMBER_USER);
  try {
    await member.page.goto(url);
    try {
      await visible(member.page.getByText('Đã điểm danh có mặt.'), 'the member check-in confirmation');
    } catch (e) {
      // Say what the member saw instead (an error message, the log-in form, a blank page).
      const seen = await member.page.locator('body').innerText().catch(() => '(page unreadable)');
      throw new Error(`${e.message}; the member's page shows: ${seen.replace(/\s+/g, ' ').slice(0, 300)}`);
    }
    await shot(member.page, 'checkin-390');
    ctx.memberName = (await member.page.locator('.ok p').nth(1).innerText()).replace('Đồng chí ', '').trim();
  } finally {
    await member.context.close();
  }
  await visible(dialog.getByText('đã quét 1'), 'the check-in counted on the QR screen');
  await dialog.getByRole('button', { name: 'Đóng' }).click();

  // Roll call: one excused absence with a reason, everyone else present.
  await page.getByRole('tab', { name: 'Điểm danh' }).click();
  const rows = page.getByRole('list', { name: 'Danh sách điểm danh' }).getByRole('listitem');
  const qrRow = rows.filter({ hasText: ctx.memberName });
  check(
    (await qrRow.getByRole('button', { name: 'Có mặt' }).getAttribute('aria-pressed')) === 'true',
    'the QR check-in is not shown as present in the roll',
  );
  const absent = rows.filter({ hasNotText: ctx.memberName }).first();
  ctx.absentName = (await absent.locator('.name').innerText()).trim();
  await absent.getByRole('button', { name: 'Vắng có lý do' }).click();
  await page.getByRole('button', { name: 'Còn lại: có mặt' }).click();
  await page.getByRole('button', { name: 'Lưu điểm danh' }).click();
  await visible(page.getByText('Vui lòng chọn lý do vắng.'), 'the inline error for an excused absence without a reason');
  await page.getByLabel(`Lý do vắng của ${ctx.absentName}`).selectOption('illness');
  await page.getByLabel(`Ghi rõ lý do của ${ctx.absentName}`).fill('Nằm viện');
  await page.getByRole('button', { name: 'Lưu điểm danh' }).click();
  await visible(page.getByRole('status').filter({ hasText: 'Đã lưu điểm danh' }), 'the roll-call saved notice');
  const counter = await page.getByTestId('live-counter').innerText();
  const m = /Có mặt (\d+)\/(\d+) \(([\d,]+)%\)/.exec(counter);
  check(m && +m[1] === +m[2] - 1, `the counter should show all but one present: "${counter}"`);
  const greyed = page.getByRole('list', { name: 'Đảng viên không tính vào số phải dự' });
  if (await greyed.count()) check((await greyed.innerText()).includes('không tính'), 'excluded members not labelled');
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'live-390-roll');
  await noOverflow(page, 'live mode');

  // A speech, with the timer.
  await page.getByRole('tab', { name: 'Phát biểu' }).click();
  await page.getByRole('group', { name: 'Chọn người phát biểu' }).getByRole('button').nth(1).click();
  await page.getByLabel('Tóm tắt ý kiến').fill('Đề nghị tăng cường vệ sinh môi trường khu phố.');
  await page.getByRole('button', { name: 'Bấm giờ' }).click();
  await sleep(1100);
  await page.getByRole('button', { name: 'Dừng tính giờ' }).click();
  await page.getByRole('button', { name: 'Ghi ý kiến' }).click();
  await visible(page.getByRole('status').filter({ hasText: 'Đã ghi ý kiến' }), 'the speech saved notice');
  await shot(page, 'live-390-speech');

  // Review of the previous meeting's tasks, when there are any.
  await page.getByRole('tab', { name: 'Việc kỳ trước' }).click();
  const done = page.getByRole('button', { name: 'Hoàn thành', exact: true });
  if (await done.count()) {
    for (let i = 0; i < (await done.count()); i++) await done.nth(i).click();
    await page.getByRole('button', { name: 'Lưu kiểm điểm' }).click();
    await visible(page.getByRole('status').filter({ hasText: 'Đã lưu đánh giá' }), 'the task review notice');
  }
});

test('live mode: a resolution with a vote, and a task that needs a deadline', async () => {
  const { page } = ctx.phone;
  await page.getByRole('tab', { name: 'Nghị quyết' }).click();
  await visible(page.getByRole('heading', { name: 'Ghi nghị quyết' }), 'the resolution form');
  await page.getByLabel('Đánh giá kết quả tháng qua').fill('Chi bộ hoàn thành tốt nhiệm vụ tháng.');
  await page.getByLabel('Phương hướng, nhiệm vụ').fill('Vận động nhân dân giữ gìn vệ sinh môi trường.');
  const result = page.getByTestId('vote-result');
  await page.getByRole('button', { name: 'Bớt 1: Tán thành', exact: true }).click();
  await page.getByRole('button', { name: 'Thêm 1: Không tán thành', exact: true }).click();
  await visible(result.filter({ hasText: 'Được thông qua' }), 'the live vote result');
  check(/với \d+\/\d+ đồng chí tán thành/.test(await result.innerText()), 'the vote line is not shown');
  await page.getByRole('button', { name: 'Thêm 1: Tán thành', exact: true }).click();
  await visible(result.filter({ hasText: 'vượt quá' }), 'the live error when votes exceed those eligible');
  await page.getByRole('button', { name: 'Bớt 1: Tán thành', exact: true }).click();
  await shot(page, 'live-390-vote');
  await page.getByRole('button', { name: 'Lưu nghị quyết' }).click();
  await visible(page.getByRole('status').filter({ hasText: /Đã ghi Số \d+-NQ/ }), 'the resolution saved notice with its number');
  await visible(page.getByText('Được thông qua', { exact: true }), 'the passed vote on the resolution');

  await page.getByLabel('Nội dung nhiệm vụ').fill('Tổ chức ra quân tổng vệ sinh khu phố.');
  await page.getByRole('checkbox', { name: ctx.memberName, exact: true }).check();
  await page.getByRole('button', { name: 'Giao nhiệm vụ' }).click();
  await visible(page.getByText('Vui lòng nhập hạn hoàn thành.'), 'the inline error for a task without a deadline');
  check((await page.getByLabel('Hạn hoàn thành').getAttribute('aria-invalid')) === 'true', 'deadline not marked aria-invalid');
  await page.getByLabel('Hạn hoàn thành').fill(vnToday(14));
  await page.getByRole('button', { name: 'Giao nhiệm vụ' }).click();
  await visible(page.getByRole('status').filter({ hasText: 'Đã giao nhiệm vụ' }), 'the task saved notice');
  await visible(page.getByText(`Hạn ${vnToday(14)}`), 'the task deadline on the resolution');
  await noOverflow(page, 'the resolution tab');
});

test('ending, finalising with the completeness list, then the minutes are locked', async () => {
  const { page } = ctx.phone;
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByRole('button', { name: 'Kết thúc họp' }).click();
  await page.getByRole('button', { name: 'Xác nhận kết thúc' }).click();
  await visible(page.getByText(/Đã kết thúc \d{2}:\d{2}/), 'the end time');
  await page.getByRole('link', { name: 'Hoàn thiện và khóa biên bản' }).click();
  await visible(page.getByRole('heading', { name: 'Hoàn thiện biên bản' }), 'the finalise panel');
  await page.getByRole('button', { name: 'Kết thúc và khóa biên bản' }).click();
  // The minutes were not read back, so the server lists what is missing.
  const missing = page.getByRole('heading', { name: /Chưa thể khóa biên bản/ });
  await visible(missing, 'the list of missing items');
  await shot(page, 'meeting-390-missing');
  await page.getByRole('button', { name: 'Xác nhận đã đọc lại' }).click();
  await visible(page.getByRole('status').filter({ hasText: 'đã được đọc lại' }), 'the read-back notice');
  await page.getByRole('button', { name: 'Kết thúc và khóa biên bản' }).click();
  await visible(page.getByRole('heading', { name: 'Biên bản đã khóa' }), 'the locked section');

  await page.reload();
  await visible(page.getByText('Đã khóa biên bản', { exact: true }), 'the locked status after reload');
  check((await page.getByRole('link', { name: 'Chế độ họp trực tiếp' }).count()) === 0, 'live mode still offered when locked');
  check((await page.getByRole('button', { name: 'Sửa thông tin' }).count()) === 0, 'direct editing still offered when locked');
  // An amendment needs a reason and makes version 2.
  await page.getByRole('button', { name: 'Sửa đổi' }).click();
  await page.getByRole('button', { name: 'Lưu sửa đổi' }).click();
  await visible(page.getByText('Vui lòng ghi lý do sửa đổi.'), 'the inline error for an amendment without a reason');
  await page.getByLabel('Lý do sửa đổi').fill('Ghi sai địa điểm họp.');
  await page.getByLabel('Địa điểm').fill('Hội trường Khu phố 1');
  await page.getByRole('button', { name: 'Lưu sửa đổi' }).click();
  await visible(page.getByRole('status').filter({ hasText: 'phiên bản 2' }), 'the amendment notice');
  await visible(page.getByText('Lý do: Ghi sai địa điểm họp.'), 'the amendment in the history');
  await noOverflow(page, 'the locked meeting page');
  await shot(page, 'meeting-390-locked', true);
  await ctx.phone.context.close();
});

test('a member sees upcoming meetings, attendance history and tasks on their landing page', async () => {
  const { context, page } = await phoneLogin(MEMBER_USER);
  try {
    await waitFor(async () => page.url().endsWith('#/me'), 'the member landing on #/me');
    await visible(page.getByRole('heading', { level: 1, name: 'Sinh hoạt của tôi' }), 'the member page heading');
    await visible(page.getByRole('heading', { name: 'Cuộc họp sắp tới' }), 'upcoming meetings');
    await visible(page.getByRole('heading', { name: /Nhiệm vụ của tôi/ }), 'my tasks');
    await visible(page.getByRole('heading', { name: 'Lịch sử dự họp' }), 'attendance history');
    await visible(page.getByText(/Dự \d+\/\d+ cuộc họp/), 'the attendance summary');
    await visible(page.getByRole('heading', { name: 'Nghị quyết của chi bộ' }), 'the cell resolutions');
    // The task assigned in the meeting above, with its deadline; the member reports progress.
    const task = page.getByRole('listitem').filter({ hasText: 'Tổ chức ra quân tổng vệ sinh khu phố.' });
    await visible(task.getByText(`Hạn ${vnToday(14)}`), 'my new task with its deadline');
    await task.getByRole('button', { name: 'Báo cáo tiến độ' }).click();
    await page.getByLabel('Tiến độ thực hiện').fill('Đã liên hệ các tổ dân phố.');
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await visible(page.getByRole('status').filter({ hasText: 'Đã ghi tiến độ.' }), 'the progress notice');
    await noOverflow(page, 'the member page');
    await shot(page, 'me-390', true);
  } finally {
    await context.close();
  }
});

// --- issues 4 and 5: each feature's browser checks live in a module of their own ------
// A module's default export receives these helpers and registers its tests with `test`.
const helpers = {
  test, ctx, check, visible, waitFor, phoneLogin, getJson, noOverflow, shot, vnToday, sleep, clockNow,
  get browser() { return browser; },
  PASS, USER, COMMITTEE_USER, MEMBER_USER, PHONE,
};
if (SUITE !== 'main') {
  const file = join(here, 'suites', `${SUITE}.mjs`);
  if (!existsSync(file)) throw new Error(`no such browser suite: ${SUITE} (${file})`);
  registering = SUITE;
  // A suite starts logged out on a fresh server: the first check is that it serves the app.
  test('the server serves the app', async () => {
    const r = await fetch(`${ctx.base}/`);
    check(r.ok, `GET / answered ${r.status}`);
  });
  (await import(file)).default(helpers);
  registering = 'main';
}

test('log-out returns to the log-in screen', async () => {
  const page = ctx.page;
  const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
  const menu = page.getByRole('button', { name: 'Menu' });
  if (await menu.isVisible()) await menu.click();
  await nav.getByRole('button', { name: 'Đăng xuất' }).click();
  await visible(page.getByLabel('Tên đăng nhập'), 'log-in form after log-out');
});

// --- runner -----------------------------------------------------------------------

let passed = 0;
let failed = 0;
try {
  check(existsSync(bin), `server binary not found: ${bin} (set CHIBO_BIN)`);
  check(existsSync(chromiumPath), `Chromium not found at ${chromiumPath}`);
  ensureWebBuilt();
  const { chromium } = await loadPlaywright();
  ctx.base = await startServer();
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  // Every page runs on the test clock too (the live-mode clock, the QR code's expiry).
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await context.clock.install({ time: clockNow() });
    return context;
  };
  check(tests.length > 0, `suite ${SUITE} registered no tests`);
  console.log(`e2e: suite ${SUITE}, test clock from ${new Date(clockNow()).toISOString()}`);
  for (const t of tests) {
    const started = Date.now();
    try {
      await t.fn();
      passed++;
      console.log(`ok   ${t.name} (${Date.now() - started} ms)`);
    } catch (e) {
      failed++;
      // The first line names the failure; Playwright's call log below it names the locator
      // and what it waited for, which is what a failure on a loaded CI machine needs.
      const lines = e.message.split('\n').filter((l) => l.trim());
      console.log(`FAIL ${t.name}: ${lines[0]}`);
      for (const l of lines.slice(1, 8)) console.log(`       ${l.trim()}`);
      if (ctx.phone) console.log(`       phone page: ${ctx.phone.page.url()}`);
      if (ctx.page) {
        mkdirSync(screens, { recursive: true });
        await ctx.page.screenshot({ path: join(screens, `failure-${passed + failed}.png`) }).catch(() => {});
      }
      if (ctx.phone) {
        await ctx.phone.page.screenshot({ path: join(screens, `failure-${passed + failed}-phone.png`) }).catch(() => {});
      }
    }
  }
} catch (e) {
  failed++;
  console.log(`FAIL setup: ${e.message}`);
} finally {
  clearTimeout(guard);
  if (browser) await browser.close().catch(() => {});
  if (server && server.exitCode === null) {
    stopping = true;
    server.kill('SIGTERM');
    for (let i = 0; i < 30 && server.exitCode === null; i++) await sleep(100);
  }
}
console.log(`${passed} passed, ${failed} failed`);
// One fresh attempt (new database, server and browser) when a suite fails: on a loaded 2-core CI
// machine a browser suite has failed once in a way no run here reproduced, and every later test
// of the suite fails with it because they build on each other. The first attempt's failures stay
// in the log above; a fault that is real fails both attempts.
const attemptsArg = process.argv.indexOf('--attempts');
const attempts = attemptsArg > 0 ? Number(process.argv[attemptsArg + 1]) : 1;
if (failed && attempts > 1) {
  console.log(`e2e: suite ${SUITE} failed; attempt ${attempts - 1} more time(s) from scratch`);
  rmSync(work, { recursive: true, force: true });
  const again = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--suite', SUITE, '--attempts', String(attempts - 1)], {
    stdio: 'inherit',
  });
  process.exit(again.status ?? 1);
}
process.exit(failed ? 1 : 0);
