// A cell secretary's whole month at phone size (390×844): land on the next job, plan the meeting
// (place, chair and secretary from the last one; a second regular meeting in a month asks first),
// live mode (start, roll call that warns before unsaved marks are lost, speeches found by search,
// notes and the chair's conclusion, the review of earlier tasks, the resolution with its vote and
// a task), the end with the lock step in view, the lock; then the minutes PDF is read with
// pdftotext and every recorded item is found in it. Then each role's landing page, the audit log
// in Vietnamese, and an axe-core scan of the main screens of each role (0 serious or critical).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export default function register(h) {
  const { test, ctx, check, visible, waitFor, phoneLogin, noOverflow, shot, vnToday } = h;
  const local = {};

  const getJson = h.getJson;

  /** Serious and critical axe-core violations on the page as it is now, printed. */
  async function axeScan(page, what) {
    // The app's Content-Security-Policy (default-src 'self') refuses an injected <script> tag
    // (page.addScriptTag), so axe's source is evaluated through the DevTools protocol instead.
    if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.evaluate(axeSource);
    const found = await page.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ['violations'] });
      return r.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, sample: v.nodes[0]?.target?.join(' ') ?? '' }));
    });
    console.log(`  axe ${what}: ${found.length} serious/critical${found.length ? ' ' + JSON.stringify(found) : ''}`);
    local.axe = (local.axe ?? 0) + found.length;
    return found;
  }

  test('a secretary lands on the next meeting of their cell', async () => {
    const { context, page } = await phoneLogin(h.USER);
    local.phone = { context, page };
    await waitFor(async () => /#\/(meetings\/\d+|orgs\/\d+\/meetings)$/.test(page.url()), 'the secretary landing on a meeting');
    const me = await getJson(page, '/me');
    local.cell = me.user.grants.find((g) => g.role === 'cell').org_id;
  });

  test('plans the month: the last meeting fills place, chair and secretary; a second regular meeting asks first', async () => {
    const { page } = local.phone;
    await page.goto(`${ctx.base}/#/orgs/${local.cell}/meetings`);
    await visible(page.getByRole('heading', { name: 'Các cuộc sinh hoạt' }), 'the meetings heading');
    await page.getByRole('button', { name: 'Lập kế hoạch' }).click();
    await page.getByLabel('Loại sinh hoạt').selectOption('regular');
    // An iPhone number pad has no "/" or ":": digits alone are read as a date and a time.
    const d = vnToday();
    await page.getByLabel('Ngày họp').fill(d.replaceAll('/', ''));
    await page.getByLabel('Giờ bắt đầu').fill('0730');
    await waitFor(async () => (await page.getByLabel('Người chủ trì').inputValue()) !== '', 'the chair taken from the last meeting');
    check((await page.getByLabel('Địa điểm').inputValue()).trim() !== '', 'the place is not taken from the last meeting');
    check((await page.getByLabel('Thư ký cuộc họp').inputValue()) !== '', 'the secretary is not taken from the last meeting');
    await page.getByRole('button', { name: 'Lập kế hoạch', exact: true }).click();
    const again = page.getByRole('button', { name: 'Vẫn lập thêm', exact: true });
    await waitFor(async () => /#\/meetings\/\d+$/.test(page.url()) || (await again.count()) > 0, 'the new meeting or the question');
    const month = await getJson(page, `/orgs/${local.cell}/meetings?from=${d.slice(6)}-${d.slice(3, 5)}-01&to=${d.slice(6)}-${d.slice(3, 5)}-28`);
    if (await again.count()) {
      await visible(page.getByRole('alert').filter({ hasText: 'đã có cuộc sinh hoạt thường kỳ' }), 'the question about a second meeting');
      await again.click();
    } else {
      check(!month.items.some((m) => m.kind === 'regular' && m.status !== 'cancelled' && m.planned_start.slice(0, 10) !== d.split('/').reverse().join('-')),
        'a second regular meeting was planned without asking');
    }
    await waitFor(async () => /#\/meetings\/\d+$/.test(page.url()), 'the new meeting page');
    local.meetingId = +page.url().match(/meetings\/(\d+)$/)[1];
    await visible(page.getByText(/07:30/).first(), 'the time typed as digits');
    await noOverflow(page, 'the new meeting page');
  });

  test('live mode: start, a roll call that is not lost, speakers found by search, notes and conclusion', async () => {
    const { page } = local.phone;
    await page.getByRole('link', { name: 'Chế độ họp trực tiếp' }).click();
    await page.getByRole('button', { name: 'Bắt đầu họp' }).click();
    await visible(page.getByRole('button', { name: 'Kết thúc họp' }), 'the end button after starting');

    // Unsaved marks: leaving asks first, and staying keeps them.
    await page.getByRole('button', { name: 'Còn lại: có mặt' }).click();
    let asked = '';
    page.once('dialog', (dlg) => {
      asked = dlg.message();
      dlg.dismiss();
    });
    await page.getByRole('link', { name: 'Về trang cuộc họp' }).click();
    await waitFor(async () => asked !== '', 'the warning before unsaved marks are lost');
    check(asked.includes('chưa được lưu'), `the warning does not say the roll is unsaved: "${asked}"`);
    check(/\/live$/.test(page.url()), `leaving was not stopped: ${page.url()}`);
    await page.getByRole('button', { name: 'Lưu điểm danh' }).click();
    await visible(page.getByRole('status').filter({ hasText: 'Đã lưu điểm danh' }), 'the roll-call saved notice');

    const m = await getJson(page, `/meetings/${local.meetingId}`);
    local.chair = m.chair?.full_name;
    const present = m.roll.filter((r) => r.mark && r.mark.status === 'present').map((r) => r.full_name);
    check(present.length >= 3, 'fewer than three present');
    local.speeches = [
      [present[1], 'Đề nghị sửa đèn chiếu sáng hẻm 14 trước Tết.'],
      [present[2], 'Cần vận động các hộ phân loại rác tại nguồn.'],
    ];
    await page.getByRole('tab', { name: 'Phát biểu' }).click();
    const search = page.getByLabel('Tìm người phát biểu');
    for (const [who, what] of local.speeches) {
      await search.fill(who.split(' ').slice(-2).join(' '));
      await page.getByRole('group', { name: 'Chọn người phát biểu' }).getByRole('button', { name: who, exact: true }).click();
      await page.getByLabel('Tóm tắt ý kiến').fill(what);
      await page.getByRole('button', { name: 'Ghi ý kiến' }).click();
      await visible(page.getByRole('status').filter({ hasText: `Đã ghi ý kiến của đồng chí ${who}` }), `the speech of ${who}`);
      check((await search.inputValue()) === '', 'the speaker search is not cleared after a speech');
    }
    const spoken = await page.locator('ol.done li').allInnerTexts();
    check(spoken[0]?.includes(local.speeches[0][1]) && spoken[1]?.includes(local.speeches[1][1]), `speeches not in spoken order: ${JSON.stringify(spoken)}`);
    await shot(page, 'secretary-390-speeches');

    await page.getByRole('tab', { name: 'Việc kỳ trước' }).click();
    const done = page.getByRole('button', { name: 'Hoàn thành', exact: true });
    if (await done.count()) {
      for (let i = 0; i < (await done.count()); i++) await done.nth(i).click();
      await page.getByRole('button', { name: 'Lưu kiểm điểm' }).click();
      await visible(page.getByRole('status').filter({ hasText: 'Đã lưu đánh giá' }), 'the task review notice');
    }

    // The chair's conclusion and a step's notes, written during the meeting.
    await page.getByRole('tab', { name: 'Ghi chép' }).click();
    local.conclusion = 'Chi bộ thống nhất ra quân tổng vệ sinh vào chủ nhật cuối tháng.';
    await page.getByLabel('Kết luận của chủ trì').fill(local.conclusion);
    await page.getByRole('button', { name: 'Lưu kết luận' }).click();
    await visible(page.getByRole('status').filter({ hasText: 'Đã lưu kết luận' }), 'the conclusion saved');
    local.dues = 'Đã thu đảng phí tháng này của toàn bộ đảng viên có mặt.';
    const duesBox = page.getByLabel(/Thông báo tình hình đóng đảng phí/);
    await duesBox.fill(local.dues);
    await page.getByRole('button', { name: /^Lưu ghi chép mục \d+$/ }).click();
    await visible(page.getByRole('status').filter({ hasText: 'Đã lưu ghi chép' }), 'the note saved');
    await noOverflow(page, 'the notes tab');
  });

  test('resolution, vote and a task; after "Kết thúc họp" the lock step is in view', async () => {
    const { page } = local.phone;
    await page.getByRole('tab', { name: 'Nghị quyết' }).click();
    await page.getByLabel('Đánh giá kết quả tháng qua').fill('Chi bộ hoàn thành tốt công tác vận động quỹ.');
    await page.getByLabel('Phương hướng, nhiệm vụ').fill('Giữ gìn an ninh trật tự dịp cuối năm.');
    await page.getByRole('button', { name: 'Lưu nghị quyết' }).click();
    await visible(page.getByRole('status').filter({ hasText: /Đã ghi Số \d+-NQ/ }), 'the resolution saved notice');
    local.task = 'Kiểm tra đèn chiếu sáng các hẻm.';
    await page.getByLabel('Nội dung nhiệm vụ').fill(local.task);
    await page.getByRole('group', { name: /Người thực hiện/ }).getByRole('checkbox').first().check();
    await page.getByLabel('Hạn hoàn thành').fill(vnToday(14));
    await page.getByRole('button', { name: 'Giao nhiệm vụ' }).click();
    await visible(page.getByRole('status').filter({ hasText: 'Đã giao nhiệm vụ' }), 'the task saved notice');

    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByRole('button', { name: 'Kết thúc họp' }).click();
    await page.getByLabel('Thư ký đã đọc lại biên bản trước chi bộ').check();
    await page.getByRole('button', { name: 'Xác nhận kết thúc' }).click();
    const lock = page.getByRole('button', { name: 'Kết thúc và khóa biên bản' });
    await visible(lock, 'the lock button in live mode after the end');
    const top = await lock.evaluate((e) => e.getBoundingClientRect().top + window.scrollY);
    check(top < 2 * 844, `the lock step is ${Math.round(top)} px down the page, not in view`);
    await shot(page, 'secretary-390-ended');
    await lock.click();
    const missing = page.getByRole('heading', { name: /Chưa thể khóa biên bản/ });
    await waitFor(async () => (await missing.count()) > 0 || (await page.getByText(/Biên bản đã khóa/).count()) > 0, 'the lock or the missing items');
    if (await missing.count()) {
      const items = await page.locator('.missing li').allInnerTexts();
      throw new Error(`the lock lists missing items: ${items.join(' | ')}`);
    }
  });

  test('the minutes PDF holds every recorded item', async () => {
    const { page } = local.phone;
    const r = await page.request.get(`${ctx.base}/api/v1/meetings/${local.meetingId}/minutes.pdf`);
    check(r.ok(), `minutes.pdf answered ${r.status()}`);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: await r.body() })
      .toString('utf8')
      .replace(/\s+/g, ' ');
    const items = [local.conclusion, local.dues, local.task, 'Biểu quyết thông qua Nghị quyết', 'Thư ký đã đọc lại biên bản'];
    if (local.chair) items.push(`Chủ trì: đồng chí ${local.chair}`);
    for (const [who, what] of local.speeches) items.push(`Đồng chí ${who}: ${what}`);
    const lost = items.filter((s) => !text.includes(s.replace(/\s+/g, ' ')));
    console.log(`  minutes PDF: ${items.length - lost.length}/${items.length} recorded items found`);
    check(lost.length === 0, `the minutes PDF lacks: ${lost.join(' | ')}`);
    const first = text.indexOf(local.speeches[0][1]);
    const second = text.indexOf(local.speeches[1][1]);
    check(first >= 0 && second > first, 'the speeches are not in spoken order in the minutes');
  });

  test('a provisional score reads "chưa đủ dữ liệu để xếp loại", never a red grade', async () => {
    const { page, context } = local.phone;
    const score = await getJson(page, `/meetings/${local.meetingId}/score`);
    await page.goto(`${ctx.base}/#/meetings/${local.meetingId}`);
    await visible(page.getByTestId('score-grade'), 'the score grade');
    const grade = (await page.getByTestId('score-grade').innerText()).trim();
    if (score.pending) {
      check(grade === 'Chưa đủ dữ liệu để xếp loại', `a provisional score shows "${grade}"`);
      await visible(page.getByTestId('score-missing'), 'what the score waits for');
    } else {
      check(grade === score.grade_label, `grade "${grade}" differs from the API "${score.grade_label}"`);
    }
    await axeScan(page, 'secretary meeting page');
    await page.goto(`${ctx.base}/#/meetings/${local.meetingId}/live`);
    await visible(page.getByRole('heading', { level: 1 }), 'live mode');
    await axeScan(page, 'secretary live mode (locked)');
    await context.close();
  });

  test('each role lands on its next job, and the audit log reads in Vietnamese', async () => {
    const roles = [
      [h.COMMITTEE_USER, /#\/orgs\/\d+\/oversight$/, 'ward dashboard'],
      ['giamsat.phuong', /#\/desk$/, 'monitor desk'],
      [h.MEMBER_USER, /#\/me$/, 'member page'],
    ];
    for (const [user, want, what] of roles) {
      const { context, page } = await phoneLogin(user);
      try {
        await waitFor(async () => want.test(page.url()), `${user} landing on the ${what}`);
        await visible(page.getByRole('heading', { level: 1 }), `the ${what} heading`);
        await page.waitForLoadState('networkidle');
        await axeScan(page, what);
        if (user === h.COMMITTEE_USER) {
          const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
          const menu = page.getByRole('button', { name: 'Menu' });
          if (await menu.isVisible()) await menu.click();
          await nav.getByRole('link', { name: 'Nhật ký' }).click();
          await visible(page.getByRole('heading', { level: 1, name: 'Nhật ký thay đổi' }), 'audit heading');
          await page.getByLabel('Loại đối tượng').selectOption('meeting');
          await visible(page.getByRole('listitem').filter({ hasText: 'Khóa biên bản' }).first(), 'the lock in the audit log');
          const body = await page.locator('main').innerText();
          for (const raw of ['meeting.finalize', 'meeting.attendance', 'assignee_member_ids', 'attendance['])
            check(!body.includes(raw), `the audit log shows "${raw}"`);
          await axeScan(page, 'audit log');
        }
      } finally {
        await context.close();
      }
    }
    console.log(`  axe total: ${local.axe} serious/critical violations`);
    check(local.axe === 0, `${local.axe} serious or critical accessibility violations (listed above)`);
  });
}
