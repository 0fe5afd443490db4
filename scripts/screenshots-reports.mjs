// Screenshots of the reports tab (docs/screenshots/reports-*.png) in zh-CN and en, against a running app:
//   CALLCENTER_PORT=5192 npm start          # in another terminal
//   CALLCENTER_URL=http://127.0.0.1:5192 node scripts/screenshots-reports.mjs
// Until the report backends are merged, CALLCENTER_REPORTS_MOCK=1 (the default) answers GET /api/reports and
// /api/reports/{name} in the browser with a catalogue and seeded rows in the real contract's shape; =0 uses the server.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';

const base = process.env.CALLCENTER_URL ?? 'http://127.0.0.1:5192';
const mock = process.env.CALLCENTER_REPORTS_MOCK !== '0';
const out = path.resolve(import.meta.dirname, '..', 'docs', 'screenshots');
const password = process.env.CALLCENTER_DEMO_PASSWORD || 'demo123';

const col = (key, kind) => ({ key, kind });
const catalog = [
  { name: 'one-time-fix-rate', category: 'quality', groupBy: ['day', 'agent', 'skillGroup', 'area'], filters: [],
    columns: [col('key', 'text'), col('tagged', 'count'), col('fixed', 'count'), col('repeated', 'count'), col('pending', 'count'), col('rate', 'percent')],
    chart: 'bar', chartX: 'key', chartSeries: ['fixed', 'repeated', 'pending'] },
  { name: 'customer-identification', category: 'quality', groupBy: ['day', 'area'], filters: ['dialedNumber'],
    columns: [col('key', 'text'), col('calls', 'count'), col('identified', 'count'), col('identificationRate', 'percent')],
    chart: 'line', chartX: 'key', chartSeries: ['identificationRate'] },
  { name: 'service-level', category: 'kpi', groupBy: ['day', 'skillGroup'], filters: ['skillGroup', 'thresholdSeconds'],
    columns: [col('key', 'text'), col('offered', 'count'), col('answered', 'count'), col('serviceLevel', 'percent'), col('asaSeconds', 'seconds'), col('ahtSeconds', 'seconds'), col('abandonRate', 'percent')],
    chart: 'line', chartX: 'key', chartSeries: ['serviceLevel', 'abandonRate'] },
  { name: 'call-volume', category: 'traffic', groupBy: ['hour', 'day', 'month'], filters: ['skillGroup', 'dialedNumber'],
    columns: [col('key', 'text'), col('offered', 'count'), col('answered', 'count'), col('abandoned', 'count')],
    chart: 'bar', chartX: 'key', chartSeries: ['answered', 'abandoned'] },
  { name: 'queue-time', category: 'traffic', groupBy: ['day', 'skillGroup'], filters: ['skillGroup'],
    columns: [col('key', 'text'), col('queued', 'count'), col('averageQueueSeconds', 'seconds'), col('maxQueueSeconds', 'seconds')],
    chart: 'line', chartX: 'key', chartSeries: ['averageQueueSeconds', 'maxQueueSeconds'] },
  { name: 'answer-ranking', category: 'agents', groupBy: ['agent'], filters: ['skillGroup'],
    columns: [col('rank', 'count'), col('key', 'text'), col('answered', 'count'), col('talkSeconds', 'seconds')],
    chart: 'pie', chartX: 'key', chartSeries: ['answered'] },
];

