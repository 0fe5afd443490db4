// Issue 16 (3, 4, 5): agent1 consults by picking a colleague from a searchable list (by name); a busy
// colleague and an agent with an untagged call are refused in the user's language (zh-CN); an
// unanswered consult tells the agent; on connect-and-release the joining agent sees the same pop.
import { expect, test } from '@playwright/test';
import { callRingingAt, clearAgent, deskOf, legOf, readyByApi, sessions, toast } from './desk-helpers';
import { pickColleague, session } from './support';

test.describe.configure({ timeout: 300_000 });

test('consult picks a colleague by name; busy, untagged and unanswered colleagues get zh-CN messages; the joining agent sees the pop', async ({
  browser,
  playwright,
  baseURL,
}) => {
  const s = await sessions(playwright, baseURL, ['supervisor1', 'agent1', 'agent2', 'agent5']);
  for (const a of ['agent1', 'agent2', 'agent5']) await clearAgent(s[a], a, s.supervisor1);
  const presence = await s.agent1.get<{ agentId: string; name: string; state: string }[]>('/api/agents/presence');
  // The customer calls below must ring at agent1, then at agent5: the ACD offers a call to any ready agent of the
  // skill group (the more proficient first), so every other agent an earlier spec left signed in is signed out here.
  // By the admin (who may act for any agent): users an earlier spec created have passwords of their own, or are disabled.
  // Only a ready or not-ready agent can be offered a call later; one on a call or in after-call work cannot.
  const admin = await session(playwright, baseURL, 'admin');
  for (const other of presence.filter((a) => !['agent1', 'agent2', 'agent5'].includes(a.agentId) && ['ready', 'notReady'].includes(a.state))) {
    await admin.post(`/api/agents/${encodeURIComponent(other.agentId)}/sign-out`, {}, [403, 404, 409, 422]);
  }
  const name5 = presence.find((a) => a.agentId === 'agent5')!.name;

  const page = await deskOf(browser, 'agent1', 'zh-CN');
  await expect.poll(async () => (await s.agent1.get<{ state: string }>('/api/agents/agent1')).state).toBe('ready');
  const customer = (await s.agent1.get<{ id: string; name: string; phones: string[] }[]>('/api/customers?q=13&take=1'))[0];
  const callId = await callRingingAt(s.supervisor1, s.agent1, 'agent1', customer.phones[0]);
  await page.getByTestId('btn-answer').click();
  await expect(page.getByTestId('call-timer')).toHaveAttribute('data-call-state', 'talking');

  // agent5 busy on a call of their own: the consult is refused, in Chinese
  await readyByApi(s.agent5, 'agent5');
  const other = await callRingingAt(s.supervisor1, s.agent5, 'agent5', '13900001901');
  await s.agent5.post(`/api/calls/${other}/answer`);
  await expect.poll(() => legOf(s.agent5, 'agent5', other)).toBe('talking');
  await page.getByTestId('btn-consult').click();
  await pickColleague(page, 'agent5', name5.slice(0, 1)); // searched by the surname
  await page.getByTestId('target-submit').click();
  await expect(toast(page)).toHaveText('agent5 正在通话中。');

  // agent5's call ended but is not tagged: not callable for help (R-TAG-2), in Chinese
  await s.agent5.post(`/api/calls/${other}/hang-up`);
  await expect.poll(async () => (await s.agent5.get<{ untaggedCallId?: string }>('/api/agents/agent5')).untaggedCallId).toBe(other);
  await page.getByTestId('target-submit').click();
  await expect(toast(page)).toHaveText('agent5 需要先为上一通电话打标签。');
  await page.locator('.ant-modal-close').click();

  // agent2 does not answer the help call: the PBX gives up after its ring time and agent1 is told
  await readyByApi(s.agent2, 'agent2');
  await page.getByTestId('btn-help').click();
  await pickColleague(page, 'agent2');
  await page.getByTestId('target-submit').click();
  const unanswered = page.locator('.ant-message-notice', { hasText: '未接听' });
  await expect(unanswered).toBeVisible({ timeout: 45_000 });

  // agent5 tags, is ready, and takes the call by connect-and-release: agent5's desk shows the same pop
  await s.agent5.post(`/api/calls/${other}/tag`, { purpose: 'consultation', subtype: 'other' });
  await expect.poll(async () => (await s.agent5.get<{ untaggedCallId?: string | null }>('/api/agents/agent5')).untaggedCallId ?? null).toBeNull();
  await s.agent5.post('/api/agents/agent5/sign-out'); // after-call work, tagged: sign-out is allowed; the desk signs in again
  const page5 = await deskOf(browser, 'agent5', 'zh-CN');
  await expect.poll(async () => (await s.agent5.get<{ state: string }>('/api/agents/agent5')).state).toBe('ready');
  await expect(page.getByTestId('btn-consult')).toBeEnabled();
  await page.getByTestId('btn-consult').click();
  await pickColleague(page, 'agent5', name5);
  await page.getByTestId('target-submit').click();
  await expect(page5.getByTestId('btn-answer')).toBeEnabled({ timeout: 15_000 });
  await page5.getByTestId('btn-answer').click();
  await expect(page.getByTestId('btn-connect-release')).toBeEnabled();
  await page.getByTestId('btn-connect-release').click();
  await expect.poll(() => legOf(s.agent5, 'agent5', callId)).toBe('talking');
  await expect(page5.getByTestId(`call-tab-${callId}`)).toBeVisible();
  await page5.getByTestId(`call-tab-${callId}`).click();
  await expect(page5.getByTestId('pop-customer-name').first()).toHaveText(customer.name);
  await expect(page5.getByTestId('pop-unavailable')).toHaveCount(0);

  await s.agent5.post(`/api/calls/${callId}/hang-up`);
  for (const a of ['agent1', 'agent2', 'agent5']) await clearAgent(s[a], a, s.supervisor1);
});
