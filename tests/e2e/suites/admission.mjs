// The new-member pipeline on a phone (390 px): the secretary of Chi bộ Khu phố 1 puts a person
// on the list and moves them from the course certificate to the admission ceremony, after which
// they are a probationary member of the cell; the ward sees its pipeline. Each step is checked
// against what the API answers, through page.request (the page's own cookies).

export default function register(h) {
  const { test, ctx, check, visible, phoneLogin, noOverflow, shot } = h;
  const json = h.getJson;
  const iso = (vn) => vn.split('/').reverse().join('-');

  /** The cell the logged-in secretary writes (their first grant). */
  async function ownCell(page) {
    const me = await json(page, '/me');
    return me.user ? me.user.grants[0].org_id : me.grants[0].org_id;
  }

  async function nextStep(page, title, fill = async () => {}) {
    const form = page.locator('form').filter({ has: page.getByRole('heading', { name: title }) });
    await visible(form, `the form "${title}"`);
    await fill(form);
    await form.getByRole('button', { name: 'Lưu' }).click();
  }

  test('a secretary takes one person from the course certificate to the ceremony (390×844)', async () => {
    const { context, page } = await phoneLogin(h.USER);
    try {
      const cell = await ownCell(page);
      await page.goto(`${ctx.base}/#/orgs/${cell}`);
      await page.getByRole('navigation', { name: 'Các mục của trang' }).getByRole('link', { name: 'Phát triển đảng viên' }).click();
      await visible(page.getByRole('heading', { name: 'Phát triển đảng viên' }), 'the pipeline heading');
      await page.getByRole('button', { name: '+ Thêm quần chúng ưu tú' }).click();
      const name = 'Hoàng Thị Diệu Linh';
      await page.getByLabel('Họ và tên').fill(name);
      await page.getByLabel('Ngày sinh', { exact: false }).first().fill('15/08/1996');
      await page.getByLabel('Đảng viên được phân công giúp đỡ').selectOption({ index: 1 });
      await page.getByRole('button', { name: 'Lưu' }).click();
      const list = page.getByRole('list', { name: 'Danh sách người đang được phát triển' });
      await visible(list.getByRole('link', { name }), 'the new person in the list');
      await noOverflow(page, 'the cell pipeline');
      await list.getByRole('link', { name }).click();
      await visible(page.getByRole('heading', { name, level: 1 }), 'the candidate page');
      const id = Number(/candidates\/(\d+)/.exec(page.url())[1]);
      const listed = await json(page, `/candidates/${id}`);
      check(listed.stage === 'listed' && listed.helpers.length === 1, 'the person is not listed with a helper');
      // A correction of the personal details before anything else.
      await page.getByRole('button', { name: 'Sửa thông tin' }).click();
      const edit = page.getByRole('form', { name: 'Sửa thông tin' });
      await edit.getByLabel('Số điện thoại').fill('0903 456 789');
      await edit.getByRole('button', { name: 'Lưu' }).click();
      await visible(page.getByRole('status').filter({ hasText: 'Đã lưu thông tin' }), 'the saved details');
      check((await json(page, `/candidates/${id}`)).phone === '0903456789', 'the phone was not saved');

      await nextStep(page, 'Ghi nhận giấy chứng nhận lớp bồi dưỡng', async (f) => {
        await f.getByLabel('Số giấy chứng nhận lớp bồi dưỡng nhận thức về Đảng').fill('GCN 27/2026');
      });
      await visible(page.getByTestId('candidate-stage').filter({ hasText: 'Đã học lớp bồi dưỡng' }), 'the course stage');

      // Two introducers: official members of the cell who have worked with her since 2020.
      const intro = page.getByRole('form', { name: 'Thêm người giới thiệu' });
      for (const index of [1, 2]) {
        await intro.getByLabel('Đảng viên chính thức giới thiệu').selectOption({ index });
        await intro.getByLabel('Công tác cùng người xin vào Đảng từ ngày', { exact: false }).first().fill('01/01/2020');
        await intro.getByRole('button', { name: 'Thêm người giới thiệu' }).click();
        await visible(page.getByRole('status').filter({ hasText: 'Đã thêm người giới thiệu' }), 'the introducer notice');
        await page.waitForFunction(
          (n) => document.querySelectorAll('#intro-h ~ ul li').length >= n, index, { timeout: 15000 });
      }
      check((await json(page, `/candidates/${id}`)).introducers.length === 2, 'the API does not have two introducers');

      await nextStep(page, 'Ghi nhận đơn và người giới thiệu');
      await visible(page.getByTestId('candidate-stage').filter({ hasText: 'Đã có đơn và người giới thiệu' }), 'the introduction');
      await nextStep(page, 'Ghi nhận chi bộ biểu quyết đề nghị kết nạp', async (f) => {
        await f.getByLabel('Số nghị quyết của chi bộ').fill('07-NQ/CB');
      });
      await visible(page.getByTestId('candidate-stage').filter({ hasText: 'Chi bộ đã biểu quyết' }), 'the cell vote');
      await nextStep(page, 'Ghi nhận quyết định kết nạp', async (f) => {
        await f.getByLabel('Số quyết định kết nạp').fill('88-QĐ/ĐU');
      });
      await visible(page.getByTestId('candidate-stage').filter({ hasText: 'Đã có quyết định kết nạp' }), 'the decision');
      // The ceremony deadline, dd/mm/yyyy, as the API computes it (30 working days, holidays skipped).
      const decided = await json(page, `/candidates/${id}`);
      check(decided.stage === 'decided' && decided.deadline?.kind === 'ceremony', 'no ceremony deadline in the API');
      const due = decided.deadline.due.split('-').reverse().join('/');
      await visible(page.getByTestId('candidate-deadline').filter({ hasText: due }), `the ceremony deadline ${due}`);
      await shot(page, 'admission-decided-phone', true);

      await nextStep(page, 'Ghi nhận lễ kết nạp', async (f) => {
        await f.getByLabel('Đảng viên chính thức giúp đỡ trong thời gian dự bị').selectOption({ index: 1 });
      });
      await visible(page.getByTestId('candidate-stage').filter({ hasText: 'Đã kết nạp, đảng viên dự bị' }), 'the ceremony');
      const admitted = await json(page, `/candidates/${id}`);
      check(Number.isInteger(admitted.member_id), 'the ceremony did not create the member');
      const member = await json(page, `/members/${admitted.member_id}`);
      check(member.full_name === name, `the member is called ${member.full_name}`);
      check(member.state.standing === 'probationary', `the member is ${member.state.standing}, not probationary`);
      check(member.admission_ceremony_date === admitted.stage_date, 'the ceremony date is not on the member record');
      await visible(page.getByRole('link', { name: 'Hồ sơ đảng viên' }), 'the link to the member record');
      // The timeline lists every stage with its date.
      const steps = page.locator('.timeline li');
      check((await steps.count()) === 6, `the timeline has ${await steps.count()} entries, not 6`);
      check(iso((await steps.first().innerText()).slice(0, 10)) === admitted.stages[0].date, 'the timeline date is not dd/mm/yyyy of the API');
      await noOverflow(page, 'the candidate page');
      await shot(page, 'admission-admitted-phone', true);
    } finally {
      await context.close();
    }
  });

  test('the ward sees its pipeline with the overdue ceremony of the demo (390×844)', async () => {
    const { context, page } = await phoneLogin(h.COMMITTEE_USER);
    try {
      const me = await json(page, '/me');
      const grants = me.user ? me.user.grants : me.grants;
      const ward = grants[0].org_id;
      await page.goto(`${ctx.base}/#/orgs/${ward}/admission`);
      await visible(page.getByRole('heading', { name: 'Phát triển đảng viên' }), 'the pipeline heading');
      const api = await json(page, `/orgs/${ward}/admission-pipeline`);
      check(api.overdue >= 1, 'the demo has no overdue ceremony');
      await visible(page.getByTestId('pipeline-overdue').filter({ hasText: `${api.overdue} người` }), 'the overdue count');
      const counts = page.getByRole('list', { name: 'Số người ở mỗi bước' });
      check((await counts.getByRole('listitem').count()) === api.counts.length, 'not every stage is counted');
      const late = api.items.find((c) => c.deadline?.overdue);
      await visible(page.locator('.item.overdue').filter({ hasText: late.full_name }), 'the overdue person highlighted');
      await noOverflow(page, 'the ward pipeline');
      await shot(page, 'admission-ward-phone', true);
    } finally {
      await context.close();
    }
  });
}
