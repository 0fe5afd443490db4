// Issue 16 (7): a scan of the zh-CN UI — every menu item each role can open — finds no untranslated
// i18n key (menu.x, reports.columns.y) and no programmer's camelCase word (notReady, acwSeconds) in
// what is shown, table headers included.
import { expect, test, type Page } from '@playwright/test';
import { activePane, login } from './support';

test.describe.configure({ timeout: 300_000 });

const KEY = /\b[a-z][a-zA-Z]+\.[a-z][a-zA-Z]+(\.[a-zA-Z]+)*\b/; // e.g. reports.columns.acwSeconds
const CAMEL = /\b[a-z]+[A-Z][a-zA-Z]*\b/; // e.g. notReady, taggedWithCustomer

function offenders(text: string): string[] {
  return text
    .split(/\s+/)
    .filter((w) => (KEY.test(w) && !/^\S+@|https?:|\.(com|cn|svg|png|xlsx)$/.test(w)) || CAMEL.test(w));
}

async function scanAllMenus(page: Page, user: string) {
  const groups = page.locator('[data-testid^="menu-"].ant-menu-submenu');
  const count = await groups.count();
  const found: string[] = [];
  for (let g = 0; g < count; g++) {
    const group = groups.nth(g);
    const title = group.locator('.ant-menu-submenu-title').first();
    if ((await group.getAttribute('class'))?.includes('ant-menu-submenu-open') !== true) await title.click();
    const leaves = group.locator('[data-testid^="menu-"].ant-menu-item');
    const n = await leaves.count();
    for (let i = 0; i < n; i++) {
      const leaf = leaves.nth(i);
      const key = (await leaf.getAttribute('data-testid'))!;
      await leaf.click();
      await expect(activePane(page)).toBeVisible();
      await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => {});
      const text = await page.locator('body').innerText();
      for (const w of offenders(text)) found.push(`${user} ${key}: ${w}`);
    }
  }
  return found;
}

for (const user of ['agent3', 'supervisor1', 'admin', 'qa1']) {
  test(`zh-CN UI of ${user}: no untranslated key or camelCase code on any page`, async ({ browser }) => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.getByTestId('login-username')).toBeVisible({ timeout: 30_000 });
    await login(page, user);
    const found = await scanAllMenus(page, user);
    expect([...new Set(found)]).toEqual([]);
    await context.close();
  });
}
