// Quality inspection (issue 15): an admin's form; a recorded call of agent1 is sampled for review; QA scores it on the page
// while listening, with a comment at the player's moment; agent1 sees the score on the desktop and disputes it; the QA report
// shows it. Screens at 1024×768: the score panel, the agent's scores, the forms page, the report.
import { expect, test } from '@playwright/test';
import { activePane, login, openMenu, screenshot, session } from './support';

type Session = Awaited<ReturnType<typeof session>>;
interface LiveCall {
  callId: string;
  parties: { agentId: string; state: string }[];
}

const legOf = async (s: Session, agentId: string, callId: string) =>
  (await s.get<LiveCall[]>(`/api/agents/${agentId}/calls`)).find((c) => c.callId === callId)?.parties.find((p) => p.agentId === agentId)?.state ?? null;
const stateOf = async (s: Session, agentId: string) => (await s.get<{ state: string }>(`/api/agents/${agentId}`)).state;

async function clearDesk(s: Session, agentId: string) {
  for (const call of await s.get<LiveCall[]>(`/api/agents/${agentId}/calls`)) await s.post(`/api/calls/${call.callId}/hang-up`, {}, [404, 422]);
  await expect.poll(async () => (await s.get<LiveCall[]>(`/api/agents/${agentId}/calls`)).length).toBe(0);
  const state = await s.get<{ state: string; untaggedCallId?: string | null }>(`/api/agents/${agentId}`);
  if (state.untaggedCallId) await s.post(`/api/calls/${state.untaggedCallId}/tag`, { purpose: 'consultation', subtype: 'other' });
  if (state.state !== 'signedOut') await s.post(`/api/agents/${agentId}/sign-out`);
  await expect.poll(() => stateOf(s, agentId)).toBe('signedOut');
}

