import { test, expect, type Page } from '@playwright/test';
import { PASSWORD, session } from './support';

/**
 * Issue 17: script-like text in every admin-editable name is shown as text, never run. The names are stored through
 * the API, then every page that shows them is opened (the audit day's state bands hovered, their tooltip being HTML);
 * no dialog may open, and the responses carry the Content-Security-Policy.
 */
const IMG = `<img src=x onerror=alert('xss-img')>`;
const SCRIPT = `<script>alert('xss-script')</script>`;
const SVG = `"><svg onload=alert('xss-svg')>`;
const AGENT = 'agent5';

/** Signs in through the form, with room for a loaded machine (the SPA's first paint can take many seconds). */
async function login(page: Page, username: string) {
  await page.context().clearCookies();
  await page.goto('/');
  await expect(page.getByTestId('login-username')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('status-state').or(page.getByTestId('status-work-id')).first()).toBeVisible({ timeout: 60_000 });
}

function watchDialogs(page: Page, seen: string[]) {
  page.on('dialog', async (d) => {
    seen.push(`${d.type()}: ${d.message()}`);
    await d.dismiss();
  });
}

test('script-like names are shown as text on every page, and the CSP is sent', async ({ page, playwright, baseURL }) => {
  test.setTimeout(420_000); // four sign-ins and the hovering, on a loaded machine
  // The policy on the SPA itself and on the API.
  for (const path of ['/', '/api/settings/public']) {
    const res = await page.request.get(path);
    const csp = res.headers()['content-security-policy'] ?? '';
    expect(csp, `CSP of ${path}`).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp.split(';').find((d) => d.trim().startsWith('script-src'))).not.toContain('unsafe-inline');
    expect(res.headers()['x-content-type-options']).toBe('nosniff');
  }

  // Every name an admin can edit today: reason codes, call purposes, the center title, announcements.
  const admin = await session(playwright, baseURL, 'admin');
  const xsrf = (await admin.request.storageState()).cookies.find((c) => c.name === 'XSRF-TOKEN')?.value ?? '';
  const put = async (path: string, data: unknown) => {
    const res = await admin.request.put(path, { data, headers: { 'X-XSRF-TOKEN': decodeURIComponent(xsrf) } });
    expect(res.status(), `PUT ${path}`).toBeLessThan(300);
  };
  for (const code of ['break', 'lunch']) await put(`/api/reason-codes/${code}`, { name: `${IMG} ${code}`, nameZh: `${SCRIPT} ${code}`, active: true });
  const purposes = await admin.get<{ code: string; subtypes: string[] }[]>('/api/call-purposes');
  await put(`/api/call-purposes/${purposes[0].code}`, { name: IMG, nameZh: SVG, subtypes: purposes[0].subtypes, active: true });
  await put('/api/settings', { centerTitle: `${SVG} ${SCRIPT}` });
  await admin.post('/api/announcements', { title: `${IMG} urgent`, body: SCRIPT, urgent: true });

  // The agent's day gets a not-ready stretch under the script-like reason.
  const agent = await session(playwright, baseURL, AGENT);
  const state = await agent.get<{ state: string }>(`/api/agents/${AGENT}`);
  if (state.state !== 'signedOut') await agent.post(`/api/agents/${AGENT}/sign-out`);
  await agent.post(`/api/agents/${AGENT}/sign-in`);
  await agent.post(`/api/agents/${AGENT}/not-ready`, { reasonCode: 'break' });

  const dialogs: string[] = [];
  watchDialogs(page, dialogs);

  // The agent's desktop: announcements, the state (not ready: the reason), the reason picker, the title.
  await login(page, AGENT);
  await expect(page.getByText(`${IMG} urgent`).first()).toBeVisible();
  await expect(page.getByText(`${IMG} break`).first()).toBeVisible();
  await page.getByTestId('btn-ready').click().catch(() => {});
  await page.getByTestId('btn-not-ready').click();
  await expect(page.getByText(`${IMG} lunch`).first()).toBeVisible();
  await page.keyboard.press('Escape');
  expect(await page.title()).toContain('<svg');

  // The supervisor's monitor shows the agent's reason.
  const supervisor = page;
  await login(supervisor, 'supervisor1');
  await supervisor.getByTestId('menu-realtime-monitor').click().catch(async () => {
    await supervisor.getByTestId('menu-monitor').locator('.ant-menu-submenu-title').first().click();
    await supervisor.getByTestId('menu-realtime-monitor').click();
  });
  await expect(supervisor.getByText(IMG, { exact: false }).first()).toBeVisible();

  // The auditor's day replay: hover every band; the tooltip shows the reason as text.
  await agent.post(`/api/agents/${AGENT}/ready`);
  const auditor = page;
  await login(auditor, 'auditor');
  await auditor.getByTestId('menu-audit').locator('.ant-menu-submenu-title').first().click().catch(() => {});
  await auditor.getByTestId('menu-agent-day-audit').click();
  await auditor.getByTestId('audit-agent').click();
  await auditor.keyboard.type(AGENT);
  await auditor.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10); // the center's day (UTC+8)
  const date = auditor.locator('input[data-testid="audit-date"], [data-testid="audit-date"] input').first();
  await date.click();
  await date.fill(today);
  await date.press('Enter');
  const bands = auditor.getByTestId('audit-bands');
  await expect(bands).toHaveAttribute('data-periods', /[1-9]/, { timeout: 30_000 });
  const box = (await bands.locator('svg').first().boundingBox())!;
  let shown = false;
  for (let x = box.x + 10; x < box.x + box.width - 10 && !shown; x += 6) {
    await auditor.mouse.move(x, box.y + 45);
    shown = await auditor
      .getByText(`${IMG} break`, { exact: false })
      .first()
      .isVisible()
      .catch(() => false);
  }
  expect(shown, 'the not-ready band’s tooltip shows the reason as text').toBe(true);
  await expect(auditor.getByTestId('audit-totals').getByText(`${IMG} break`).first()).toBeVisible();

  expect(dialogs).toEqual([]);
});
