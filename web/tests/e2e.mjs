// End-to-end test of Vigie's web UI in headless Chromium (Debian's /usr/bin/chromium, driven
// by playwright-core; no browser download). Needs a running server: VIGIE_URL=http://127.0.0.1:PORT
// serving a store with the fixture of web/tests/fixture.jsonl, and VIGIE_TOKEN its write token
// (run-e2e.sh does all of this).
//
// Checks: the page loads with no script error and no request leaves the server; country
// outlines, markers and the timeline are drawn; clicking a marker opens the incident panel
// with a quoted claim that is highlighted in the article text; the French and English reports
// of one incident are shown together with their conflicting figures; brushing the timeline and
// the text filter narrow the list; a figure edited in the panel's edit mode (with the write
// token, VIGIE_TOKEN) is seen through the API, and the incident's history lists it with the
// token's name; a hostile article's markup stays inert text; with ?clusters=server the map is
// grouped by the server (/api/map by box and zoom) and the list and timeline follow it. Saves target/e2e/screenshot.png.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const base = process.env.VIGIE_URL;
if (!base) {
  console.error('e2e: set VIGIE_URL to the server under test, e.g. http://127.0.0.1:8080');
  process.exit(2);
}
const origin = new URL(base).origin;
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const shotDir = process.env.E2E_OUT || join(root, 'target/e2e');
mkdirSync(shotDir, { recursive: true });

