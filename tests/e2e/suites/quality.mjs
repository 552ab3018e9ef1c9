// Issue 4 in the browser: the early warnings of the ward (acknowledging one) and the quality score
// of a meeting with a self-evaluation by the cell secretary on a phone. Each check compares what
// the page shows with what the API answers, through page.request (the page's own cookies).

/** A score the way the page shows it: 69,75. */
const fmt = (v) => String(Math.round(v * 100) / 100).replace('.', ',');

export default function register(h) {
  const { test, ctx, check, visible, waitFor, phoneLogin, noOverflow, shot } = h;

  const json = h.getJson;

  /** The ward "Đảng ủy phường Tân Định" among the visible roots or their children. */
  async function findWard(page) {
    const name = 'Đảng ủy phường Tân Định';
    const roots = (await json(page, '/orgs')).items;
    const hit = roots.find((o) => o.name === name);
    if (hit) return hit.id;
    for (const r of roots) {
      const c = (await json(page, `/orgs/${r.id}`)).children.find((o) => o.name === name);
      if (c) return c.id;
    }
    throw new Error(`${name} not found from /orgs`);
  }

  test('issue 4: the committee sees the ward warnings with rule and source and acknowledges one', async () => {
    const { context, page } = await phoneLogin(h.COMMITTEE_USER);
    try {
      const ward = await findWard(page);
      await page.goto(`${ctx.base}/#/orgs/${ward}`);
      await page.getByRole('navigation', { name: 'Các mục của trang' }).getByRole('link', { name: 'Cảnh báo' }).click();
      await visible(page.getByRole('heading', { name: 'Cảnh báo sớm' }), 'the warnings heading');
      const list = page.getByRole('list', { name: 'Danh sách cảnh báo' });
      await visible(list.getByTestId('warning'), 'a warning in the list');

      const api = await json(page, `/orgs/${ward}/warnings?limit=500`);
      check(api.total > 0, 'the demo ward has no open warnings');
      const shown = await list.getByTestId('warning').count();
      check(shown === Math.min(api.total, 50), `the page shows ${shown} warnings, the API has ${api.total} (page size 50)`);
      const heading = await page.locator('#warn-list-h').innerText();
      check(heading.includes(`trong ${api.total} cảnh báo`), `list heading does not give the total ${api.total}: "${heading}"`);

      // Counts by severity, as the API's list gives them.
      const n = (s) => api.items.filter((w) => w.severity === s).length;
      const counts = await page.getByTestId('warning-counts').innerText();
      for (const [s, word] of [['serious', 'nghiêm trọng'], ['warning', 'cảnh báo'], ['info', 'thông tin']]) {
        check(counts.includes(`${n(s)} ${word}`), `counts "${counts}" lack "${n(s)} ${word}"`);
      }

      // The first warning: same as the API's first, with its source document (not the rule's
      // internal id, which users do not read) and subject link.
      const first = api.items[0];
      const item = list.locator(`[data-warning-id="${first.id}"]`);
      await visible(item, 'the API\'s first warning on the page');
      const text = await item.innerText();
      check(!text.includes(first.rule), `the warning shows the internal rule id ${first.rule}`);
      check(text.includes(first.source.slice(0, 40)), 'warning lacks its source document');
      check(text.includes(first.severity_label), 'warning lacks its severity as text');
      check((await item.getByRole('link', { name: first.subject.name }).count()) > 0, 'the subject is not a link');
      await shot(page, 'quality-warnings-phone');
      await noOverflow(page, 'the warnings tab');

      // Acknowledge it: a note is required.
      await item.getByRole('button', { name: 'Đánh dấu đã xem xét' }).click();
      await item.getByRole('button', { name: 'Lưu đã xem xét' }).click();
      await visible(item.getByText('Vui lòng ghi rõ đã xem xét'), 'the "note required" error');
      const note = `Đã nhắc nhở, chi bộ xem xét tại kỳ họp tới ${String(Date.now()).slice(-4)}`;
      await item.getByLabel('Ghi chú xem xét').fill(note);
      await item.getByRole('button', { name: 'Lưu đã xem xét' }).click();
      await waitFor(async () => (await list.locator(`[data-warning-id="${first.id}"]`).count()) === 0, 'the warning to leave the open list');
      await visible(page.getByRole('status').getByText('Đã đánh dấu đã xem xét'), 'the success notice');

      const after = await json(page, `/orgs/${ward}/warnings?limit=500&include_acknowledged=1`);
      const acked = after.items.find((w) => w.id === first.id);
      check(acked && acked.acknowledged, 'the API does not list the warning as acknowledged');
      check(acked.acknowledged.note === note, `acknowledged note differs: "${acked.acknowledged.note}"`);
      check(acked.acknowledged.by_username === h.COMMITTEE_USER, `acknowledged by ${acked.acknowledged.by_username}`);
      const open = await json(page, `/orgs/${ward}/warnings?limit=1`);
      check(open.total === api.total - 1, `open total ${open.total}, expected ${api.total - 1}`);

      // Shown again with its note when acknowledged ones are asked for.
      await page.getByLabel('Hiện cả cảnh báo đã xử lý').check();
      const again = list.locator(`[data-warning-id="${first.id}"]`);
      await visible(again, 'the acknowledged warning with "Hiện cả cảnh báo đã xử lý"');
      const t2 = await again.innerText();
      check(t2.includes(note) && t2.includes('Đã xem xét'), 'the acknowledged warning does not show its note');
      check((await again.getByRole('button', { name: 'Đánh dấu đã xem xét' }).count()) === 0, 'an acknowledged warning still offers the action');
    } finally {
      await context.close();
    }
  });

  test('issue 4: a monitor sees a cell\'s warnings read-only', async () => {
    const { context, page } = await phoneLogin('giamsat.phuong');
    try {
      const me = await json(page, '/me');
      check(me.user.grants.some((g) => g.role === 'monitor'), 'giamsat.phuong is not a monitor');
      // The monitor's roots are the cells they watch; the first one they may read.
      let cell = null;
      for (const c of (await json(page, '/orgs')).items.filter((o) => o.kind === 'cell')) {
        const o = await json(page, `/orgs/${c.id}`);
        if (o.access === 'read') {
          cell = o;
          break;
        }
      }
      check(cell, 'no cell with read access for the monitor');
      const api = await json(page, `/orgs/${cell.id}/warnings`);
      check(api.total > 0, `${cell.name} has no warnings to look at`);
      await page.goto(`${ctx.base}/#/orgs/${cell.id}/warnings`);
      await visible(page.getByRole('heading', { name: 'Cảnh báo sớm' }), 'the warnings heading');
      await waitFor(async () => (await page.locator('#warn-list-h').count()) > 0, 'the list heading');
      const shown = await page.getByTestId('warning').count();
      check(shown === Math.min(api.total, 50), `monitor sees ${shown} warnings, the API has ${api.total}`);
      check((await page.getByRole('button', { name: 'Đánh dấu đã xem xét' }).count()) === 0, 'a monitor is offered "Đánh dấu đã xem xét"');
    } finally {
      await context.close();
    }
  });

  test('issue 4: the secretary sees the meeting score and enters a self-evaluation (390×844)', async () => {
    const { context, page } = await phoneLogin(h.USER);
    try {
      const me = await json(page, '/me');
      const cell = me.user.grants.find((g) => g.role === 'cell');
      check(cell, `${h.USER} has no cell grant`);
      const meetings = (await json(page, `/orgs/${cell.org_id}/meetings`)).items.filter(
        (m) => m.status === 'held' || m.status === 'finalized',
      );
      check(meetings.length > 0, 'the cell has no held or finalized meeting');
      const m = meetings[Math.max(0, meetings.length - 2)];
      const before = await json(page, `/meetings/${m.id}/score`);

      await page.goto(`${ctx.base}/#/meetings/${m.id}`);
      await visible(page.getByRole('heading', { name: 'Chất lượng sinh hoạt' }), 'the score card');
      const card = page.getByRole('region', { name: 'Chất lượng sinh hoạt' });
      await visible(page.getByTestId('score-total'), 'the total');
      const total = (await page.getByTestId('score-total').innerText()).trim();
      check(total === `${fmt(before.total)}/${fmt(before.max)}`, `total "${total}" differs from the API ${before.total}/${before.max}`);
      const grade = (await page.getByTestId('score-grade').innerText()).trim();
      const shown = before.pending ? 'Chưa đủ dữ liệu để xếp loại' : before.grade_label;
      check(grade === shown, `grade "${grade}" differs from "${shown}" (API pending=${before.pending})`);
      if (before.pending) await visible(page.getByTestId('score-missing'), 'what a provisional score still waits for');

      // Every criterion, with its explanation and source.
      await card.getByText(/Xem chi tiết \d+ tiêu chí/).click();
      const details = card.locator('details');
      for (const c of before.criteria) {
        await visible(details.getByRole('heading', { name: c.name, level: 4 }), `criterion ${c.name}`);
      }
      await visible(details.getByText(before.criteria[0].explanation), 'the first criterion\'s explanation');
      check((await details.getByText('Căn cứ:').count()) >= before.criteria.length, 'criteria lack their source');

      // The self-evaluation: a point out of range is caught next to its field.
      const judged = before.criteria.filter((c) => c.kind === 'judgement');
      check(judged.length > 0, 'the rubric has no judgement criteria');
      const first = card.getByLabel(judged[0].name);
      await first.fill(String(judged[0].max + 5));
      await card.getByRole('button', { name: 'Lưu điểm đánh giá' }).click();
      await visible(card.getByText(`Điểm phải là số từ 0 đến ${fmt(judged[0].max)}.`), 'the out-of-range error');
      check((await first.getAttribute('aria-invalid')) === 'true', 'the invalid points field is not marked aria-invalid');

      const given = {};
      judged.forEach((c, i) => (given[c.code] = i === 0 ? c.max - 5 : i === 1 ? Math.max(0, c.max - 2.5) : c.max));
      for (const c of judged) await card.getByLabel(c.name).fill(fmt(given[c.code]));
      await card.getByLabel('Nhận xét').fill('Chi bộ tự đánh giá: sinh hoạt nghiêm túc.');
      await card.getByRole('button', { name: 'Lưu điểm đánh giá' }).click();
      await visible(card.getByRole('status').getByText('Đã lưu điểm đánh giá'), 'the saved notice');

      const after = await json(page, `/meetings/${m.id}/score`);
      const self = after.evaluations.self;
      check(self && self.by_username === h.USER, 'the API has no self-evaluation by the secretary');
      for (const c of judged) check(self.criteria[c.code] === given[c.code], `${c.code}: API has ${self.criteria[c.code]}, entered ${given[c.code]}`);
      const selfShown = (await page.getByTestId('eval-self-total').innerText()).trim();
      check(selfShown === `${fmt(self.total)}/${fmt(after.max)}`, `self total "${selfShown}" differs from the API ${self.total}`);
      await waitFor(
        async () => (await page.getByTestId('score-total').innerText()).trim() === `${fmt(after.total)}/${fmt(after.max)}`,
        'the headline to show the new total',
      );
      check((await page.getByTestId('eval-self').innerText()).includes(h.USER), 'the self-evaluation does not say who entered it');
      await noOverflow(page, 'the meeting page with the score card');
      await shot(page, 'quality-score-phone', true);
    } finally {
      await context.close();
    }
  });

  test('R-TOĐẢNG-1: the committee attaches a tổ đảng pilot to a cell on a phone, sees it on the meetings tab, and ends it', async () => {
    const { context, page } = await phoneLogin(h.COMMITTEE_USER);
    try {
      const ward = await findWard(page);
      const cell = (await json(page, `/orgs/${ward}`)).children.find((o) => o.name === 'Chi bộ Khu phố 5');
      check(cell, 'the demo ward has no Chi bộ Khu phố 5');
      const before = await json(page, `/orgs/${cell.id}/subgroup-pilot`);
      check(before.pilot === null && before.subgroups.length === 4, 'Khu phố 5 should start with 4 tổ đảng and no pilot');

      await page.goto(`${ctx.base}/#/orgs/${cell.id}`);
      const card = page.locator('section', { has: page.getByRole('heading', { name: 'Thí điểm sinh hoạt theo tổ đảng' }) });
      await visible(card.getByTestId('pilot-status'), 'the pilot card');
      check((await card.getByTestId('pilot-status').innerText()).includes('chưa áp dụng'), 'the card does not say no pilot is attached');
      await card.getByRole('button', { name: 'Áp dụng thí điểm' }).click();
      const form = card.getByRole('form', { name: 'Thí điểm sinh hoạt theo tổ đảng' });
      // Nothing typed: inline Vietnamese errors, nothing written.
      await form.getByRole('button', { name: 'Áp dụng thí điểm' }).click();
      await visible(form.getByText('Vui lòng nhập số, ngày văn bản quyết định'), 'the decision-required error');
      check((await form.getByLabel('Từ tháng').getAttribute('aria-invalid')) === 'true', 'the empty month is not marked aria-invalid');
      check((await json(page, `/orgs/${cell.id}/subgroup-pilot`)).pilot === null, 'an invalid form wrote a pilot');
      const box = await form.getByRole('button', { name: 'Áp dụng thí điểm' }).boundingBox();
      check(box && box.height >= 44, `the submit button is ${box && box.height}px high, under 44`);

      await form.getByLabel('Từ tháng').fill('012026');
      await form.getByLabel('Văn bản quyết định (số, ngày)').fill('Quyết định số 125-QĐ/ĐU ngày 20/12/2025');
      await form.getByRole('button', { name: 'Áp dụng thí điểm' }).click();
      await visible(card.getByRole('status').getByText('Đã áp dụng thí điểm'), 'the attached notice');
      const status = await card.getByTestId('pilot-status').innerText();
      check(status.includes('từ tháng 01/2026') && status.includes('đến nay'), `status "${status}" lacks the months`);
      const attached = await json(page, `/orgs/${cell.id}/subgroup-pilot`);
      check(attached.pilot && attached.pilot.from === '2026-01' && attached.pilot.to === null, 'the API does not have the pilot from 2026-01');
      check(attached.pilot.decision === 'Quyết định số 125-QĐ/ĐU ngày 20/12/2025', 'the API has another decision text');
      check((await card.innerText()).includes('03-HD/TW'), 'the card does not cite Hướng dẫn 03-HD/TW');
      await noOverflow(page, 'the cell page with the pilot card');
      await shot(page, 'quality-subgroup-pilot-phone', true);

      // The meetings tab says the tổ đảng meetings stand for the monthly meeting, with links to each tổ.
      await page.getByRole('navigation', { name: 'Các mục của trang' }).getByRole('link', { name: 'Sinh hoạt' }).click();
      const note = page.getByTestId('pilot-note');
      await visible(note, 'the pilot note on the meetings tab');
      check((await note.innerText()).includes('thay cho sinh hoạt thường kỳ'), 'the note does not say what the pilot does');
      check((await note.getByRole('link').count()) === 4, 'the note does not link the 4 tổ đảng');

      // A tổ đảng has its own "Giám sát" tab: its meetings' figures, saying when they count for the cell.
      const sg = attached.subgroups[0];
      await page.goto(`${ctx.base}/#/orgs/${sg.id}/oversight`);
      await visible(page.getByTestId('ov-subgroup-note'), 'the tổ đảng roll-up note');
      const sgRollup = await json(page, `/orgs/${sg.id}/rollup`);
      check(sgRollup.kind === 'subgroup', 'the tổ đảng roll-up is not a subgroup\'s');
      check((await page.getByRole('navigation', { name: 'Các mục của trang' }).getByRole('link', { name: 'Cảnh báo' }).count()) === 0,
        'a tổ đảng shows a warnings tab (warnings are the cell\'s)');

      // Ending it: a confirmation first, then the card says no pilot again.
      await page.goto(`${ctx.base}/#/orgs/${cell.id}`);
      await card.getByRole('button', { name: 'Thôi áp dụng thí điểm' }).click();
      await card.getByRole('button', { name: 'Xác nhận thôi áp dụng' }).click();
      await visible(card.getByRole('status').getByText('Đã thôi áp dụng'), 'the detached notice');
      check((await json(page, `/orgs/${cell.id}/subgroup-pilot`)).pilot === null, 'the API still has the pilot');
    } finally {
      await context.close();
    }
  });
}
