// Accounts in the browser: ward staff create the accounts of a cell in one step and print the
// activation sheet (a real PDF download); a member opens the activation page at phone size with
// the code from the sheet, chooses a password and logs in; then changes their own password.
import { readFile } from 'node:fs/promises';

export default function register(h) {
  const { test, ctx, check, visible, waitFor, phoneLogin, noOverflow, shot } = h;
  const CELL = 'Chi bộ Khu phố 1';
  const state = { username: '', code: '', password: 'hoa-sen-no-giua-dam' };

  const json = h.getJson;

  async function cellId(page) {
    for (const root of (await json(page, '/orgs')).items) {
      const queue = [root.id];
      while (queue.length) {
        const org = await json(page, `/orgs/${queue.shift()}`);
        const hit = org.children.find((c) => c.name === CELL);
        if (hit) return hit.id;
        queue.push(...org.children.filter((c) => c.kind === 'committee').map((c) => c.id));
      }
    }
    throw new Error(`${CELL} not found from /orgs`);
  }

  async function logInAs(page, username, password) {
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu').fill(password);  // the only password field there
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await visible(page.getByRole('navigation', { name: 'Điều hướng chính' }), `navigation after ${username} logs in`);
  }

  async function logOut(page) {
    const menu = page.getByRole('button', { name: 'Menu' });
    if (await menu.isVisible()) await menu.click();
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('button', { name: 'Đăng xuất' }).click();
    await visible(page.getByLabel('Tên đăng nhập'), 'the log-in form after log-out');
  }

  test('ward staff create the accounts of a cell in one step and print the activation sheet', async () => {
    const { context, page } = await phoneLogin(h.COMMITTEE_USER);
    try {
      const cell = await cellId(page);
      const missing = (await json(page, `/orgs/${cell}/accounts/missing`)).total;
      check(missing > 5, `${CELL} has only ${missing} members without an account`);
      await page.goto(`${ctx.base}/#/orgs/${cell}`);
      await page.getByRole('navigation', { name: 'Các mục của trang' }).getByRole('link', { name: 'Tài khoản' }).click();
      await visible(page.getByRole('heading', { name: `Tài khoản – ${CELL}` }), 'the accounts page heading');
      await page.getByRole('button', { name: `Tạo tài khoản cho tất cả (${missing})` }).click();
      const issued = page.getByRole('region', { name: /Mã kích hoạt vừa cấp/ });
      await visible(issued, 'the codes just issued');
      const rows = issued.locator('tbody tr');
      await waitFor(async () => (await rows.count()) === missing, `${missing} issued codes on the page`);
      const first = rows.first().locator('td');
      state.username = (await first.nth(1).innerText()).trim();
      state.code = (await first.nth(2).innerText()).trim();
      check(/^[a-z0-9.]+$/.test(state.username), `username "${state.username}" is not plain ASCII`);
      check(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/.test(state.code), `code "${state.code}" has not the printed shape`);
      await noOverflow(page, 'the accounts page');
      await shot(page, 'accounts-issued-390', true);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        issued.getByRole('button', { name: 'In phiếu kích hoạt (PDF)' }).click(),
      ]);
      check(download.suggestedFilename() === 'phieu-kich-hoat.pdf', `download named ${download.suggestedFilename()}`);
      const bytes = await readFile(await download.path());
      check(bytes.subarray(0, 5).toString() === '%PDF-', 'the activation sheet is not a PDF');
      check(bytes.length > 2000, `the activation sheet is only ${bytes.length} bytes`);
      // Everyone on the roll has an account now; the list shows them waiting for activation.
      check((await json(page, `/orgs/${cell}/accounts/missing`)).total === 0, 'members still without an account');
      const pending = await json(page, `/orgs/${cell}/accounts?show=never_activated&limit=500`);
      check(pending.total >= missing, `only ${pending.total} accounts wait for activation`);
    } finally {
      await context.close();
    }
  });

  test('a member activates from the code at phone size, logs in, and changes their password', async () => {
    check(state.code, 'no activation code from the previous test');
    const context = await h.browser.newContext({ viewport: h.PHONE, deviceScaleFactor: 1, hasTouch: true });
    const page = await context.newPage();
    try {
      // What the QR code opens.
      await page.goto(`${ctx.base}/#/activate?code=${state.code}`);
      await visible(page.getByRole('heading', { name: 'Kích hoạt tài khoản' }), 'the activation page');
      await visible(page.getByText(state.username, { exact: true }), 'the username on the activation page');
      await page.getByLabel(/^Mật khẩu mới/).fill('123456789');
      await page.getByLabel('Nhập lại mật khẩu').fill('123456789');
      await page.getByRole('button', { name: 'Kích hoạt và đăng nhập' }).click();
      await visible(page.getByText('Mật khẩu phải có ít nhất 10 ký tự.'), 'the length rule in Vietnamese');
      await page.getByLabel(/^Mật khẩu mới/).fill('matkhau123456');
      await page.getByLabel('Nhập lại mật khẩu').fill('matkhau123456');
      await page.getByRole('button', { name: 'Kích hoạt và đăng nhập' }).click();
      await visible(page.getByText(/quá phổ biến/), 'the common-password refusal in Vietnamese');
      await noOverflow(page, 'the activation page');
      await shot(page, 'activate-390', true);
      await page.getByLabel(/^Mật khẩu mới/).fill(state.password);
      await page.getByLabel('Nhập lại mật khẩu').fill(state.password);
      await page.getByRole('button', { name: 'Kích hoạt và đăng nhập' }).click();
      await visible(page.getByRole('navigation', { name: 'Điều hướng chính' }), 'the app after activation');

      // Log out and in again with the chosen password.
      await logOut(page);
      await logInAs(page, state.username, state.password);

      // Tài khoản của tôi: change the password, the current one first.
      await page.goto(`${ctx.base}/#/account`);
      await visible(page.getByRole('heading', { name: 'Tài khoản của tôi' }), 'my account page');
      await visible(page.getByText('(phiên này)'), 'the current session in the list');
      const form = page.getByRole('form', { name: 'Đổi mật khẩu' });
      await form.getByLabel('Mật khẩu hiện tại').fill('sai-mat-khau-roi');
      await form.getByLabel(/^Mật khẩu mới/).fill('bien-xanh-cat-trang');
      await form.getByLabel('Nhập lại mật khẩu mới').fill('bien-xanh-cat-trang');
      await form.getByRole('button', { name: 'Đổi mật khẩu' }).click();
      await visible(page.getByText('Mật khẩu hiện tại không đúng.'), 'the wrong current password refused');
      await form.getByLabel('Mật khẩu hiện tại').fill(state.password);
      await form.getByRole('button', { name: 'Đổi mật khẩu' }).click();
      await visible(page.getByText(/Đã đổi mật khẩu/), 'the password changed');
      await noOverflow(page, 'my account page');
      await shot(page, 'my-account-390', true);
      await logOut(page);
      await logInAs(page, state.username, 'bien-xanh-cat-trang');
    } catch (e) {
      await shot(page, 'accounts-failure', true).catch(() => {});
      throw e;
    } finally {
      await context.close();
    }
  });
}