test('QA scores a sampled call with a comment at a moment; the agent sees the score on the desktop and disputes it', async ({ page, browser, playwright, baseURL }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1024, height: 768 });
  const admin = await session(playwright, baseURL, 'admin');
  const qa = await session(playwright, baseURL, 'qa1');
  const agent1 = await session(playwright, baseURL, 'agent1');
  const agent5 = await session(playwright, baseURL, 'agent5');
  const formId = `e2e${Date.now().toString(36)}`;
  const res = await admin.request.put(`/api/qa/forms/${formId}`, {
    headers: { 'X-XSRF-TOKEN': decodeURIComponent((await admin.request.storageState()).cookies.find((c) => c.name === 'XSRF-TOKEN')?.value ?? '') },
    data: {
      name: `Hotline basics ${formId}`,
      sections: [
        { name: 'Opening', items: [{ id: 'greet', text: 'Greets with name and center', weight: 10, failing: false }] },
        {
          name: 'Handling',
          items: [
            { id: 'verify', text: "Verifies the customer's identity", weight: 30, failing: true },
            { id: 'solve', text: 'Solves or dispatches', weight: 60, failing: false },
          ],
        },
      ],
    },
  });
  expect(res.status(), await res.text()).toBe(200);

  // a recorded call of agent1 (about 3 s of talk)
  await clearDesk(agent5, 'agent5');
  await clearDesk(agent1, 'agent1');
  await agent1.post('/api/agents/agent1/sign-in');
  await agent1.post('/api/agents/agent1/ready');
  await expect.poll(() => stateOf(agent1, 'agent1')).toBe('ready');
  const ani = `1385555${String(Date.now() % 10_000).padStart(4, '0')}`;
  const { callId } = await admin.post<{ callId: string }>('/api/simulator/calls', { ani, queue: 'broadband' });
  await expect.poll(() => legOf(agent1, 'agent1', callId), { timeout: 15_000 }).toBe('ringing');
  const from = new Date(Date.now() - 1000).toISOString();
  await agent1.post(`/api/calls/${callId}/answer`);
  await expect.poll(() => legOf(agent1, 'agent1', callId)).toBe('talking');
  await page.waitForTimeout(3_000); // the conversation
  await agent1.post(`/api/calls/${callId}/hang-up`);
  await agent1.post(`/api/calls/${callId}/tag`, { purpose: 'consultation', subtype: 'other' });
  await expect.poll(async () => (await qa.get<{ id: string }[]>(`/api/recordings?ani=${ani}`)).map((r) => r.id), { timeout: 30_000 }).toEqual([callId]);

  // sampled for review: agent1's recorded calls since just before this one
  const sampled = await qa.post<{ callId: string }[]>('/api/qa/samples', { from, to: new Date(Date.now() + 60_000).toISOString(), perAgent: 1, agentId: 'agent1' });
  expect(sampled.map((s) => s.callId)).toEqual([callId]);
  await expect
    .poll(async () => (await qa.get<{ callId: string }[]>('/api/qa/reviews?status=sampled&agentId=agent1')).some((r) => r.callId === callId), { timeout: 30_000 })
    .toBe(true);

  // QA scores it on the page while listening
  await login(page, 'qa1');
  await openMenu(page, 'recordings', 'qa-reviews');
  const row = activePane(page).getByTestId(`qa-row-${callId}`);
  await expect(row).toBeVisible({ timeout: 15_000 });
  await activePane(page).getByTestId(`qa-score-${callId}`).click();
  const audio = page.getByTestId('qa-audio');
  await audio.evaluate((el: HTMLAudioElement) => el.play().catch(() => undefined));
  await expect.poll(() => audio.evaluate((el: HTMLAudioElement) => (el.error ? `error ${el.error.code}` : el.currentTime)), { timeout: 10_000 }).toBeGreaterThan(1);
  await audio.evaluate((el: HTMLAudioElement) => el.pause());
  const second = Math.floor(await audio.evaluate((el: HTMLAudioElement) => el.currentTime));
  await page.getByTestId('qa-form').click();
  await page.locator('.ant-select-item-option', { hasText: `Hotline basics ${formId}` }).click();
  await page.getByTestId('qa-points-solve').fill('40'); // the testid is on the input
  await page.getByTestId('qa-comment-text').fill('Did not repeat the fault number back');
  await page.getByTestId('qa-comment-add').click();
  await expect(page.getByTestId('qa-total')).toHaveText('80 / 100');
  await screenshot(page, 'quality-score');
  await page.getByTestId('qa-score-submit').click();
  await expect(page.getByTestId('qa-score-panel')).toHaveCount(0);

  const scored = await qa.get<{ callId: string; score: number; comments: { second: number; text: string }[] }[]>('/api/qa/reviews?agentId=agent1&status=scored');
  const review = scored.find((r) => r.callId === callId);
  expect(review?.score).toBe(80);
  expect(review?.comments).toEqual([{ second, text: 'Did not repeat the fault number back' }]);

  // agent1 sees the score on the desktop and disputes it
  const agentContext = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const agentPage = await agentContext.newPage();
  await login(agentPage, 'agent1');
  await openMenu(agentPage, 'my-info', 'my-qa-scores');
  await expect(activePane(agentPage).getByTestId(`my-qa-score-${callId}`)).toHaveText('80', { timeout: 15_000 });
  await activePane(agentPage).getByTestId(`my-qa-dispute-${callId}`).click();
  await agentPage.getByTestId('my-qa-dispute-reason').fill('I did repeat it');
  await agentPage.getByTestId('my-qa-dispute-submit').click();
  await expect(activePane(agentPage).getByTestId(`my-qa-dispute-${callId}`)).toHaveCount(0, { timeout: 15_000 });
  await screenshot(agentPage, 'quality-my-scores');
  await agentContext.close();

  // the admin's forms page and the QA report
  const adminContext = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const adminPage = await adminContext.newPage();
  await login(adminPage, 'admin');
  await openMenu(adminPage, 'recordings', 'qa-forms');
  await expect(activePane(adminPage).getByText(`Hotline basics ${formId}`)).toBeVisible();
  await screenshot(adminPage, 'quality-forms');
  await openMenu(adminPage, 'reports', 'report-qa');
  await screenshot(adminPage, 'quality-report');
  await adminContext.close();

  await clearDesk(agent1, 'agent1');
});
