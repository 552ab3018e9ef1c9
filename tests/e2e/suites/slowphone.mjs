// The meetings tab on an older phone on a poor connection: Chromium's "Slow 4G" profile (562.5 ms
// round trip, 180 kB/s down, 84 kB/s up, the figures DevTools uses) and a CPU four times slower
// (DevTools CPU throttling), as a secretary meets it: opening the app at the tab with nothing
// cached, then tapping the tab from the cell's page. Measured: the time until the list of meetings
// and the plan button can be used, the bytes moved, and the layout shift (CLS).
//
// Speed is not asserted here (timed tests fail on loaded machines for the wrong reasons); the
// figures are printed, and bench/phone runs this suite a few times and keeps the medians.
// CHIBO_PHONE_OUT=FILE also writes them there as JSON.
import { writeFileSync } from 'node:fs';

const SLOW_4G = { offline: false, latency: 562.5, downloadThroughput: 180000, uploadThroughput: 84375 };
const CPU_SLOWDOWN = 4;

export default function register(h) {
  const { test, ctx, check, visible, phoneLogin } = h;

  test('the meetings tab on slow 4G with a 4× slower CPU: time until usable, bytes and layout shift', async () => {
    const { context, page } = await phoneLogin(h.USER);
    ctx.page = page;
    const me = await (await page.request.get(`${ctx.base}/api/v1/me`)).json();
    const cell = me.user.grants.find((g) => g.role === 'cell').org_id;
    // Layout shifts are summed from the first paint on, as CLS counts them: shifts right after a
    // tap are the answer to it and do not count.
    await context.addInitScript(() => {
      window.__cls = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          if (e.hadRecentInput) continue;
          window.__cls += e.value;
          const what = (e.sources ?? []).map((x) => x.node?.nodeName + '.' + (x.node?.className ?? '') + ' ' + (x.node?.textContent ?? '').slice(0, 40));
          (window.__shifts ??= []).push(`${e.value.toFixed(3)} at ${Math.round(e.startTime)}: ${what.join(' | ')}`);
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    let bytes = 0;
    cdp.on('Network.loadingFinished', (e) => (bytes += e.encodedDataLength));
    await cdp.send('Network.clearBrowserCache');
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });

    const list = page.getByRole('list', { name: 'Danh sách cuộc sinh hoạt' }).getByRole('link');
    const plan = page.getByRole('button', { name: 'Lập kế hoạch' });
    const usable = async () => {
      await visible(list, 'the meetings of the cell');
      await plan.waitFor({ state: 'visible' });
      check(await plan.isEnabled(), 'the plan button is not enabled');
    };

    // 1. Opening the app at the tab, nothing cached (the session cookie is kept).
    await page.goto('about:blank'); // so the app's page is a new document, not a hash change
    let t = Date.now();
    await page.goto(`${ctx.base}/#/orgs/${cell}/meetings`);
    await usable();
    const coldMs = Date.now() - t;
    const coldBytes = bytes;

    // 2. From the cell's page, tapping the tab (the app and its files are loaded by then).
    await page.evaluate((c) => (location.hash = `#/orgs/${c}`), cell);
    await visible(page.getByRole('navigation', { name: 'Các mục của trang' }), "the cell's page");
    bytes = 0;
    t = Date.now();
    await page.getByRole('navigation', { name: 'Các mục của trang' }).getByRole('link', { name: 'Sinh hoạt' }).click();
    await usable();
    const tabMs = Date.now() - t;
    const tabBytes = bytes;
    const cls = await page.evaluate(() => window.__cls);
    // Which elements moved, when there is something to find.
    if (cls > 0.05) console.log(`  layout shifts: ${JSON.stringify(await page.evaluate(() => window.__shifts))}`);

    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    const figures = { network: 'slow-4g', cpu_slowdown: CPU_SLOWDOWN, cold_ms: coldMs, cold_bytes: coldBytes, tab_ms: tabMs, tab_bytes: tabBytes, cls: +cls.toFixed(4) };
    console.log(`  slow phone: opening at the tab ${coldMs} ms (${(coldBytes / 1024).toFixed(1)} KB), tapping the tab ${tabMs} ms (${(tabBytes / 1024).toFixed(1)} KB), layout shift ${figures.cls}`);
    if (process.env.CHIBO_PHONE_OUT) writeFileSync(process.env.CHIBO_PHONE_OUT, JSON.stringify(figures) + '\n');
    // What can be checked without timing: the throttling took effect (a cold load moves the app's
    // files over a 562 ms round trip) and the tab's data is the brief list, not every meeting in full.
    check(coldMs > 1000, `the cold load took ${coldMs} ms: the slow network was not applied`);
    check(tabBytes > 0 && tabBytes < 40 * 1024, `tapping the tab moved ${tabBytes} bytes`);
    check(Number.isFinite(cls) && cls >= 0, `layout shift not measured: ${cls}`);
  });
}
