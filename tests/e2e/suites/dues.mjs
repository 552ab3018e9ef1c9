// Party dues in the browser, at phone size (390 px): the secretary collects the month's dues at
// a meeting, on the "Đảng phí" tab beside the roll call in live mode: amounts prefilled as
// "123.000 đ", one tap records cash, the portal asks for its reference, the month total follows,
// and the server holds what the screen shows. Then the cell's dues tab and the member's page.
const squash = (s) => s.replace(/\s+/g, ' ').trim();
/** The UI's amount format (duesApi.ts dong): 1.250.000 đ. */
const dong = (n) => `${new Intl.NumberFormat('vi-VN').format(n).replace(/[\s\u00a0\u202f,]/g, '.')} đ`;

export default function register(h) {
  const { test, check, visible, waitFor, getJson, noOverflow, shot } = h;
  const local = {};

  /** A write in the page's session, with the CSRF token the app uses. */
  async function send(page, method, path, body) {
    return page.evaluate(
      async ({ method, path, body }) => {
        const me = await (await fetch('/api/v1/me')).json();
        const r = await fetch(`/api/v1${path}`, {
          method,
          headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token },
          body: JSON.stringify(body),
        });
        return { status: r.status, body: await r.json().catch(() => null) };
      },
      { method, path, body },
    );
  }

  test('dues: the secretary collects the month at a meeting, beside the roll call, on a phone', async () => {
    const { context, page } = await h.phoneLogin(h.USER);
    local.phone = { context, page };
    const me = await getJson(page, '/me');
    local.cell = me.user.grants.find((g) => g.role === 'cell').org_id;
    // A thematic meeting today (it never asks about a second regular meeting).
    const day = h.vnToday().split('/').reverse().join('-');
    const planned = await send(page, 'POST', `/orgs/${local.cell}/meetings`, {
      kind: 'thematic',
      planned_start: `${day}T19:30`,
      place: 'Nhà văn hóa khu phố',
      topic: 'Học tập Quy định về chế độ đảng phí',
    });
    check(planned.status === 201, `planning the meeting answered ${planned.status}`);
    const meetingId = planned.body.id;

    await page.goto(`${h.ctx.base}/#/meetings/${meetingId}/live`);
    await visible(page.getByRole('tab', { name: 'Điểm danh' }), 'the roll call tab');
    const tab = page.getByRole('tab', { name: 'Đảng phí' });
    await visible(tab, 'the dues tab beside the roll call');
    await tab.click();
    await visible(page.getByRole('heading', { name: /^Thu đảng phí tháng \d+\/\d{4}$/ }), 'the dues sheet heading');
    const month = `${day.slice(0, 7)}`;
    const sheet = await getJson(page, `/orgs/${local.cell}/dues?month=${month}`);
    check(sheet.lines.length > 5, `the sheet has ${sheet.lines.length} lines`);
    const list = page.getByRole('list', { name: 'Danh sách thu đảng phí' });
    await waitFor(async () => (await list.getByRole('listitem').count()) === sheet.lines.length, 'one row per member');

    // The first member still to pay, with a known amount: shown prefilled.
    const open = sheet.lines.filter((l) => l.due.owed && !l.payment && l.due.amount !== null);
    check(open.length >= 2, `fewer than two members still to pay this month (${open.length})`);
    const [a, b] = open;
    const rowA = list.getByRole('listitem').filter({ hasText: a.full_name });
    await visible(rowA.getByText(dong(a.due.amount), { exact: true }), `the amount due of ${a.full_name} prefilled`);
    await noOverflow(page, 'the dues sheet');
    await shot(page, 'dues-sheet-phone');

    // One tap: cash. The button shows pressed, the total follows, the server has it.
    const totalBefore = sheet.totals;
    await rowA.getByRole('button', { name: 'Tiền mặt' }).click();
    await waitFor(async () => (await rowA.getByRole('button', { name: 'Tiền mặt' }).getAttribute('aria-pressed')) === 'true',
      'the cash button pressed');
    const wantTotal = `Đã thu ${totalBefore.members_paid + 1}/${totalBefore.members_due} đồng chí · ${dong(totalBefore.amount_collected + a.due.amount)}`;
    await waitFor(async () => squash(await page.getByTestId('dues-total').innerText()).startsWith(wantTotal),
      `the month total "${wantTotal}"`);

    // The portal needs its reference: an empty one is refused by the form, a typed one saved.
    const rowB = list.getByRole('listitem').filter({ hasText: b.full_name });
    await rowB.getByRole('button', { name: 'Cổng DVC' }).click();
    const ref = rowB.getByLabel(`Mã giao dịch trên Cổng DVC của ${b.full_name}`);
    await visible(ref, 'the reference field');
    await ref.fill('DVC-2026-000123');
    await rowB.getByRole('button', { name: 'Lưu' }).click();
    await visible(rowB.getByText(/Cổng DVC quốc gia \(DVC-2026-000123\)/), 'the portal payment with its reference');

    const after = await getJson(page, `/orgs/${local.cell}/dues?month=${month}`);
    const pa = after.lines.find((l) => l.member_id === a.member_id).payment;
    const pb = after.lines.find((l) => l.member_id === b.member_id).payment;
    check(pa && pa.status === 'paid' && pa.channel === 'cash' && pa.amount === a.due.amount, `cash not recorded: ${JSON.stringify(pa)}`);
    check(pb && pb.channel === 'portal' && pb.reference === 'DVC-2026-000123', `portal not recorded: ${JSON.stringify(pb)}`);
    check(after.totals.amount_collected === totalBefore.amount_collected + a.due.amount + pb.amount,
      `the total collected ${after.totals.amount_collected} does not add up`);

    // A second tap on cash takes it back (a mistaken tap at the meeting).
    await rowA.getByRole('button', { name: 'Tiền mặt' }).click();
    await waitFor(async () => (await rowA.getByRole('button', { name: 'Tiền mặt' }).getAttribute('aria-pressed')) === 'false',
      'the cash tap undone');
  });

  test('dues: the cell page has a dues tab with the month, and the book as files', async () => {
    const { page } = local.phone;
    await page.goto(`${h.ctx.base}/#/orgs/${local.cell}`);
    await page.getByRole('navigation', { name: 'Các mục của trang' }).getByRole('link', { name: 'Đảng phí' }).click();
    await waitFor(async () => /#\/orgs\/\d+\/dues/.test(page.url()), 'the dues tab URL');
    await visible(page.getByTestId('dues-total'), 'the month total on the cell page');
    const pdf = page.getByRole('link', { name: 'PDF tháng' });
    await visible(pdf, 'the dues book link');
    const r = await page.request.get(new URL(await pdf.getAttribute('href'), h.ctx.base).toString());
    check(r.ok() && (await r.body()).subarray(0, 5).toString() === '%PDF-', `the dues book PDF answered ${r.status()}`);
    await noOverflow(page, 'the cell dues tab');
  });

  test('dues: a member page shows the basis and the months of the year', async () => {
    const { page } = local.phone;
    const roster = await getJson(page, `/orgs/${local.cell}/members?limit=1`);
    const id = roster.items[0].id;
    await page.goto(`${h.ctx.base}/#/members/${id}`);
    const section = page.getByRole('region', { name: 'Đảng phí' });
    await visible(section, 'the dues section of the member page');
    await visible(section.getByRole('heading', { name: 'Căn cứ đóng' }), 'the basis heading');
    await visible(section.getByRole('table'), 'the months of the year');
    await noOverflow(page, 'the member page with dues');
    await local.phone.context.close();
  });

  test('dues: the ward dashboard shows the dues figures of the roll-up', async () => {
    const { context, page } = await h.phoneLogin(h.COMMITTEE_USER);
    try {
      const me = await getJson(page, '/me');
      const ward = me.user.grants.find((g) => g.role === 'committee').org_id;
      await page.goto(`${h.ctx.base}/#/orgs/${ward}/oversight`);
      const card = page.getByTestId('fig-dues');
      await visible(card, 'the dues card on the ward dashboard');
      const text = squash(await page.getByTestId('ov-range').innerText());
      const m = /^(\d{2})\/(\d{2})\/(\d{4}) – (\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
      check(m, `the period is not shown as dd/mm/yyyy – dd/mm/yyyy: "${text}"`);
      const api = await getJson(page, `/orgs/${ward}/rollup?from=${m[3]}-${m[2]}-${m[1]}&to=${m[6]}-${m[5]}-${m[4]}`);
      check(api.dues.amount_collected > 0, 'the demo ward has dues collected');
      const shown = squash(await card.innerText());
      check(shown.includes(dong(api.dues.amount_collected)), `the card shows "${shown}", API collected ${api.dues.amount_collected}`);
      check(shown.includes(dong(api.dues.amount_due)), `the card shows "${shown}", API due ${api.dues.amount_due}`);
      await noOverflow(page, 'the ward dashboard with dues');
    } finally {
      await context.close();
    }
  });
}
