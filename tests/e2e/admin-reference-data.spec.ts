// Issue 13: every admin page has a Playwright spec. Each test creates, edits and retires (or removes) an item
// through its page at 1024×768, and checks what the API then returns (retired items stay readable).
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page, type PlaywrightWorkerArgs } from '@playwright/test';
import { choose, expectFitsWidth, openAdmin, runId } from './admin-support';
import { login, session } from './support';
import { zipStored } from './zip';

test.use({ viewport: { width: 1024, height: 768 } });
test.describe.configure({ timeout: 180_000 }); // a loaded 2-core machine: each test walks several dialogs

async function adminApi(page: Page, playwright: PlaywrightWorkerArgs['playwright'], baseURL?: string) {
  await login(page, 'admin');
  return session(playwright, baseURL, 'admin');
}

test('reason codes: create with approval and a limit, edit, retire', async ({ page, playwright, baseURL }) => {
  const api = await adminApi(page, playwright, baseURL);
  const code = `e2e-break-${runId()}`;
  const card = await openAdmin(page, 'reason-codes', 'admin-reason-codes');
  await card.getByTestId('admin-reason-codes-new').click();
  await page.getByTestId('reason-code-code').fill(code);
  await page.getByTestId('reason-code-name').fill('Team meeting');
  await page.getByTestId('reason-code-name-zh').fill('班组会议');
  await page.getByTestId('reason-code-needs-approval').check();
  await page.getByTestId('reason-code-max-away').fill('3');
  await page.getByTestId('reason-code-form-save').click();
  await expect(page.getByTestId(`reason-code-row-${code}`)).toContainText('Team meeting');
  await page.getByTestId(`reason-code-edit-${code}`).click();
  await page.getByTestId('reason-code-max-away').fill('4');
  await page.getByTestId('reason-code-form-save').click();
  await expect(page.getByTestId(`reason-code-row-${code}`)).toContainText('4');
  await page.getByTestId(`reason-code-toggle-${code}`).click();
  await expect(page.getByTestId(`reason-code-row-${code}`)).toContainText('Retired');
  await expectFitsWidth(page);
  const saved = await api.get<{ needsApproval: boolean; maxAway: number; active: boolean }>(`/api/reason-codes/${code}`);
  expect(saved).toMatchObject({ needsApproval: true, maxAway: 4, active: false });
  const active = await api.get<{ code: string }[]>('/api/reason-codes');
  expect(active.map((r) => r.code)).not.toContain(code);
});

test('call purposes: create with sub-types, add one, retire; a bad code is refused on the field', async ({ page, playwright, baseURL }) => {
  const api = await adminApi(page, playwright, baseURL);
  const code = `e2e-purpose-${runId()}`;
  const card = await openAdmin(page, 'call-purposes', 'admin-call-purposes');
  await card.getByTestId('admin-call-purposes-new').click();
  await page.getByTestId('purpose-code').fill('Bad Code');
  await page.getByTestId('purpose-form-save').click();
  await expect(page.getByTestId('purpose-form').locator('.ant-form-item-explain-error').first()).toBeVisible();
  await page.getByTestId('purpose-code').fill(code);
  await page.getByTestId('purpose-name').fill('Relocation');
  const subtypes = page.getByTestId('purpose-subtypes').locator('input');
  for (const s of ['move-in', 'move-out']) {
    await subtypes.fill(s);
    await subtypes.press('Enter');
  }
  await page.getByTestId('purpose-form-save').click();
  await expect(page.getByTestId(`purpose-row-${code}`)).toContainText('move-out');
  await page.getByTestId(`purpose-edit-${code}`).click();
  await page.getByTestId('purpose-subtypes').locator('input').fill('other');
  await page.getByTestId('purpose-subtypes').locator('input').press('Enter');
  await page.getByTestId('purpose-form-save').click();
  await expect(page.getByTestId(`purpose-row-${code}`)).toContainText('other');
  await page.getByTestId(`purpose-toggle-${code}`).click();
  await expect(page.getByTestId(`purpose-row-${code}`)).toContainText('Retired');
  await expectFitsWidth(page);
  expect(await api.get<{ subtypes: string[]; active: boolean }>(`/api/call-purposes/${code}`)).toMatchObject({ subtypes: ['move-in', 'move-out', 'other'], active: false });
});

