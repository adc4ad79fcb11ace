// SPDX-License-Identifier: Apache-2.0
// Browser tests of the console: playwright-core drives Debian's chromium (headless, no network
// beyond loopback) against a real `tollgate serve`. Run by tests/browser/test_console.sh.
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';

const URL = process.env.TG_URL;
const CO = process.env.TG_CO_TOKEN;
const EXP = process.env.TG_EXP_TOKEN;
const ADM = process.env.TG_ADM_TOKEN;
const LIC = process.env.TG_LIC_TOKEN;
const AUD = process.env.TG_AUD_TOKEN;
const ACME = process.env.TG_ACME_TOKEN;
const ART = process.env.TG_ARTIFACTS;
const profile = mkdtempSync(join(tmpdir(), 'tg-chromium-'));

const ctx = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1200, height: 900 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = ctx.pages()[0] || await ctx.newPage();
const errors = [];
page.on('pageerror', (e) => errors.push(String(e)));
page.on('console', (m) => { if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) errors.push(m.text()); });

let failed = 0;
async function test(name, fn) {
  try {
    await fn();
    console.log(`ok - ${name}`);
  } catch (e) {
    failed++;
    console.log(`not ok - ${name}\n  ${String(e.stack || e).split('\n').slice(0, 6).join('\n  ')}`);
    await page.screenshot({ path: join(ART, `FAILED-${name.replace(/\W+/g, '-')}.png`), fullPage: true }).catch(() => {});
  }
}

async function useToken(tok, who) {
  await page.fill('#token', tok);
  await page.click('#auth button');
  await page.waitForFunction((w) => document.getElementById('who').textContent.includes(w), who);
}

