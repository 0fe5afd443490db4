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

test('breaks: a supervisor approves from the live list, the second lunch waits and is granted when the first is back', async ({ browser, playwright, baseURL }) => {
  const s = await sessions(playwright, baseURL, ['admin', 'supervisor1', 'agent6', 'agent7']);
  await s.admin.request.put('/api/reason-codes/lunch', {
    data: { name: 'Lunch', nameZh: '午餐', needsApproval: true, maxAway: 1 },
    headers: { 'X-XSRF-TOKEN': decodeURIComponent((await s.admin.request.storageState()).cookies.find((c) => c.name === 'XSRF-TOKEN')!.value) },
  });
  try {
    await readyByApi(s.agent6, 'agent6');
    await readyByApi(s.agent7, 'agent7');
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1024, height: 768 } });
    const page = await context.newPage();
    await login(page, 'supervisor1');
    await waitLive(page);
    await openMenu(page, 'monitor', 'break-requests');
    await expect(page.getByTestId('break-requests')).toBeVisible();

    await s.agent6.post('/api/agents/agent6/break-requests', { reasonCode: 'lunch' });
    await s.agent7.post('/api/agents/agent7/break-requests', { reasonCode: 'lunch' });
    await expect(page.getByTestId('break-state-agent7')).toHaveAttribute('data-state', 'pending', { timeout: 5_000 }); // pushed live
    await page.getByTestId('break-approve-agent6').click();
    await expect(page.getByTestId('break-state-agent6')).toHaveAttribute('data-state', 'approved');
    await page.getByTestId('break-approve-agent7').click();
    await expect(page.locator('.ant-message-notice').last()).toContainText('上限');
    await expect(page.getByTestId('break-state-agent7')).toHaveAttribute('data-state', 'pending');
    await screenshot(page, 'break-requests-1024');
    expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);

    // agent7's desk shows the request waiting for a place
    const agentContext = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1024, height: 768 } });
    const desk = await agentContext.newPage();
    await login(desk, 'agent7');
    await expect(desk.getByTestId('break-request-tag')).toHaveAttribute('data-state', 'pending');
    await screenshot(desk, 'break-request-agent-1024');

    await s.agent6.post('/api/agents/agent6/ready'); // back from lunch: agent7's is granted
    await expect(page.getByTestId('break-state-agent7')).toHaveAttribute('data-state', 'approved', { timeout: 5_000 });
    await expect(desk.getByTestId('status-state')).toHaveAttribute('data-state', 'notReady', { timeout: 5_000 });
    await agentContext.close();
    await context.close();
  } finally {
    const xsrf = decodeURIComponent((await s.admin.request.storageState()).cookies.find((c) => c.name === 'XSRF-TOKEN')!.value);
    await s.admin.request.put('/api/reason-codes/lunch', { data: { name: 'Lunch', nameZh: '午餐', needsApproval: false }, headers: { 'X-XSRF-TOKEN': xsrf } });
    for (const a of ['agent6', 'agent7'] as const) await s[a].post(`/api/agents/${a}/sign-out`, {}, [200, 422]);
  }
});