test('blacklist: add a range for outbound, change its direction, import an Excel sheet, remove', async ({ page, playwright, baseURL }) => {
  const api = await adminApi(page, playwright, baseURL);
  const n = String(Date.now()).slice(-7);
  const range = `0109${n}0-0109${n}9`;
  const card = await openAdmin(page, 'blacklist', 'admin-blacklist');
  await card.getByTestId('admin-blacklist-new').click();
  await page.getByTestId('blacklist-pattern').fill(range);
  await choose(page, 'blacklist-direction-select', 'Outbound calls');
  await page.getByTestId('blacklist-reason').fill('e2e range');
  await page.getByTestId('blacklist-form-save').click();
  const row = page.getByTestId(`blacklist-row-${range}`);
  await expect(row.getByTestId('blacklist-direction')).toHaveText('Outbound calls');
  await page.getByTestId(`blacklist-edit-${range}`).click();
  await choose(page, 'blacklist-direction-select', 'Inbound and outbound');
  await page.getByTestId('blacklist-form-save').click();
  await expect(row.getByTestId('blacklist-direction')).toHaveText('Inbound and outbound');

  // Excel import: the fixture sheet has a header row (pattern, direction, reason) and two rows
  const prefix = `0399${n}*`;
  const file = path.join(test.info().outputDir, 'blacklist.xlsx');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, buildSheet([['pattern', 'direction', 'reason'], [prefix, 'inbound', 'e2e import'], [range, 'both', 'already listed']]));
  await card.locator('input[type=file]').setInputFiles(file);
  await expect(page.getByTestId(`blacklist-row-${prefix}`)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId(`blacklist-row-${prefix}`).getByTestId('blacklist-direction')).toHaveText('Inbound calls');
  await expectFitsWidth(page);

  await page.getByTestId(`blacklist-remove-${range}`).click();
  await page.locator('.ant-popconfirm:visible .ant-btn-primary').click();
  await expect(row).toHaveCount(0);
  const entries = await api.get<{ pattern: string }[]>('/api/blacklist');
  expect(entries.map((e) => e.pattern)).toContain(prefix);
  expect(entries.map((e) => e.pattern)).not.toContain(range);
});

test('center: title, logo and time zone from the settings page', async ({ page, playwright, baseURL }) => {
  const api = await adminApi(page, playwright, baseURL);
  const before = await api.get<{ centerTitle: string }>('/api/settings/public');
  const card = await openAdmin(page, 'center-title', 'admin-center-settings');
  const title = `E2E Center ${runId()}`;
  await page.getByTestId('admin-center-title').fill(title);
  const png = path.join(test.info().outputDir, 'logo.png');
  fs.mkdirSync(path.dirname(png), { recursive: true });
  fs.writeFileSync(png, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));
  await card.locator('input[type=file]').setInputFiles(png);
  await expect(page.getByTestId('admin-logo-preview')).toBeVisible();
  await expect(page.getByTestId('admin-time-zone')).toBeVisible();
  await page.getByTestId('admin-center-title-save').click();
  await expect(page.getByTestId('center-title')).toHaveText(title);
  await expect(page.getByTestId('center-logo')).toBeVisible();
  await expectFitsWidth(page);
  const saved = await api.get<{ centerTitle: string; logo: string }>('/api/settings/public');
  expect(saved.centerTitle).toBe(title);
  expect(saved.logo).toMatch(/^data:image\/png;base64,/);
  // leave the demo as it was
  await api.request.put('/api/settings', {
    data: { centerTitle: before.centerTitle, logo: '' },
    headers: { 'X-XSRF-TOKEN': decodeURIComponent((await api.request.storageState()).cookies.find((c) => c.name === 'XSRF-TOKEN')!.value) },
  });
});

test('alarm thresholds: the page saves new thresholds', async ({ page, playwright, baseURL }) => {
  const api = await adminApi(page, playwright, baseURL);
  const before = await api.get<{ level3: number; level2: number; level1: number; windowMinutes: number }>('/api/alarms/settings');
  await openAdmin(page, 'alarm-settings', 'alarm-settings');
  const level3 = before.level3 + 1;
  await page.getByTestId('alarm-settings-level3').fill(String(level3));
  await page.getByTestId('alarm-settings-level2').fill(String(Math.max(before.level2, level3 + 1)));
  await page.getByTestId('alarm-settings-level1').fill(String(Math.max(before.level1, level3 + 2)));
  await page.getByTestId('alarm-settings-save').click();
  await expect.poll(async () => (await api.get<{ level3: number }>('/api/alarms/settings')).level3).toBe(level3);
  await expectFitsWidth(page);
  // leave the demo as it was (the outage-alarm spec counts on the default thresholds)
  const xsrf = (await api.request.storageState()).cookies.find((c) => c.name === 'XSRF-TOKEN')!.value;
  const restored = await api.request.put('/api/alarms/settings', { data: before, headers: { 'X-XSRF-TOKEN': decodeURIComponent(xsrf) } });
  expect(restored.status(), await restored.text()).toBeLessThan(300);
});

/** A minimal .xlsx (one sheet, inline strings) as Office Open XML in a stored zip. */
function buildSheet(rows: string[][]): Buffer {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const col = (i: number) => String.fromCharCode(65 + i);
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows
    .map((r, i) => `<row r="${i + 1}">${r.map((v, j) => `<c r="${col(j)}${i + 1}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`).join('')}</row>`)
    .join('')}</sheetData></worksheet>`;
  return zipStored({
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="blacklist" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': sheet,
  });
}