await test('every form control has a label', async () => {
  for (const path of ['/', '/screen.html', '/policy.html', '/lists.html', '/activity.html', '/review.html',
    '/licences.html', '/shipments.html', '/ledger.html']) {
    await page.goto(URL + path);
    const unlabelled = await page.$$eval('input, select, textarea', (els) =>
      els.filter((e) => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')).map((e) => e.id));
    assert.deepEqual(unlabelled, [], `${path}: unlabelled controls`);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
  }
});

await test('no token: the API refuses and the page says so', async () => {
  await page.goto(URL + '/');
  await page.click('#order-form button[type=submit]');
  await page.waitForSelector('#result .problem');
  assert.match(await page.textContent('#result .problem'), /401/);
});

await test('check an order end to end', async () => {
  await page.goto(URL + '/');
  await useToken(EXP, 'exporter (exporter)');
  await page.waitForSelector('#f-item option[value="nvidia-h200-sxm"]', { state: 'attached' });
  await page.selectOption('#f-item', 'nvidia-h200-sxm');
  await page.fill('#f-id', 'WEB-E2E-1');
  await page.click('#order-form button[type=submit]');
  await page.waitForSelector('#result h3');
  const h = await page.textContent('#result h3');
  assert.match(h, /Order WEB-E2E-1: license required/i);
  const reasons = await page.$$('#result .reason');
  assert.ok(reasons.length >= 1, 'at least one reason');
  assert.match(await page.textContent('#result'), /Citation: /);
  assert.match(await page.textContent('#result'), /us_232_tariff/);
  await page.screenshot({ path: join(ART, 'console-check-order.png'), fullPage: true });
});

await test('a bad quantity is refused and its field marked', async () => {
  await page.fill('#f-id', 'WEB-E2E-2');
  await page.fill('#f-qty', '0');
  await page.click('#order-form button[type=submit]');
  await page.waitForSelector('#result .problem');
  assert.match(await page.textContent('#result .problem'), /lines\[0\]\.quantity/);
  assert.equal(await page.getAttribute('#f-qty', 'aria-invalid'), 'true');
  await page.screenshot({ path: join(ART, 'console-check-invalid.png'), fullPage: true });
});

await test('pasted JSON order', async () => {
  await page.click('#tab-json');
  const text = await page.inputValue('#order-json');
  const order = JSON.parse(text);
  order.id = 'WEB-E2E-3';
  order.lines[0].quantity = 8;
  order.destination = 'DE';
  order.parties[0].country = 'DE';
  await page.fill('#order-json', JSON.stringify(order));
  await page.click('#order-json-form button[type=submit]');
  await page.waitForFunction(() => /WEB-E2E-3/.test(document.querySelector('#result h3')?.textContent || ''));
});

await test('screen a name and see the hit explained', async () => {
  await page.goto(URL + '/screen.html');
  await useToken(CO, 'officer (compliance_officer)');
  await page.fill('#s-name', 'Orion Falcon Trading FZE');
  await page.click('#screen-form button[type=submit]');
  await page.waitForSelector('#hits table');
  const t = await page.textContent('#hits');
  assert.match(t, /tg-sample-0001/);
  assert.match(t, /EL/);
  await page.screenshot({ path: join(ART, 'console-screen-latin.png'), fullPage: true });
});

await test('screen a Chinese name', async () => {
  await page.fill('#s-name', '深圳黑河微系统有限公司');
  await page.fill('#s-country', 'CN');
  await page.click('#screen-form button[type=submit]');
  await page.waitForFunction(() => /深圳黑河微系统有限公司/.test(document.querySelector('#hits h3')?.textContent || ''));
  await page.screenshot({ path: join(ART, 'console-screen-chinese.png'), fullPage: true });
});

await test('exporter may not screen: 403 shown', async () => {
  await useToken(EXP, 'exporter (exporter)');
  await page.fill('#s-name', 'Anyone');
  await page.click('#screen-form button[type=submit]');
  await page.waitForSelector('#hits .problem');
  assert.match(await page.textContent('#hits .problem'), /403/);
});

await test('policy timeline and rules in force on a date', async () => {
  await page.goto(URL + '/policy.html');
  await useToken(CO, 'officer (compliance_officer)');
  await page.waitForFunction(() => document.querySelectorAll('#timeline .tl-bar').length >= 5);
  await page.fill('#p-date', '2026-01-20');
  await page.click('#policy-form button[type=submit]');
  await page.waitForFunction(() => /on 2026-01-20/.test(document.querySelector('#rules caption')?.textContent || ''));
  assert.match(await page.textContent('#rules'), /us-ear-cbc-2026/);
  await page.fill('#p-date', '2025-01-20');
  await page.click('#policy-form button[type=submit]');
  await page.waitForFunction(() => /on 2025-01-20/.test(document.querySelector('#rules caption')?.textContent || ''));
  assert.doesNotMatch(await page.textContent('#rules'), /us-ear-cbc-2026/);
  await page.screenshot({ path: join(ART, 'console-policy.png'), fullPage: true });
});

await test('lists: officer sees snapshots but may not load; admin loads a file', async () => {
  await page.goto(URL + '/lists.html');
  await useToken(CO, 'officer (compliance_officer)');
  await page.waitForSelector('#snapshots table');
  assert.equal((await page.$$('#snapshots tbody tr')).length, 1);
  await page.setInputFiles('#u-file', join(process.cwd(), 'fixtures/lists/sample-csl.csv'));
  await page.click('#upload-form button[type=submit]');
  await page.waitForSelector('#upload-result .problem');
  assert.match(await page.textContent('#upload-result'), /403/);
  await useToken(ADM, 'admin (admin)');
  await page.fill('#u-name', 'csl-web');
  await page.click('#upload-form button[type=submit]');
  await page.waitForSelector('#upload-result [role=status]');
  assert.match(await page.textContent('#upload-result'), /Loaded snapshot 2 of csl-web \(csl-csv\): 7 entries/);
  await page.waitForFunction(() => document.querySelectorAll('#snapshots tbody tr').length === 2);
  await page.screenshot({ path: join(ART, 'console-lists.png'), fullPage: true });
});

await test('activity chart draws (vendored uPlot)', async () => {
  await page.goto(URL + '/activity.html');
  await page.waitForSelector('body[data-chart="ready"] #chart canvas');
  const rows = await page.$$('#totals tr');
  assert.equal(rows.length, 4);
  await page.screenshot({ path: join(ART, 'console-activity.png'), fullPage: true });
});

await test('ship with a missing certificate and see the refusal', async () => {
  await page.goto(URL + '/shipments.html');
  await useToken(ACME, 'Acme Accelerators Inc. (exporter)');
  const shipment = { shipment_id: 'SHP-WEB-1', order_id: 'EX-001', license_id: 'L-2026-0001', date: '2026-02-20',
    lines: [{ item: 'nvidia-h200-sxm', serials: ['H200-0900', 'H200-0901'] }] };
  await page.fill('#sh-json', JSON.stringify(shipment, null, 2));
  await page.click('#ship-form button[type=submit]');
  await page.waitForSelector('#ship-result .problem');
  const t = await page.textContent('#ship-result');
  assert.match(t, /SHP-WEB-1 refused \(422\)/);
  const reasons = await page.$$eval('#ship-result .reason-item code', (cs) => cs.map((c) => c.textContent));
  assert.deepEqual(reasons, ['certificate_missing', 'certificate_missing']);
  assert.match(t, /H200-0900/);
  assert.match(t, /H200-0901/);
  await page.screenshot({ path: join(ART, 'console-ship-refused.png'), fullPage: true });
});

await test('another exporter may not ship this order', async () => {
  await useToken(EXP, 'exporter (exporter)');
  await page.click('#ship-form button[type=submit]');
  await page.waitForFunction(() => /403/.test(document.querySelector('#ship-result .problem')?.textContent || ''));
});

await test('trace a shipped serial', async () => {
  await useToken(CO, 'officer (compliance_officer)');
  await page.fill('#t-serial', 'H200-0001');
  await page.click('#trace-form button[type=submit]');
  await page.waitForFunction(() => /SHP-0001/.test(document.getElementById('trace-result').textContent));
  assert.match(await page.textContent('#trace-result'), /CERT-0001/);
});

await test('licences show remaining quantity and value', async () => {
  await page.goto(URL + '/licences.html');
  await useToken(LIC, 'licensing (licensing_officer)');
  await page.click('#reload');
  await page.waitForSelector('#licences .bar');
  assert.match(await page.textContent('#licences'), /996 of 1000 left/);
  await page.screenshot({ path: join(ART, 'console-licences.png'), fullPage: true });
});

await test('view the ledger chart', async () => {
  await page.goto(URL + '/ledger.html');
  await useToken(LIC, 'licensing (licensing_officer)');
  await page.click('#ledger-form button[type=submit]');
  await page.waitForSelector('body[data-chart="ready"] #chart canvas');
  const t = await page.textContent('#ledger');
  assert.match(t, /2026Q1us_232_tariffUSD0\.0031000\.00/); // 25 % of 4 x 31,000.00 accrued in Q1
  assert.equal(await page.$$eval('#chart .u-legend .u-series', (s) => s.length), 4);
  await page.screenshot({ path: join(ART, 'console-ledger-chart.png'), fullPage: true });
});

await test('audit chain status', async () => {
  await useToken(AUD, 'auditor (auditor)');
  await page.click('#verify');
  await page.waitForFunction(() => /Audit chain intact/.test(document.getElementById('audit').textContent));
});

await test('review queue: an officer proposes an override, the same officer may not approve it', async () => {
  await page.goto(URL + '/review.html');
  await useToken(CO, 'officer (compliance_officer)');
  await page.fill('#o-party', 'Orion Falcon Trading FZE');
  await page.fill('#o-list', 'EL');
  await page.fill('#o-entity', 'tg-sample-0001');
  await page.fill('#o-reason', 'browser test');
  await page.click('#ov-form button[type=submit]');
  await page.waitForSelector('#proposals button');
  await page.click('#proposals button');
  await page.waitForFunction(() => /separation of duties/.test(document.getElementById('ov-result').textContent));
  await page.screenshot({ path: join(ART, 'console-review.png'), fullPage: true });
});

// Last: the new list entry names a party of the recorded order EX-001, which the shipment tests above ship.
await test('lists: a load re-screens recorded parties and the officer sees the new hit', async () => {
  await page.goto(URL + '/lists.html');
  await useToken(ADM, 'admin (admin)');
  // A list file made here: the sample's header and one Entity List entry naming EX-001's end user.
  const header = readFileSync(join(process.cwd(), 'fixtures/lists/sample-csl.csv'), 'utf8').split('\n')[0];
  const entry = { _id: 'tg-web-0001', source: 'Entity List (EL) - Bureau of Industry and Security', type: 'Entity',
    name: 'Yunfan AI Research Lab', addresses: '"Hangzhou, CN"', federal_register_notice: '99 FR 20001',
    start_date: '2026-11-01' };
  const row = header.split(',').map((c) => entry[c] ?? '').join(',');
  await page.setInputFiles('#u-file', { name: 'web-watch.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\n${row}\n`) });
  await page.fill('#u-name', 'web-watch');
  await page.click('#upload-form button[type=submit]');
  await page.waitForFunction(() => /web-watch/.test(document.querySelector('#upload-result [role=status]')?.textContent || ''));
  assert.match(await page.textContent('#upload-result'), /\(csl-csv\): 1 entry from 1 row, 0 rejected\./);
  assert.match(await page.textContent('#upload-result'), /Re-screened \d+ recorded parties: 1 new hit, 0 cleared\./);
  await page.waitForSelector('#rescreen .problem');
  assert.match(await page.textContent('#rescreen'), /403/); // the report is for officers and auditors
  await useToken(CO, 'officer (compliance_officer)');
  await page.waitForSelector('#rescreen table');
  assert.match(await page.textContent('#rescreen h3'), /^Snapshot 3 of web-watch against no previous snapshot/);
  const cells = await page.$$eval('#rescreen tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  assert.equal(cells.length, 1);
  assert.deepEqual(cells[0].slice(0, 7), ['Yunfan AI Research Lab', 'CN', 'added', 'block', 'EL', 'tg-web-0001',
    'Yunfan AI Research Lab']);
  assert.match(cells[0][8], /exact after normalisation/);
  await page.screenshot({ path: join(ART, 'console-rescreen.png'), fullPage: true });
  await page.fill('#rs-snap', 'x');
  await page.click('#rs-form button[type=submit]');
  await page.waitForSelector('#rescreen .problem');
  assert.match(await page.textContent('#rescreen'), /Field: snapshot/);
  assert.equal(await page.getAttribute('#rs-snap', 'aria-invalid'), 'true');
  await page.fill('#rs-snap', '1');
  await page.click('#rs-form button[type=submit]');
  await page.waitForFunction(() => /^Snapshot 1 of /.test(document.querySelector('#rescreen h3')?.textContent || ''));
});

await test('no script errors on any page', async () => {
  assert.deepEqual(errors, []);
});

await ctx.close();
rmSync(profile, { recursive: true, force: true });
console.log(failed ? `${failed} browser test(s) failed` : 'all browser tests passed');
process.exit(failed ? 1 : 0);
