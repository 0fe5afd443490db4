// Issue 16 (5), "a call's tags", in zh-CN through the desks: agent1 takes a customer call and hands it to agent5 by
// help + connect-and-release; each agent is asked for, and tags, their own part. The documented rule (decision 0016,
// docs/work-orders-and-alarms.md): the outage alarm counts a call while ANY agent's latest tag on it is "work order
// dispatched" — agent5's "consultation" does not undo agent1's dispatch; agent1 replacing their own dispatch tag
// uncounts the call, and the supervisor's alarm history shows it. While agent5's customer call is untagged, no path
// through the softphone gives agent5 another customer: dial and pick-up are refused with the zh-CN reason, and a
// colleague cannot send a call there (help, and so connect-and-release or conference).
import { expect, test } from '@playwright/test';
import { clearAgent, deskOf, legOf, sessions, toast, type Session } from './desk-helpers';
import { login, openMenu, pickColleague, screenshot, session } from './support';

test.describe.configure({ timeout: 300_000 });

interface Customer {
  id: string;
  name: string;
  area: string;
  phones: string[];
}

/** Choose an option of an antd select by typing part of its label (the select filters on its label). */
async function choose(page: import('@playwright/test').Page, testId: string, text: string) {
  const select = page.getByTestId(testId);
  await select.click();
  await page.keyboard.type(text);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
}

/**
 * Answer `callId` for `agentId` as soon as the PBX offers it. The PBX answers from memory; the desk's read models may lag
 * many seconds on a loaded machine (a 20 s ring would be over before the read model showed it ringing).
 */
async function answerWhenOffered(s: Session, callId: string) {
  await expect
    .poll(async () => {
      const r = await s.post<{ status?: number }>(`/api/calls/${callId}/answer`, {}, [404, 409, 422]);
      return !r || typeof r.status !== 'number';
    }, { timeout: 60_000, intervals: [300] })
    .toBe(true);
}

