// The admin's login-log page (R-LOGIN-1, issue 13 §4): every attempt with name, time, address and result; filters by
// name (prefix), result and address; the Excel export is a real .xlsx holding what the filters show.
//
// Assumptions: the app as `npm test` starts it (demo users). The spec makes its own failed attempts under a fresh name,
// so the rows it looks for are its own whatever ran before.
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { choose, expectFitsWidth, runId } from './admin-support';
import { login, openMenu, screenshot } from './support';
import { unzipText } from './zip';

test('admin login-log page: filters by name, result and address; the Excel export is a real xlsx of the filtered rows', async ({
  page,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const ghost = `ghost-${runId()}`;
  const anonymous = await playwright.request.newContext({ baseURL });
  for (let i = 0; i < 2; i++)
    expect((await anonymous.post('/api/auth/login', { data: { username: ghost, password: 'not-a-password-1' } })).status()).toBe(401);

  await page.setViewportSize({ width: 1024, height: 768 });
  await login(page, 'admin');
  await openMenu(page, 'people', 'login-log-admin');
  const card = page.getByTestId('login-log-page');
  await expect(card).toBeVisible();
  const rows = card.getByTestId('login-attempt');
  await expect(rows.filter({ hasText: 'admin' }).first()).toBeVisible(); // the admin's own sign-in just now

  // By name: the two failed attempts, and nobody else.
  const name = card.getByTestId('login-log-username').locator('input');
  await name.fill(ghost);
  await name.press('Enter');
  await expect(rows).toHaveCount(2);
  for (const r of await rows.all()) {
    await expect(r).toContainText(ghost);
    await expect(r).toContainText('Unknown user');
  }

  // By result: none of them succeeded.
  await choose(page, 'login-log-result', 'Succeeded');
  await expect(card.locator('.ant-empty')).toBeVisible();
  await expect(rows).toHaveCount(0);
  await choose(page, 'login-log-result', 'Failed');
  await expect(rows).toHaveCount(2);

  // By address: the address the server recorded for them; another address shows none.
  const ip = (await rows.first().locator('td').nth(2).textContent())?.trim() ?? '';
  expect(ip).toMatch(/^[0-9a-f:.]+$/i);
  const address = card.getByTestId('login-log-ip').locator('input');
  await address.fill('10.255.255.1');
  await address.press('Enter');
  await expect(rows).toHaveCount(0);
  await address.fill(ip);
  await address.press('Enter');
  await expect(rows).toHaveCount(2);
  await expectFitsWidth(page);
  await screenshot(page, 'admin-login-log');

  // Excel: the filtered rows, as an Office Open XML workbook.
  const downloading = page.waitForEvent('download');
  await card.getByTestId('login-log-export').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = unzipText(fs.readFileSync(await download.path()));
  expect(Object.keys(workbook)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml']));
  const sheets = Object.entries(workbook).filter(([n]) => n.startsWith('xl/worksheets/sheet') || n === 'xl/sharedStrings.xml');
  const text = sheets.map(([, xml]) => xml).join('\n');
  expect(text.split(ghost).length - 1, 'the ghost appears once per row').toBe(2);
  expect(text).not.toContain('>admin<');
  const sheet = sheets.find(([n]) => n.startsWith('xl/worksheets/sheet'))![1];
  expect((sheet.match(/<(\w+:)?row[ >]/g) ?? []).length, 'a header row and the two attempts').toBe(3);
});
