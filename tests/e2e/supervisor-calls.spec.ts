import { expect, test, type Browser } from '@playwright/test';
import { clearAgent, sessions } from './desk-helpers';
import { login, openMenu, openRealtimeMonitor, screenshot, statusState, waitLive } from './support';

// Issue 14, first "Done when": supervisor1 silently monitors agent1's live call (agent1's screen shows nothing), whispers, barges in
// (three parties), intercepts (agent1 drops, the supervisor keeps the customer) and force-releases; the audit replay of agent1's day
// shows each step with supervisor1 as actor. Two browser contexts (supervisor1, agent1) at 1024×768.

async function pageOf(browser: Browser, user: string) {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  await login(page, user);
  await waitLive(page);
  return { context, page };
}

test('supervision: monitor, whisper, barge-in, intercept and force release, seen from both desks and in the audit', async ({ browser, playwright, baseURL }) => {
  const s = await sessions(playwright, baseURL, ['supervisor1', 'agent1']);
  await clearAgent(s.agent1, 'agent1', s.supervisor1);
  const agent = await pageOf(browser, 'agent1');
  const sup = await pageOf(browser, 'supervisor1');
  try {
    const desk = agent.page;
    await desk.getByTestId('btn-sign-in').click();
    await expect(statusState(desk)).toHaveAttribute('data-state', 'notReady');
    await desk.getByTestId('btn-ready').click();
    await expect(statusState(desk)).toHaveAttribute('data-state', 'ready');

    const page = sup.page;
    await openRealtimeMonitor(page);
    const { callId } = await s.supervisor1.post<{ callId: string }>('/api/simulator/calls', { ani: '13700000888', queue: 'broadband' });
    await expect(desk.getByTestId('call-answer')).toBeVisible({ timeout: 15_000 });
    await desk.getByTestId('call-answer').click();
    await expect(desk.getByTestId('call-state')).toHaveAttribute('data-state', 'talking');
    await expect(page.getByTestId('agent-state-agent1')).toHaveAttribute('data-state', 'talking', { timeout: 10_000 });
    const header = desk.getByTestId('call-header');
    const before = await header.innerText();

    // Silent monitor from the row's menu (keyboard: the menu button takes Enter).
    await page.getByTestId('supervise-agent1').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('supervise-monitor-agent1').click();
    const bar = page.getByTestId('supervision-bar');
    await expect(bar).toHaveAttribute('data-mode', 'monitor');
    await expect(bar).toHaveAttribute('data-live-mode', 'monitor', { timeout: 5_000 }); // the push has gone out
    await expect(desk.getByTestId('call-supervisor')).toHaveCount(0);
    const secs = /\s·\s[\d:]+/g; // the running call timer
    expect((await header.innerText()).replace(secs, '')).toBe(before.replace(secs, ''));
    await screenshot(page, 'supervision-monitor-1024');
    await screenshot(desk, 'supervision-monitor-agent-1024');

    await page.getByTestId('supervision-bar-whisper').click();
    await expect(desk.getByTestId('call-supervisor')).toHaveAttribute('data-mode', 'whisper', { timeout: 5_000 });
    await expect(desk.getByTestId('call-supervisor')).toContainText('supervisor1');

    await page.getByTestId('supervision-bar-barge').click();
    await expect(desk.getByTestId('call-supervisor')).toHaveAttribute('data-mode', 'barge', { timeout: 5_000 });
    await expect(bar).toHaveAttribute('data-live-mode', 'barge');
    await screenshot(desk, 'supervision-barge-agent-1024');

    await page.getByTestId('supervision-bar-intercept').click();
    await expect(bar).toHaveAttribute('data-mode', 'intercept');
    await expect(desk.getByTestId('call-state')).toHaveAttribute('data-state', 'ended', { timeout: 5_000 }); // agent1 dropped
    await expect(statusState(desk)).toHaveAttribute('data-state', 'wrapUp');
    await expect(page.getByTestId('supervision-bar-leave-supervision')).toHaveCount(0); // only release is left
    await screenshot(page, 'supervision-intercept-1024');
    expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);

    await page.getByTestId('supervision-bar-force-release').click();
    await expect(bar).toHaveCount(0, { timeout: 5_000 });

    // The audit replay of agent1's day: each step, supervisor1 its actor.
    type Replay = { calls: { callId: string; events: { type: string; actor: string | null; data: { mode?: string } }[] }[] };
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const replay = await s.supervisor1.get<Replay>(`/api/audit/agents/agent1/days/${day}`);
    const steps = replay.calls.find((c) => c.callId === callId)!.events.filter((e) => e.type === 'CallSupervised.v1');
    expect(steps.map((e) => [e.data.mode, e.actor])).toEqual(['monitor', 'whisper', 'barge', 'intercept', 'release'].map((m) => [m, 'supervisor1']));
    const all = replay.calls.find((c) => c.callId === callId)!.events;
    expect(all.find((e) => e.type === 'CallEnded.v1')).toMatchObject({ actor: 'supervisor1' }); // the recorder's RecordingReady may follow
  } finally {
    await agent.context.close();
    await sup.context.close();
    await clearAgent(s.agent1, 'agent1', s.supervisor1);
  }
});

test('thresholds and pause: the team sets not ready > 0.1 min, a forced pause of agent2 toasts the breach on the supervisor desk', async ({ browser, playwright, baseURL }) => {
  const s = await sessions(playwright, baseURL, ['supervisor1', 'agent2']);
  await clearAgent(s.agent2, 'agent2', s.supervisor1);
  const sup = await pageOf(browser, 'supervisor1');
  try {
    const page = sup.page;
    await openMenu(page, 'monitor', 'team-thresholds');
    await expect(page.getByTestId('thresholds-team')).toContainText('一组');
    await page.getByTestId('thresholds-notReadySeconds').fill('0.1');
    await page.getByTestId('thresholds-save').click();
    await expect(page.locator('.ant-message-notice').last()).toBeVisible();
    await screenshot(page, 'team-thresholds-1024');
    expect(await s.supervisor1.get<{ notReadySeconds: number }>('/api/teams/team-1/thresholds')).toMatchObject({ notReadySeconds: 6 });

    await s.agent2.post('/api/agents/agent2/sign-in');
    await s.agent2.post('/api/agents/agent2/ready');
    await openRealtimeMonitor(page);
    await expect(page.getByTestId('agent-state-agent2')).toHaveAttribute('data-state', 'ready', { timeout: 10_000 });
    await page.getByTestId('force-pause-agent2').click();
    await expect.poll(async () => (await s.agent2.get<{ reasonCode: string; changedBy: string }>('/api/agents/agent2'))).toMatchObject({ reasonCode: 'pause', changedBy: 'supervisor1' });
    await expect(page.getByTestId('toast-threshold-agent2')).toBeVisible({ timeout: 20_000 });
    await screenshot(page, 'threshold-toast-1024');
  } finally {
    await s.supervisor1.request.put('/api/teams/team-1/thresholds', {
      data: {},
      headers: { 'X-XSRF-TOKEN': decodeURIComponent((await s.supervisor1.request.storageState()).cookies.find((c) => c.name === 'XSRF-TOKEN')!.value) },
    });
    await sup.context.close();
    await clearAgent(s.agent2, 'agent2', s.supervisor1);
  }
});
