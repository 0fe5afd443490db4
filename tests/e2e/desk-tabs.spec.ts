// Issue 16 (2): with five tabs open including a live call's, opening more never closes the live call's tab.
import { expect, test } from '@playwright/test';
import { callRingingAt, clearAgent, deskOf, legOf, sessions } from './desk-helpers';
import { openMenu } from './support';

test('the tab limit never closes a live call: menu tabs go instead', async ({ browser, playwright, baseURL }) => {
  test.setTimeout(240_000);
  const s = await sessions(playwright, baseURL, ['supervisor1', 'agent1', 'agent5']);
  await clearAgent(s.agent1, 'agent1');
  await clearAgent(s.agent5, 'agent5');
  const page = await deskOf(browser, 'agent1', 'en-US');
  await expect.poll(async () => (await s.agent1.get<{ state: string }>('/api/agents/agent1')).state).toBe('ready');
  const callId = await callRingingAt(s.supervisor1, s.agent1, 'agent1', '13900001801');
  await expect(page.getByTestId('btn-answer')).toBeEnabled();
  await page.getByTestId('btn-answer').click();
  await expect(page.getByTestId('call-timer')).toHaveAttribute('data-call-state', 'talking');
  const callTab = page.getByTestId(`call-tab-${callId}`);
  await expect(callTab).toBeVisible();

  const tabs = page.locator('[data-testid="desktop-tabs"] .ant-tabs-tab');
  const leaves: [string, string][] = [
    ['call-handling', 'current-call'],
    ['service-support', 'customer-search'],
    ['service-support', 'work-orders'],
    ['my-info', 'my-account'],
    ['my-info', 'my-workload'],
    ['call-handling', 'call-history'],
  ];
  for (const [group, leaf] of leaves) {
    await openMenu(page, group, leaf);
    await expect(page.getByTestId(`tab-${leaf}`)).toBeVisible();
    expect(await tabs.count()).toBeLessThanOrEqual(5);
    expect(await legOf(s.agent1, 'agent1', callId), 'the call is still live').toBe('talking');
    await expect(callTab, `after opening ${leaf}`).toBeVisible(); // the live call keeps its tab
  }
  await s.agent1.post(`/api/calls/${callId}/hang-up`);
  await clearAgent(s.agent1, 'agent1');
  await page.context().close();
});
