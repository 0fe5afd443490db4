// Issue 16 (8) and R-SVC-1/R-SVC-2 in zh-CN at the tender's 1024×768: one surname finds customers; expanding a result
// keeps the table's width and shows the details in tabs (business data, products, arrears, changes); Service support →
// Authorization grants a customer suspended for arrears a temporary authorisation, re-authorises the modem, and the
// history — on the authorisation page and in the customer's "changes" tab — shows both.
import { expect, test, type Page } from '@playwright/test';
import { login, openMenu, screenshot, session } from './support';

test.describe.configure({ timeout: 180_000 });

const widths = (page: Page) =>
  page.evaluate(() => {
    const wrapper = document.querySelector('[data-testid="customer-search"] .ant-table-wrapper') as HTMLElement;
    const content = document.querySelector('[data-testid="customer-search"] .ant-table-content, [data-testid="customer-search"] .ant-table-body') as HTMLElement;
    return { wrapper: wrapper.getBoundingClientRect().width, scroll: content.scrollWidth, page: document.documentElement.scrollWidth, viewport: window.innerWidth };
  });

test('surname search, details in tabs without a huge table, and authorisation of a customer suspended for arrears (zh-CN, 1024×768)', async ({
  browser,
  playwright,
  baseURL,
}) => {
  const agent = await session(playwright, baseURL, 'agent2');
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  await login(page, 'agent2');

  // one character: the surname
  await openMenu(page, 'service-support', 'customer-search');
  await page.getByTestId('customer-search-input').fill('王');
  await page.getByTestId('customer-search-submit').click();
  const firstRow = page.locator('[data-testid^="customer-row-"]').first();
  await expect(firstRow).toBeVisible({ timeout: 15_000 });
  const rows = page.locator('[data-testid^="customer-row-"]');
  for (let i = 0; i < (await rows.count()); i++) await expect(rows.nth(i).locator('td').nth(1)).toHaveText(/^王/); // after the expand-icon cell

  // expanding a row keeps the table as wide as it was (it grew to 1,000,000 px)
  const before = await widths(page);
  await firstRow.locator('.ant-table-row-expand-icon').click();
  const details = page.locator('[data-testid^="customer-details-"]').first();
  await expect(details).toBeVisible();
  const after = await widths(page);
  expect(after.wrapper).toBeCloseTo(before.wrapper, 0);
  expect(after.scroll).toBeLessThanOrEqual(before.scroll + 1);
  expect(after.page).toBeLessThanOrEqual(after.viewport);
  for (const tab of ['业务资料', '产品', '欠费', '变更记录']) await expect(details.getByRole('tab', { name: new RegExp(tab) })).toBeVisible();
  await details.getByRole('tab', { name: /欠费/ }).click();
  await expect(details.getByTestId('customer-arrears')).toContainText('¥');
  await screenshot(page, 'desk-customer-details-1024-zh');

  // Service support → Authorization: a customer suspended for arrears
  const suspended = (await agent.get<{ id: string; name: string; status: string }[]>(`/api/customers?q=${encodeURIComponent('王')}&take=100`)).find(
    (c) => c.status === 'suspended-arrears',
  );
  expect(suspended, 'a customer named 王 suspended for arrears').toBeTruthy();
  await openMenu(page, 'service-support', 'authorization');
  const pane = page.getByTestId('authorization-page');
  await pane.getByTestId('customer-search-input').fill(suspended!.id);
  await pane.getByTestId('customer-search-submit').click();
  await pane.getByTestId(`customer-pick-${suspended!.id}`).click();
  await expect(pane.getByTestId('authorization-status')).toHaveText('欠费停机');
  const already = await pane.getByTestId('authorization-temporary-until').count(); // an earlier run granted it already
  if (!already) {
    await expect(pane.getByTestId('reauthorize-submit')).toBeDisabled();
    await pane.getByTestId('temporary-reason').fill('承诺周五缴费');
    await pane.getByTestId('temporary-submit').click();
    await expect(pane.getByTestId('authorization-temporary-until')).toBeVisible();
  }
  await expect(pane.getByTestId('reauthorize-submit')).toBeEnabled();
  await pane.getByTestId('reauthorize-device').getByText('宽带猫（MAC 地址）').click();
  const mac = `00-1A-2B-3C-${Date.now().toString(16).slice(-4, -2)}-${Date.now().toString(16).slice(-2)}`.toUpperCase();
  await pane.getByTestId('reauthorize-mac').fill(mac);
  await pane.getByTestId('reauthorize-submit').click();
  const history = pane.getByTestId('authorization-history');
  await expect(history.locator('tbody tr').first()).toContainText(mac.replaceAll('-', ':'));
  await expect(history).toContainText('临时授权');
  await screenshot(page, 'desk-authorization-1024-zh');
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
});
