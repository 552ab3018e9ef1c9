// Roster import in the browser: ward staff pick the ward's file, fix one column the server did
// not recognise, read the dry-run report (new rows, a refused row with its reason), commit, and
// find the new members on the roll. Then the same file again changes nothing.
const WARD = 'Đảng ủy phường Tân Định';

export default function register(h) {
  const { test, check, visible, waitFor } = h;

  // "NS" is a header the server does not know: the user maps it to "Ngày sinh" in the preview.
  const csv =
    'STT,Họ và tên,NS,Giới tính,Số thẻ đảng viên,Chi bộ\r\n' +
    '1,Trịnh Thị Nhập Tệp,14/02/1982,Nữ,79770001,Chi bộ Khu phố 1\r\n' +
    '2,Lâm Văn Trình Duyệt,03/11/1976,Nam,79770002,Chi bộ Khu phố 2\r\n' +
    '3,Mạc Văn Sai Ngày,31/02/1980,Nam,79770003,Chi bộ Khu phố 3\r\n';
  const file = { name: 'danh-sach-bo-sung.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf-8') };

  async function login(user) {
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto(`${h.ctx.base}/`);
    await page.getByLabel('Tên đăng nhập').fill(user);
    await page.getByLabel('Mật khẩu').fill(h.PASS);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await visible(page.getByRole('navigation', { name: 'Điều hướng chính' }), `navigation after ${user} logs in`);
    return { context, page };
  }

  async function openImport(page) {
    await page.goto(`${h.ctx.base}/#/orgs`);
    await page.getByRole('link', { name: WARD, exact: true }).first().click();
    await visible(page.getByRole('heading', { level: 1, name: WARD }), 'the ward page');
    await page.getByRole('button', { name: 'Nhập danh sách từ tệp' }).click();
    await page.getByLabel('Tệp danh sách').setInputFiles(file);
    await visible(page.getByRole('heading', { name: `Xem trước: ${file.name}` }), 'the preview of the file');
  }

  test('import: ward staff import a roster file, fix a column, read the dry run, commit', async () => {
    const { context, page } = await login(h.COMMITTEE_USER);
    try {
      await openImport(page);
      const summary = page.locator('.summary');
      // Before the fix every row is refused: a new member needs a birth date.
      await waitFor(async () => /từ chối 3 dòng/.test(await summary.innerText()), 'three refused rows before the fix');
      const col = page.getByLabel('Cột 3: “NS”');
      check(await col.inputValue() === 'ignore', 'the unknown header "NS" starts as ignored');
      await col.selectOption({ label: 'Ngày sinh' });
      await waitFor(async () => /Thêm mới 2 .*từ chối 1 dòng/s.test(await summary.innerText()), 'two new rows and one refused after the fix');
      const refused = page.locator('li[data-action="refuse"]');
      await visible(refused, 'the refused row');
      const text = await refused.innerText();
      check(text.includes('Dòng 4') && text.includes('Mạc Văn Sai Ngày'), `the refused row names its row and member: ${text}`);
      check(text.includes('Cột “NS”') && text.includes('Ngày không hợp lệ'), `the refused row says which column and why: ${text}`);
      const created = page.locator('li[data-action="create"]');
      check((await created.count()) === 2, 'two rows to create');
      check((await created.first().innerText()).includes('Ngày sinh'), 'a new row lists its fields');
      // Nothing is written by the preview.
      const before = await page.request.get(`${h.ctx.base}/api/v1/orgs/${await wardId(page)}/members?q=Trịnh Thị Nhập Tệp`);
      check((await before.json()).total === 0, 'the preview wrote nothing');

      await page.getByRole('button', { name: 'Ghi vào hồ sơ' }).click();
      await visible(page.getByText(/Đã ghi: thêm mới 2, cập nhật 0 đảng viên; 1 dòng bị từ chối/), 'the commit confirmation');
      const after = await page.request.get(`${h.ctx.base}/api/v1/orgs/${await wardId(page)}/members?q=Trịnh Thị Nhập Tệp`);
      const roll = await after.json();
      check(roll.total === 1 && roll.items[0].birth_date === '1982-02-14', `the new member is on the roll: ${JSON.stringify(roll.items)}`);

      // The same file again: nothing to write.
      await openImport(page);
      await page.getByLabel('Cột 3: “NS”').selectOption({ label: 'Ngày sinh' });
      await waitFor(async () => /không đổi 2 .*từ chối 1 dòng/s.test(await summary.innerText()), 'the same rows are unchanged');
      check(await page.getByRole('button', { name: 'Ghi vào hồ sơ' }).isDisabled(), 'nothing to commit the second time');
    } finally {
      await context.close();
    }
  });

  test('import: the roll exports as Excel from the org page', async () => {
    const { context, page } = await login(h.COMMITTEE_USER);
    try {
      await page.goto(`${h.ctx.base}/#/orgs`);
      await page.getByRole('link', { name: WARD, exact: true }).first().click();
      await visible(page.getByRole('heading', { level: 1, name: WARD }), 'the ward page');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Xuất Excel' }).click()]);
      check(/\.xlsx$/.test(download.suggestedFilename()), `an .xlsx is downloaded: ${download.suggestedFilename()}`);
    } finally {
      await context.close();
    }
  });

  async function wardId(page) {
    const m = /#\/orgs\/(\d+)/.exec(page.url());
    check(m, `on an org page: ${page.url()}`);
    return m[1];
  }
}
