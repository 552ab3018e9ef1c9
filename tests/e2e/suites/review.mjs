// The year-end review at phone size (390×844): ward staff open the round for the year from the
// ward's "Kiểm điểm" tab; a member finds their review from their cell's tab, sees the year's record
// it is prefilled with, writes the self-assessment and proposes points (the level follows the
// points); the cell secretary records the cell's vote against the roll; the history shows both
// steps; a vote short of more than half is refused with the reason and writes nothing.
export default function register(h) {
  const { test, check, visible, waitFor, phoneLogin, noOverflow, shot, vnToday } = h;
  const local = { year: vnToday().slice(6) };

  const getJson = h.getJson;

  test('ward staff open the year-end review round from the ward page', async () => {
    const { context, page } = await phoneLogin(h.COMMITTEE_USER);
    try {
      const ward = (await getJson(page, '/me')).user.grants.find((g) => g.role === 'committee').org_id;
      await page.goto(`${h.ctx.base}/#/orgs/${ward}`);
      await page.getByRole('navigation', { name: 'Các mục của trang' }).getByRole('link', { name: 'Kiểm điểm' }).click();
      await visible(page.getByRole('heading', { name: /^Kiểm điểm, xếp loại – / }), 'the review rounds page');
      // The demo's finished round of last year is listed.
      await visible(page.getByRole('link', { name: `Năm ${+local.year - 1}` }), 'last year\'s finished round');
      await page.getByLabel('Năm kiểm điểm').fill(local.year);
      await page.getByRole('button', { name: 'Mở đợt kiểm điểm' }).click();
      await visible(page.getByRole('heading', { name: `Kiểm điểm, xếp loại năm ${local.year}` }), 'the new round');
      local.round = +page.url().match(/#\/review-rounds\/(\d+)$/)[1];
      const view = await getJson(page, `/review-rounds/${local.round}`);
      check(view.reviews.length > 100, `only ${view.reviews.length} reviews in the ward's round`);
      check(view.not_decided === view.reviews.length, 'a new round has decisions already');
      await noOverflow(page, 'the round page');
      await shot(page, 'review-round-390');
    } finally {
      await context.close();
    }
  });

  test('a member writes the self-assessment on the form prefilled with the year', async () => {
    check(local.round, 'no round was opened');
    const { context, page } = await phoneLogin(h.MEMBER_USER);
    try {
      const me = (await getJson(page, '/me')).user;
      const cell = me.grants.find((g) => g.role === 'member');
      check(cell, `${h.MEMBER_USER} has no member grant`);
      await page.goto(`${h.ctx.base}/#/orgs/${cell.org_id}`);
      await page.getByRole('navigation', { name: 'Các mục của trang' }).getByRole('link', { name: 'Kiểm điểm' }).click();
      await page.getByRole('link', { name: `Năm ${local.year}` }).click();
      await visible(page.getByRole('heading', { name: /^Bản kiểm điểm \(\d+\)$/ }), 'the round page\'s reviews');
      const own = page.getByRole('listitem').filter({ hasText: 'Chưa tự đánh giá' }).getByRole('link');
      await visible(own.first(), 'the member\'s own review');
      check((await own.count()) === 1, `the member sees ${await own.count()} reviews, not their own only`);
      await own.click();
      await visible(page.getByRole('heading', { name: `Bản kiểm điểm năm ${local.year}` }), 'the review form');
      local.review = +page.url().match(/#\/reviews\/(\d+)$/)[1];
      const view = await getJson(page, `/reviews/${local.review}`);
      await visible(page.getByText(`${view.evidence.meetings_attended}/${view.evidence.meetings_expected} buổi`),
        'the meetings attended, prefilled');
      await page.getByLabel('Bản tự kiểm điểm').fill(
        'Năm nay tôi dự đầy đủ các buổi sinh hoạt, tham gia vận động bà con giữ gìn vệ sinh khu phố. Hạn chế: đôi lúc chưa phát biểu.');
      await page.getByLabel('Điểm (0–100)').fill('85');
      check(await page.getByLabel('Mức xếp loại', { exact: true }).inputValue() === 'good', 'the level did not follow the points');
      await noOverflow(page, 'the self-assessment form');
      await shot(page, 'review-self-390', true);
      await page.getByRole('button', { name: 'Lưu' }).click();
      await visible(page.getByText('Đã lưu bản tự kiểm điểm.'), 'the saved notice');
      await visible(page.getByText('Đã tự đánh giá', { exact: true }), 'the new stage');
      const after = await getJson(page, `/reviews/${local.review}`);
      check(after.review.self_level === 'good' && after.review.self_points === 85, 'the self-assessment was not stored');
    } finally {
      await context.close();
    }
  });

  test('the cell secretary records the cell\'s vote; a vote short of a majority is refused', async () => {
    check(local.review, 'no self-assessment was made');
    const { context, page } = await phoneLogin(h.USER);
    try {
      await page.goto(`${h.ctx.base}/#/reviews/${local.review}`);
      await visible(page.getByRole('heading', { name: 'Chi bộ biểu quyết mức xếp loại' }), 'the vote form');
      const voters = (await getJson(page, `/reviews/${local.review}`)).voters;
      check(voters > 2, `the cell has ${voters} voters`);
      await page.getByLabel('Điểm (0–100)').fill('65');
      await page.getByLabel('Mức xếp loại', { exact: true }).selectOption('done');
      await page.getByLabel('Tán thành', { exact: true }).fill(String(Math.floor(voters / 2)));
      await page.getByLabel('Không tán thành').fill(String(voters - Math.floor(voters / 2)));
      await page.getByRole('button', { name: 'Lưu' }).click();
      const alert = page.getByRole('alert').filter({ hasText: /cần quá nửa/ });
      await visible(alert, 'the refusal naming the majority needed');
      check((await getJson(page, `/reviews/${local.review}`)).review.stage === 'self_assessed', 'a refused vote wrote');
      await page.getByLabel('Tán thành', { exact: true }).fill(String(voters));
      await page.getByLabel('Không tán thành').fill('0');
      await page.getByRole('button', { name: 'Lưu' }).click();
      await visible(page.getByText('Đã ghi kết quả biểu quyết của chi bộ.'), 'the saved vote');
      await visible(page.getByText('Chi bộ đã biểu quyết', { exact: true }), 'the new stage');
      const steps = page.getByRole('heading', { name: 'Các bước đã thực hiện' });
      await visible(steps, 'the history');
      await visible(page.getByText(`tán thành ${voters}, không tán thành 0`), 'the vote in the history');
      await noOverflow(page, 'the review after the vote');
      await shot(page, 'review-vote-390', true);
    } finally {
      await context.close();
    }
  });
}
