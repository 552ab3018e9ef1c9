// Browser tests of the chibo web app against the real server and Debian's Chromium.
//
//   CHIBO_BIN=build/chibo CHIBO_SOURCE_DIR=. node tests/e2e/run.mjs
//
// Creates a demo database in a temp dir, starts `chibo serve` on a free port with web/dist,
// drives /usr/bin/chromium through playwright-core (never downloads a browser) and prints
// "N passed, M failed". Screenshots go to $CHIBO_E2E_SCREENS (default: <tmp>/chibo-e2e-screens).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
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

let server = null;
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
  if (!existsSync(join(here, 'node_modules', 'playwright-core'))) {
    console.log('e2e: installing playwright-core (npm ci)…');
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

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.unref();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function startServer() {
  const db = join(work, 'chibo.db');
  const demo = spawnSync(bin, ['demo', '--db', db], { encoding: 'utf8' });
  if (demo.status !== 0) throw new Error(`chibo demo failed (${demo.status}): ${demo.stderr || demo.stdout}`);
  const port = await freePort();
  let log = '';
  server = spawn(bin, ['serve', '--db', db, '--port', String(port), '--web', webDist], { stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout.on('data', (d) => (log += d));
  server.stderr.on('data', (d) => (log += d));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i++) {
    if (server.exitCode !== null) throw new Error(`chibo serve exited (${server.exitCode}):\n${log}`);
    try {
      const r = await fetch(`${base}/api/v1/health`);
      if (r.ok) return base;
    } catch {
      /* not up yet */
    }
    await sleep(200);
  }
  throw new Error(`chibo serve did not answer /api/v1/health within 30 s:\n${log}`);
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
const test = (name, fn) => tests.push({ name, fn });
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
  // A cell secretary lands on their cell.
  await waitFor(async () => /#\/orgs\/\d+$/.test(page.url()), 'landing on #/orgs/{id}');
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
  for (const t of tests) {
    const started = Date.now();
    try {
      await t.fn();
      passed++;
      console.log(`ok   ${t.name} (${Date.now() - started} ms)`);
    } catch (e) {
      failed++;
      console.log(`FAIL ${t.name}: ${e.message.split('\n')[0]}`);
      if (ctx.page) {
        mkdirSync(screens, { recursive: true });
        await ctx.page.screenshot({ path: join(screens, `failure-${passed + failed}.png`) }).catch(() => {});
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
    server.kill('SIGTERM');
    for (let i = 0; i < 30 && server.exitCode === null; i++) await sleep(100);
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