/** Seeded rows in the definition's shape: the last 7 days (or agents, hours…), counts, shares, seconds. */
function rows(def, groupBy) {
  let seed = 7;
  const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const today = new Date();
  const keys = groupBy === 'agent' ? Array.from({ length: 8 }, (_, i) => `agent${i + 1}`)
    : groupBy === 'skillGroup' ? ['broadband', 'cable-tv', 'billing', 'vip']
    : groupBy === 'area' ? ['north', 'south', 'east', 'west', 'unknown']
    : groupBy === 'hour' ? Array.from({ length: 12 }, (_, i) => `${String(i + 8).padStart(2, '0')}:00`)
    : Array.from({ length: 7 }, (_, i) => new Date(today.getTime() - (6 - i) * 86_400_000).toISOString().slice(0, 10));
  return keys.map((key, i) => {
    const row = { key };
    const tagged = 60 + Math.round(rnd() * 80);
    for (const { key: k, kind } of def.columns) {
      if (k === 'key') continue;
      if (k === 'rank') row[k] = i + 1;
      else if (kind === 'count') row[k] = Math.round(tagged * (0.2 + rnd() * 0.8));
      else if (kind === 'percent') row[k] = k.includes('abandon') ? 0.02 + rnd() * 0.08 : 0.72 + rnd() * 0.25;
      else if (kind === 'seconds') row[k] = k.startsWith('max') ? 60 + rnd() * 200 : 8 + rnd() * 200;
    }
    if (def.name === 'one-time-fix-rate') {
      Object.assign(row, { tagged, fixed: Math.round(tagged * 0.8), repeated: Math.round(tagged * 0.12) });
      row.pending = tagged - row.fixed - row.repeated;
      row.rate = row.fixed / (row.fixed + row.repeated);
    }
    return row;
  });
}

async function routeReports(page) {
  await page.route('**/api/reports**', async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/api/reports') return route.fulfill({ json: catalog });
    const def = catalog.find((d) => url.pathname === `/api/reports/${d.name}`);
    if (!def) return route.fulfill({ status: 404, json: { status: 404, title: 'Not Found' } });
    if (url.searchParams.get('groupBy') === 'month')
      return route.fulfill({ status: 400, json: { status: 400, title: 'One or more validation errors occurred.', errors: { groupBy: ['groupBy must be one of hour, day.'] } } });
    return route.fulfill({ json: rows(def, url.searchParams.get('groupBy') ?? def.groupBy[0]) });
  });
}

async function shoot(browser, lang, menuItem, name, after) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: lang === 'en' ? 'en-US' : 'zh-CN' });
  const page = await context.newPage();
  await page.addInitScript((l) => localStorage.setItem('callcenter.lang', l), lang);
  if (mock) await routeReports(page);
  await page.goto(base);
  await page.getByTestId('login-username').fill('analyst');
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('menu-reports').locator('.ant-menu-submenu-title').first().click();
  await page.getByTestId(`menu-${menuItem}`).click();
  await page
    .getByTestId('report-table').or(page.getByTestId('report-empty')).or(page.getByTestId('report-error')).first()
    .waitFor({ timeout: 15_000 })
    .catch(async (e) => {
      await page.screenshot({ path: `/tmp/${name}-failed.png` });
      throw e;
    });
  if (after) await after(page);
  await page.waitForTimeout(800); // the chart's entrance animation
  fs.mkdirSync(out, { recursive: true });
  await page.screenshot({ path: path.join(out, `${name}.png`) });
  console.log('saved', name);
  await context.close();
}

const browser = await chromium.launch({
  executablePath: process.env.CALLCENTER_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  await shoot(browser, 'zh-CN', 'report-one-time-fix', 'reports-one-time-fix-zh');
  await shoot(browser, 'en', 'report-one-time-fix', 'reports-one-time-fix-en');
  await shoot(browser, 'zh-CN', 'report-kpi', 'reports-service-level-zh');
  await shoot(browser, 'en', 'report-center', 'reports-group-by-error-en', async (page) => {
    // by keyboard: type to search the picker, Enter to choose
    await page.getByRole('combobox', { name: 'Report' }).click();
    await page.keyboard.type('Call vol');
    await page.keyboard.press('Enter');
    await page.getByTestId('report-title').getByText('Call volume').waitFor();
    await page.getByRole('combobox', { name: 'Group by' }).click();
    await page.locator('.ant-select-item-option[title="Month"]').click();
    await page.getByText('groupBy must be one of hour, day.').waitFor();
  });
} finally {
  await browser.close();
}
