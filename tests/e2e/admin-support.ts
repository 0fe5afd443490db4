// Shared steps of the admin page specs: open an admin page from the menu, pick in antd selects, check the layout.
import { expect, type Locator, type Page } from '@playwright/test';

/** A fresh id per run, so the specs also pass against a database that earlier runs used. */
export const runId = () => Date.now().toString(36).slice(-6);

/** Opens Administration › item (menu key) and waits for its card. */
export async function openAdmin(page: Page, key: string, card: string): Promise<Locator> {
  const leaf = page.getByTestId(`menu-${key}`);
  if (!(await leaf.isVisible())) await page.getByTestId('menu-admin').locator('.ant-menu-submenu-title').first().click();
  await leaf.click();
  const found = page.getByTestId(card);
  await expect(found).toBeVisible();
  return found;
}

/** Chooses `text` in the antd Select with this test id (single or multiple). */
export async function choose(page: Page, testId: string, ...texts: string[]): Promise<void> {
  const select = page.getByTestId(testId);
  for (const text of texts) {
    await select.click();
    const search = select.locator('input').first();
    if (await search.isEditable().catch(() => false)) await search.fill(text);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
  }
  // a multiple select stays open: a click on the dialog's title closes it (Escape would close the dialog too)
  if (texts.length > 1) {
    await page.locator('.ant-modal-title:visible').first().click();
    await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  }
}

/** At 1024×768 the page does not scroll sideways (tables scroll inside their own box). */
export async function expectFitsWidth(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'horizontal overflow of the page in px').toBeLessThanOrEqual(0);
}

/** Today in the center's time zone (UTC+8, Asia/Shanghai), yyyy-MM-dd. */
export const centerToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