let passed = 0;
let failed = 0;
async function check(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok   ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e && e.message ? e.message.split('\n')[0] : e}`);
  }
}
function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

const userDataDir = mkdtempSync(join(tmpdir(), 'vigie-e2e-chromium-'));
let context;
try {
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
} catch (e) {
  console.error(`e2e: cannot start Chromium at ${executablePath}: ${e.message.split('\n')[0]}`);
  console.error('e2e: install it with `apt-get install -y chromium` (never `npx playwright install`)');
  console.log('0 passed, 1 failed');
  rmSync(userDataDir, { recursive: true, force: true });
  process.exit(1);
}

const page = context.pages()[0] || (await context.newPage());
page.setDefaultTimeout(15000);
const errors = [];
const external = [];
page.on('pageerror', (e) => errors.push(String(e)));
page.on('console', (m) => {
  if (m.type() === 'error') errors.push(m.text());
});
// Anything not served by the server under test is refused and recorded: the UI must work offline.
await context.route('**/*', (route) => {
  const url = route.request().url();
  // An incident's details come late, as from a slow server, so that every check that opens the
  // panel meets its "Loading…" state first (CI once read the panel before it was rendered).
  if (url.startsWith(`${origin}/api/incidents/`)) {
    return new Promise((r) => setTimeout(r, 400)).then(() => route.continue());
  }
  if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
  external.push(url);
  return route.abort();
});

const listCount = async () => page.locator('[data-testid=incident-item]').count();

try {
  await check('page loads', async () => {
    const resp = await page.goto(base, { waitUntil: 'load' });
    assert(resp && resp.ok(), `GET ${base} → ${resp && resp.status()}`);
    assert((await page.title()).includes('Vigie'), 'title does not mention Vigie');
  });

  await check('markers on the map', async () => {
    await page.waitForSelector('[data-testid=incident-marker]', { state: 'attached' });
    const n = await page.locator('[data-testid=incident-marker]').count();
    assert(n >= 1, `no marker (${n})`);
    console.log(`     ${n} marker(s)`);
  });

  await check('country outlines drawn (vector, offline)', async () => {
    const n = await page.locator('.leaflet-boundaries-pane path').count();
    assert(n > 100, `only ${n} boundary paths`);
  });

  await check('legend and timeline', async () => {
    assert(await page.locator('[data-testid=legend]').isVisible(), 'no legend');
    const bars = await page.locator('[data-testid=timeline] rect[data-week]').count();
    assert(bars >= 1, 'timeline has no bars');
  });

  await check('clicking a marker opens the incident panel with a highlighted quoted claim', async () => {
    await page.locator('[data-testid=incident-marker]').first().click();
    await page.waitForSelector('[data-testid=incident-panel]:not([hidden])');
    await page.waitForSelector('[data-testid=claim-quote]');
    const quotes = (await page.locator('[data-testid=claim-quote]').allTextContents()).map((t) => t.trim()).filter(Boolean);
    assert(quotes.length >= 1, 'no quoted claim in the panel');
    const marks = (await page.locator('[data-testid=article-text] mark[data-testid=highlight]').allTextContents()).map((t) => t.trim());
    assert(marks.length >= 1, 'no highlighted sentence in the article text');
    const found = quotes.find((q) => marks.some((m) => m.includes(q)));
    assert(found, `no claim quote is highlighted in the text (quotes ${JSON.stringify(quotes)}, marks ${JSON.stringify(marks)})`);
    console.log(`     quote found and highlighted: "${found}"`);
    await page.locator('[data-testid=close-panel]').click();
  });

  await check('watch zones drawn on the map; the alert list opens the incident', async () => {
    await page.waitForSelector('[data-testid=alerts]:not([hidden])');
    const zones = await page.locator('.leaflet-zones-pane path').count();
    assert(zones === 2, `${zones} zone shapes drawn (expected the corridor and the circle)`);
    const items = page.locator('[data-testid=alert-item]');
    assert((await items.count()) === 1, `${await items.count()} alerts listed (expected one: Douentza in RN16)`);
    const text = await items.first().textContent();
    assert(text.includes('RN16') && text.includes('Douentza'), `alert reads ${JSON.stringify(text)}`);
    const alertId = await items.first().getAttribute('data-id');
    await items.first().click();
    // The panel opens at once with "Loading…"; wait for this incident to be rendered in it.
    await page.waitForSelector(`[data-testid=incident-panel][data-incident="${alertId}"]`);
    const panel = await page.locator('[data-testid=incident-panel]').textContent();
    assert(panel.includes('Douentza'), 'the alert did not open its incident');
    await page.locator('[data-testid=close-panel]').click();
  });

  await check('French and English reports of one incident shown together, conflicting figures side by side', async () => {
    const item = page.locator('[data-testid=incident-item]', { hasText: '2 reports' }).first();
    assert((await item.count()) === 1, 'no incident with two reports in the list');
    await item.click();
    await page.waitForSelector('[data-testid=article-text]');
    const langs = await page.locator('[data-testid=article-text]').evaluateAll((els) => els.map((e) => e.dataset.lang));
    assert(langs.includes('fr') && langs.includes('en'), `languages shown: ${langs}`);
    const conflicts = page.locator('[data-testid=conflict]');
    assert((await conflicts.count()) >= 1, 'no conflicting claims section');
    const values = await conflicts.first().locator('[data-testid=claim-value]').allTextContents();
    assert(new Set(values).size >= 2, `conflict shows ${JSON.stringify(values)}`);
    const figures = await page.locator('[data-testid=figures] tbody tr').first().locator('td').allTextContents();
    assert(figures.length === 3, 'figures table lacks low/best/high');
    console.log(`     conflicting values: ${values.join(' | ')}; low/best/high: ${figures.join('/')}`);
    await page.screenshot({ path: join(shotDir, 'screenshot.png') });
    await page.locator('[data-testid=close-panel]').click();
  });

  await check('brushing the timeline filters the list and the map', async () => {
    const before = await listCount();
    const bars = page.locator('[data-testid=timeline] rect[data-week]');
    const box = await bars.first().boundingBox();
    assert(box, 'no bar to brush');
    await page.mouse.move(box.x + 1, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width - 1, box.y + box.height / 2, { steps: 3 });
    await page.mouse.up();
    const period = await page.locator('[data-testid=period]').textContent();
    assert(period && period.includes('→'), `no period shown (${period})`);
    const after = await listCount();
    const markers = await page.locator('[data-testid=incident-marker]').count();
    assert(after >= 1 && after < before, `list went from ${before} to ${after}`);
    assert(markers <= after, `${markers} markers for ${after} listed incidents`);
    await page.locator('[data-testid=clear-period]').click();
    assert((await listCount()) === before, 'clearing the period did not restore the list');
  });

  await check('text filter narrows the list', async () => {
    const before = await listCount();
    await page.fill('[data-testid=filter-q]', 'Djenné');
    await page.click('[data-testid=apply-filters]');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=incident-item]').length < n, before);
    const items = await page.locator('[data-testid=incident-item]').allTextContents();
    assert(items.length >= 1 && items.every((t) => t.includes('Djenné')), `filtered list: ${JSON.stringify(items)}`);
    await page.click('[data-testid=reset-filters]');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=incident-item]').length === n, before);
  });

  await check('an edit made in the UI is seen through the API and listed in its history', async () => {
    const token = process.env.VIGIE_TOKEN;
    assert(token, 'VIGIE_TOKEN (the server\'s write token) is not set');
    const item = page.locator('[data-testid=incident-item]', { hasText: '2 reports' }).first();
    const id = await item.getAttribute('data-id');
    await item.click();
    await page.waitForSelector(`[data-testid=incident-panel][data-incident="${id}"]`);
    assert((await page.locator('[data-testid=history-item]').count()) === 0, 'history before any edit');
    await page.click('[data-testid=edit-toggle]');
    await page.selectOption('[data-testid=edit-op]', 'figure');
    await page.selectOption('[data-testid=edit-figure]', 'fatalities');
    await page.fill('[data-testid=edit-low]', '13');
    await page.fill('[data-testid=edit-best]', '14');
    await page.fill('[data-testid=edit-high]', '15');
    await page.fill('[data-testid=edit-note]', 'e2e: hospital count');
    await page.fill('[data-testid=edit-token]', token);
    await page.click('[data-testid=edit-submit]');
    // The panel opens the incident again with the correction in force and its history.
    await page.waitForSelector(`[data-testid=incident-panel][data-incident="${id}"] [data-testid=history-item]`);
    const api = await (await fetch(`${base}/api/incidents/${encodeURIComponent(id)}`)).json();
    const f = api.fatalities;
    assert(f.low === 13 && f.best === 14 && f.high === 15, `API fatalities ${JSON.stringify(f)}`);
    assert(api.review && api.review.status === 'corrected', `API review ${JSON.stringify(api.review)}`);
    assert((api.tags || '').includes('reviewed'), `API tags ${api.tags}`);
    const history = await (await fetch(`${base}/api/incidents/${encodeURIComponent(id)}/history`)).json();
    assert(history.items.length === 1, `${history.items.length} history items`);
    const c = history.items[0];
    assert(c.author === 'e2e-analyst', `author ${c.author}`);
    assert(c.op === 'edit' && c.field === 'figure' && c.note === 'e2e: hospital count', JSON.stringify(c));
    assert(c.before.fatalities.best !== 14 && c.after.fatalities.best === 14, `before/after ${JSON.stringify([c.before.fatalities, c.after.fatalities])}`);
    const shown = await page.locator('[data-testid=history-item]').first().textContent();
    assert(shown.includes('e2e-analyst') && shown.includes('fatalities'), `history shows ${JSON.stringify(shown)}`);
    const best = await page.locator('[data-testid=figures] tr[data-figure=fatalities] td').nth(1).textContent();
    assert(best.trim() === '14', `panel shows best ${best}`);
    console.log(`     correction ${c.id} by ${c.author}: ${c.what}; ${c.changes.join('; ')}`);
    await page.locator('[data-testid=close-panel]').click();
  });

  await check('a hostile article (script, img onerror, javascript: links) is shown inert', async () => {
    // web/tests/hostile.jsonl: markup in the text, title, outlet, ref and url of a report of an
    // attack at Gao. Every payload would set window.__vigiePwned or open a dialog if it ran.
    const dialogs = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      d.dismiss().catch(() => {});
    });
    const item = page.locator('[data-testid=incident-item]', { hasText: 'Gao' }).first();
    assert((await item.count()) === 1, 'the hostile article gave no incident at Gao');
    const id = await item.getAttribute('data-id');
    await item.click();
    await page.waitForSelector(`[data-testid=incident-panel][data-incident="${id}"]`);
    const panel = page.locator('[data-testid=incident-panel]');
    // Hover the outlet and title lines, where an onmouseover would fire.
    await panel.locator('[data-testid=article-text] h4').first().hover();
    await panel.locator('[data-testid=article-text] p.muted').first().hover();
    await page.waitForTimeout(300);
    const injected = await panel.evaluate((el) => ({
      elements: el.querySelectorAll('script, img, iframe, svg, b, a[href^="javascript:" i], [onerror], [onload], [onmouseover]').length,
      text: el.textContent,
    }));
    assert(injected.elements === 0, `${injected.elements} element(s) from the article's markup in the panel`);
    assert(injected.text.includes("<script>window.__vigiePwned"), 'the <script> text is not shown as text');
    assert(injected.text.includes('<img src=x onerror='), 'the <img onerror> text is not shown as text');
    const pwned = await page.evaluate(() => window.__vigiePwned);
    assert(pwned === undefined, `a payload ran: ${pwned}`);
    assert(dialogs.length === 0, `dialogs opened: ${dialogs.join(' | ')}`);
    const javascriptLinks = await page.locator('a[href^="javascript:" i]').count();
    assert(javascriptLinks === 0, `${javascriptLinks} javascript: link(s) in the page`);
    console.log('     markup shown as text; no element injected, no script run, no dialog');
    await page.locator('[data-testid=close-panel]').click();
  });

  await check('server mode (?clusters=server): the server groups the map, the list follows the box, the timeline still filters', async () => {
    const mapRequests = [];
    const listRequests = [];
    const seen = (r) => {
      const u = new URL(r.url());
      if (u.pathname.endsWith('/api/map')) mapRequests.push(u.searchParams);
      if (u.pathname.endsWith('/api/incidents')) listRequests.push(u.searchParams);
    };
    page.on('request', seen);
    await page.goto(`${base}/?clusters=server`, { waitUntil: 'load' });
    await page.waitForFunction(() => (document.getElementById('status') || {}).textContent?.includes('Grouped by the server'));
    await page.waitForSelector('[data-testid=incident-marker], [data-testid=cluster]', { state: 'attached' });
    const boxed = mapRequests.filter((q) => q.get('bbox') && q.get('zoom'));
    assert(boxed.length >= 1, 'no /api/map request with a bbox and a zoom');
    const pages = listRequests.filter((q) => q.get('bbox'));
    assert(pages.length >= 1 && pages.every((q) => Number(q.get("limit")) <= 200), 'the list is not read a page of the box at a time');
    assert(listRequests.every((q) => Number(q.get("limit") || 0) <= 200), 'some request asked for every incident');
    const before = await listCount();
    assert(before >= 1, 'nothing listed in server mode');
    // Zooming in asks the server again for the new box.
    const asked = mapRequests.length;
    await page.evaluate(() => document.querySelector('.leaflet-control-zoom-in').click());
    await page.waitForTimeout(800);
    assert(mapRequests.length > asked, 'zooming in did not ask the server for the new box');
    // Brushing one week of the timeline narrows the list through the server.
    const bars = page.locator('[data-testid=timeline] rect[data-week]');
    assert((await bars.count()) >= 1, 'no timeline bar in server mode');
    await page.evaluate(() => document.querySelector('.leaflet-control-zoom-out').click());
    await page.waitForTimeout(800);
    const all = await listCount();
    const box = await bars.first().boundingBox();
    await page.mouse.move(box.x + 1, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width - 1, box.y + box.height / 2, { steps: 3 });
    await page.mouse.up();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=incident-item]').length < n, all);
    const last = listRequests[listRequests.length - 1];
    assert(last.get('since') && last.get('until'), 'the brushed period was not sent to the server');
    page.off('request', seen);
    console.log(`     ${mapRequests.length} map requests, ${all} listed, ${await listCount()} after brushing`);
  });

  await check('no script error and no request outside the server', async () => {
    assert(errors.length === 0, `errors: ${errors.join(' | ')}`);
    assert(external.length === 0, `external requests: ${external.join(', ')}`);
  });
} finally {
  try {
    if (failed > 0) await page.screenshot({ path: join(shotDir, 'failure.png') });
  } catch (_) {
    /* ignore */
  }
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

console.log(`screenshot: ${join(shotDir, 'screenshot.png')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
