import { expect, test } from '@playwright/test';
import { callRingingAt, readyByApi, sessions } from './desk-helpers';
import { login, openMenu, screenshot, waitLive } from './support';

// Issue 14: the supervisor's desk (wallboard, breaks) at 1024×768.
test('wallboard: a queued call shows live, readable at 1024x768 and in full screen', async ({ browser, playwright, baseURL }) => {
  const s = await sessions(playwright, baseURL, ['supervisor1', 'agent4']);
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  await login(page, 'supervisor1');
  await waitLive(page);
  await openMenu(page, 'monitor', 'queue-monitor');
  const board = page.getByTestId('wallboard');
  await expect(board.getByTestId('wallboard-queue-broadband')).toBeVisible();

  await readyByApi(s.agent4, 'agent4');
  await expect(page.getByTestId('wallboard-state-ready').getByTestId('wallboard-agent-agent4')).toBeVisible({ timeout: 5_000 });
  const callId = await callRingingAt(s.supervisor1, s.agent4, 'agent4', '13700000777');
  await expect(page.getByTestId('wallboard-queue-broadband').getByTestId('waiting')).toHaveText('1', { timeout: 5_000 });
  await screenshot(page, 'wallboard-1024');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  expect(overflow).toBe(false);

  await page.getByTestId('wallboard-fullscreen').click();
  await expect(board).toHaveAttribute('data-fullscreen', 'true');
  await screenshot(page, 'wallboard-fullscreen-1024');
  await page.getByTestId('wallboard-fullscreen').click();
  await expect(board).toHaveAttribute('data-fullscreen', 'false');

  await s.supervisor1.post(`/api/simulator/calls/${callId}/hang-up`, {}, [200, 404, 422]);
  await s.agent4.post('/api/agents/agent4/sign-out', {}, [200, 422]);
  await context.close();
});