test('each agent tags their own part; a dispatch holds against a colleague’s tag; replacing it shows in the alarm history; untagged blocks the softphone', async ({
  browser,
  playwright,
  baseURL,
}) => {
  const s = await sessions(playwright, baseURL, ['supervisor1', 'agent1', 'agent5']);
  for (const a of ['agent1', 'agent5']) {
    await clearAgent(s[a], a, s.supervisor1);
    // the desk reads the agent's state from the read model at load: wait until it has the sign-out
    await expect.poll(async () => (await s[a].get<{ state: string }>(`/api/agents/${a}`)).state, { timeout: 60_000 }).toBe('signedOut');
  }
  // The customer call must ring at agent1 only: every other agent an earlier spec left ready is signed out (by the admin).
  const admin = await session(playwright, baseURL, 'admin');
  const presence = await s.agent1.get<{ agentId: string; state: string }[]>('/api/agents/presence');
  for (const other of presence.filter((a) => !['agent1', 'agent5'].includes(a.agentId) && ['ready', 'notReady'].includes(a.state)))
    await admin.post(`/api/agents/${encodeURIComponent(other.agentId)}/sign-out`, {}, [403, 404, 409, 422]);

  // A customer whose number only they use: the tag records their area without asking.
  let customer: Customer | undefined;
  for (const c of await s.agent1.get<Customer[]>('/api/customers?q=1391&take=30')) {
    if ((await s.agent1.get<Customer[]>(`/api/customers?q=${c.phones[0]}`)).filter((x) => x.phones.includes(c.phones[0])).length === 1) {
      customer = c;
      break;
    }
  }
  expect(customer, 'a customer with a number of their own').toBeTruthy();
  const day = new Date();
  const range = `from=${new Date(day.getTime() - 86_400_000).toISOString().slice(0, 10)}&to=${new Date(day.getTime() + 86_400_000).toISOString().slice(0, 10)}&area=${customer!.area}`;
  const uncounts = async () =>
    (await s.supervisor1.get<{ kind: string; callId?: string | null }[]>(`/api/alarms?${range}`)).filter((h) => h.kind === 'uncounted');
  const uncountsBefore = (await uncounts()).length;

  const page1 = await deskOf(browser, 'agent1', 'zh-CN');
  // the PBX routes by the agents' read model: wait until it has agent1 ready (after hours an unseen duty agent means voicemail)
  await expect.poll(async () => (await s.agent1.get<{ state: string }>('/api/agents/agent1')).state, { timeout: 60_000 }).toBe('ready');
  const { callId } = await s.supervisor1.post<{ callId: string }>('/api/simulator/calls', { ani: customer!.phones[0], queue: 'broadband' });
  await answerWhenOffered(s.agent1, callId);
  await expect(page1.getByTestId('call-timer')).toHaveAttribute('data-call-state', 'talking', { timeout: 60_000 });

  // agent5 comes in (after the customer call was taken), agent1 asks agent5 for help, then connects agent5 with the
  // customer and leaves (connect-and-release)
  const page5 = await deskOf(browser, 'agent5', 'zh-CN');
  await expect.poll(async () => (await s.agent1.get<{ agentId: string; state: string }[]>('/api/agents/presence')).find((a) => a.agentId === 'agent5')?.state, { timeout: 60_000 }).toBe('ready');
  await page1.getByTestId('btn-help').click();
  await pickColleague(page1, 'agent5');
  await page1.getByTestId('target-submit').click();
  await expect.poll(async () => (await s.agent1.get<{ callId: string; kind: string }[]>('/api/agents/agent1/calls')).find((c) => c.kind === 'help')?.callId, { timeout: 60_000 }).toBeTruthy();
  const help = (await s.agent1.get<{ callId: string; kind: string }[]>('/api/agents/agent1/calls')).find((c) => c.kind === 'help')!.callId;
  await answerWhenOffered(s.agent5, help);
  await expect(page1.getByTestId('btn-connect-release')).toBeEnabled({ timeout: 60_000 });
  await page1.getByTestId('btn-connect-release').click();
  await expect.poll(() => legOf(s.agent5, 'agent5', callId), { timeout: 60_000 }).toBe('talking');

  // agent1 left the call: asked for their own tag at once, and tags it "work order dispatched"
  await expect(page1.getByTestId('tag-dialog')).toBeVisible({ timeout: 60_000 });
  await choose(page1, 'tag-purpose', '已派工单');
  await choose(page1, 'tag-subtype', '故障报修');
  await page1.getByTestId('tag-submit').click();
  await expect(page1.getByTestId('tag-dialog')).toBeHidden();
  await expect.poll(async () => (await s.agent1.get<{ untaggedCallId?: string | null }>('/api/agents/agent1')).untaggedCallId ?? null).toBeNull();

  // agent5 ends the call with the customer: asked for their own tag of the same call
  await page5.getByTestId('btn-hang-up').click();
  await expect(page5.getByTestId('tag-dialog')).toBeVisible({ timeout: 60_000 });
  expect((await s.agent5.get<{ untaggedCallId?: string | null }>('/api/agents/agent5')).untaggedCallId).toBe(callId);

  // untagged: no other customer by any softphone path (R-TAG-2), each refusal in Chinese
  await page5.getByTestId('tag-later').click();
  await page5.getByTestId('btn-dial').click();
  await page5.getByTestId('dial-number').fill('13900001777');
  await page5.getByTestId('dial-submit').click();
  await expect(toast(page5)).toContainText(`请先为通话 ${callId} 打标签`);
  // a customer call ringing at agent1 (ready again, the only one): agent5 may not pick it up
  await s.agent1.post('/api/agents/agent1/ready');
  await expect.poll(async () => (await s.agent1.get<{ state: string }>('/api/agents/agent1')).state, { timeout: 60_000 }).toBe('ready');
  const { callId: ringing } = await s.supervisor1.post<{ callId: string }>('/api/simulator/calls', { ani: '13900001778', queue: 'broadband' });
  await page5.keyboard.press('Escape');
  await page5.getByTestId('btn-pick-up').click();
  await page5.getByTestId('pick-up-call-id').fill(ringing);
  await page5.getByTestId('pick-up-call-id').press('Enter');
  await expect(toast(page5)).toContainText(`请先为通话 ${callId} 打标签`);
  expect(await legOf(s.agent5, 'agent5', ringing)).toBeNull();
  await page5.keyboard.press('Escape');
  // nor can a colleague hand a customer over: help (and so connect-and-release or conference) is refused
  await answerWhenOffered(s.agent1, ringing);
  await expect(page1.getByTestId('btn-help')).toBeEnabled({ timeout: 60_000 });
  await page1.getByTestId('btn-help').click();
  await pickColleague(page1, 'agent5');
  await page1.getByTestId('target-submit').click();
  await expect(toast(page1)).toHaveText('agent5 需要先为上一通电话打标签。');
  await page1.locator('.ant-modal-close').click();
  await s.agent1.post(`/api/calls/${ringing}/hang-up`);
  await s.agent1.post(`/api/calls/${ringing}/tag`, { purpose: 'consultation', subtype: 'other' });

  // agent5 tags their part "consultation": the dispatch tag of agent1 still counts (no uncount)
  await page5.getByTestId('btn-tag-call').click();
  await choose(page5, 'tag-purpose', '咨询');
  await page5.getByTestId('tag-subtype').click();
  await page5.keyboard.press('Enter');
  await page5.getByTestId('tag-submit').click();
  await expect(page5.getByTestId('tag-dialog')).toBeHidden();
  await expect.poll(async () => (await s.agent5.get<{ untaggedCallId?: string | null }>('/api/agents/agent5')).untaggedCallId ?? null).toBeNull();
  await expect(page5.getByTestId('btn-ready')).toBeEnabled(); // each agent is free once their own part is tagged
  expect((await uncounts()).length, 'a colleague’s tag does not undo a dispatch').toBe(uncountsBefore);

  // agent1 replaces their own dispatch tag: the call leaves the alarm count and the history says so
  await s.agent1.post(`/api/calls/${callId}/tag`, { purpose: 'consultation', subtype: 'other', customerId: customer!.id });
  await expect.poll(async () => (await uncounts()).filter((u) => u.callId === callId).length, { timeout: 15_000 }).toBe(1);
  const sup = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1024, height: 768 } });
  const pageSup = await sup.newPage();
  await login(pageSup, 'supervisor1');
  await openMenu(pageSup, 'reports', 'alarm-history');
  const row = pageSup.getByTestId('alarm-change').filter({ hasText: callId });
  await expect(row).toBeVisible({ timeout: 15_000 });
  await expect(row).toContainText('来电不再计入');
  await screenshot(pageSup, 'desk-tags-alarm-history-1024-zh');

  for (const a of ['agent1', 'agent5']) await clearAgent(s[a], a, s.supervisor1);
});
