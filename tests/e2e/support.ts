// Shared steps for the end-to-end specs. Everything is located by data-testid, so the specs
// do not depend on the UI language.
import fs from 'node:fs';
import path from 'node:path';
import { expect, type APIRequestContext, type Page, type PlaywrightWorkerArgs } from '@playwright/test';

export const PASSWORD = process.env.CALLCENTER_DEMO_PASSWORD || 'demo123';

/** README screenshots go to docs/screenshots with CALLCENTER_SCREENSHOTS=1, else test-results. */
const SHOTS_DIR =
  process.env.CALLCENTER_SCREENSHOTS === '1'
    ? path.resolve(__dirname, '..', '..', 'docs', 'screenshots')
    : path.resolve(__dirname, '..', '..', 'test-results', 'screenshots');

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  // let fonts, icons and animations settle: wait for the network to go quiet (bounded)
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => {});
  await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`) });
}

/** Open the SPA and sign in through the login form. Ends on the desktop. */
export async function login(page: Page, username: string, password = PASSWORD): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('login-username')).toBeVisible();
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-username')).toBeHidden({ timeout: 15_000 });
  // the desktop's status bar: agents have a state in it, other roles at least their work ID
  await expect(page.getByTestId('status-state').or(page.getByTestId('status-work-id')).first()).toBeVisible();
}

/** Wait until the page's SignalR connection reports connected (when the SPA shows it). */
export async function waitLive(page: Page): Promise<void> {
  const hub = page.getByTestId('status-connection');
  if (await hub.count()) await expect(hub).toHaveAttribute('data-status', 'connected');
}

/**
 * Open the Real-time monitor from the main menu. The contract names its menu key `monitor`;
 * the SPA may also nest it as `realtime-monitor` under a `monitor` group — take the leaf.
 */
export async function openRealtimeMonitor(page: Page): Promise<void> {
  const leaf = page.getByTestId('menu-realtime-monitor');
  if (await leaf.count()) {
    if (!(await leaf.isVisible())) await page.getByTestId('menu-monitor').locator('.ant-menu-submenu-title').first().click();
    await leaf.click();
  } else {
    await page.getByTestId('menu-monitor').click();
  }
}

export const statusState = (page: Page) => page.getByTestId('status-state');

/** Put the agent of this page into signedOut, whatever state an earlier run left it in. */
export async function ensureSignedOut(page: Page): Promise<void> {
  const state = await statusState(page).getAttribute('data-state');
  if (state === 'signedOut') return;
  if (state === 'wrapUp') await page.getByTestId('btn-end-wrap-up').click();
  await page.getByTestId('btn-sign-out').click();
  await expect(statusState(page)).toHaveAttribute('data-state', 'signedOut');
}

/**
 * Not ready needs a reason code. The reason picker may be a dropdown menu, a select, or a
 * modal; pick the first reason offered. Returns the visible text of the chosen reason.
 */
export async function goNotReady(page: Page, beforeChoosing?: () => Promise<void>): Promise<string> {
  await page.getByTestId('btn-not-ready').click();
  // reason-{code} items (the SPA's testids); else the items of an open dropdown/select popup
  const option = page
    .locator('[data-testid^="reason-"]:visible')
    .or(page.locator('.ant-dropdown:visible [role="menuitem"]:not(.ant-dropdown-menu-item-disabled)'))
    .or(page.locator('.ant-select-dropdown:visible [role="option"]'))
    .first();
  await expect(option).toBeVisible();
  const text = ((await option.textContent()) ?? '').trim();
  await beforeChoosing?.();
  await option.click();
  const ok = page.locator('.ant-modal-footer .ant-btn-primary, [data-testid="reason-confirm"]');
  if (await ok.first().isVisible().catch(() => false)) await ok.first().click();
  return text;
}

/**
 * Sign `username` in through the HTTP API (session cookie + XSRF header, as API.md fixes them)
 * and return a POST helper. Used to warm the server's command → projection → SignalR path up
 * before latency is measured, so a cold JIT does not count as push latency.
 */
export async function apiSession(request: APIRequestContext, username: string, password = PASSWORD) {
  const login = await request.post('/api/auth/login', { data: { username, password } });
  expect(login.status(), `login ${username}`).toBe(200);
  const { cookies } = await request.storageState();
  const xsrf = cookies.find((c) => c.name === 'XSRF-TOKEN')?.value;
  expect(xsrf, 'XSRF-TOKEN cookie set at login').toBeTruthy();
  return async (path: string, data: unknown = {}) => {
    const res = await request.post(path, { data, headers: { 'X-XSRF-TOKEN': decodeURIComponent(xsrf!) } });
    expect(res.status(), `POST ${path}`).toBeLessThan(300);
    return res;
  };
}

/** An API session of one user: cookie + XSRF header (API.md), GET and POST with status checks. */
export async function session(playwright: PlaywrightWorkerArgs['playwright'], baseURL: string | undefined, username: string) {
  const request: APIRequestContext = await playwright.request.newContext({ baseURL });
  const login = await request.post('/api/auth/login', { data: { username, password: PASSWORD } });
  expect(login.status(), `login ${username}`).toBe(200);
  const xsrf = (await request.storageState()).cookies.find((c) => c.name === 'XSRF-TOKEN')?.value ?? '';
  const headers = { 'X-XSRF-TOKEN': decodeURIComponent(xsrf) };
  return {
    request,
    async get<T>(path: string): Promise<T> {
      const res = await request.get(path);
      expect(res.status(), `GET ${path}`).toBe(200);
      return (await res.json()) as T;
    },
    async post<T = unknown>(path: string, data: unknown = {}, allowed: number[] = []): Promise<T> {
      const res = await request.post(path, { data, headers });
      if (!allowed.includes(res.status())) expect(res.status(), `POST ${path}: ${await res.text()}`).toBeLessThan(300);
      const text = await res.text();
      return (text ? JSON.parse(text) : undefined) as T;
    },
  };
}

/** In the transfer / consult / help dialog: search the colleague list by `query` and pick `agentId`. */
export async function pickColleague(page: Page, agentId: string, query = agentId): Promise<void> {
  const select = page.getByTestId('target-agent');
  await select.click();
  await page.keyboard.type(query);
  // The list shows the presence read when it opened and refreshes it: a colleague who signed in since shows as signed out
  // (not selectable) until the refresh lands, and clicking that option does nothing. Wait for the selectable option.
  const option = page.locator('.ant-select-item-option:not(.ant-select-item-option-disabled)', {
    has: page.getByTestId(`target-agent-option-${agentId}`),
  });
  await expect(option).toBeVisible({ timeout: 15_000 });
  await option.click();
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
}

/** Open a menu leaf (menu-{leaf}), expanding its group (menu-{group}) first when needed. */
export async function openMenu(page: Page, group: string, leaf: string): Promise<void> {
  const item = page.getByTestId(`menu-${leaf}`);
  if (!(await item.isVisible())) await page.getByTestId(`menu-${group}`).locator('.ant-menu-submenu-title').first().click();
  await item.click();
}

/** The active tab's content. */
export const activePane = (page: Page) => page.locator('.desktop-tab-pane:visible');

/**
 * Scrolls the last actionable element of the active tab into view and proves it can be clicked
 * there (Playwright's actionability: visible, stable, receives the pointer — not covered or clipped).
 */
export async function lastPartReachable(page: Page): Promise<void> {
  const pane = activePane(page);
  // what a user can click: a disabled button (e.g. "force sign-out" of an agent already signed out) is no target
  const parts = pane.locator('button:visible:not([disabled]), input:visible:not([disabled]), textarea:visible, a:visible, [role="combobox"]:visible, td:visible');
  await expect(parts.first()).toBeVisible();
  const last = parts.last();
  await last.scrollIntoViewIfNeeded();
  await expect(last).toBeInViewport();
  await last.click({ trial: true });
}

/** Every button of the desk toolbar sits on one row, and the toolbar is one row high. */
export async function toolbarOnOneRow(page: Page): Promise<void> {
  const toolbar = page.getByTestId('desk-toolbar');
  const box = await toolbar.boundingBox();
  expect(box!.height, 'toolbar height').toBeLessThan(56);
  const tops = await toolbar.locator('button:visible').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2)));
  expect(tops.length).toBeGreaterThan(5);
  expect(Math.max(...tops) - Math.min(...tops), `button centres ${tops.join(',')}`).toBeLessThanOrEqual(4);
  const overflow = await toolbar.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow, 'nothing cut off on the right').toBeLessThanOrEqual(1);
}
