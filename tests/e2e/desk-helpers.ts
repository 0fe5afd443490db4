// Shared steps of the issue-16 desk specs: a clean agent, a call ringing at one agent.
import { expect, type Page, type PlaywrightWorkerArgs } from '@playwright/test';
import { login, session, statusState, waitLive } from './support';

export type Session = Awaited<ReturnType<typeof session>>;
interface LiveCall {
  callId: string;
  parties: { agentId: string; state: string }[];
}

/** No call, nothing to tag, signed out. */
export async function clearAgent(s: Session, agentId: string, supervisor?: Session) {
  for (const call of await s.get<LiveCall[]>(`/api/agents/${agentId}/calls`)) {
    await s.post(`/api/calls/${call.callId}/hang-up`, {}, [404, 422]);
    await supervisor?.post(`/api/simulator/calls/${call.callId}/hang-up`, {}, [404, 422]); // the customer leaves too
  }
  await expect.poll(async () => (await s.get<LiveCall[]>(`/api/agents/${agentId}/calls`)).length, { timeout: 15_000 }).toBe(0);
  await expect.poll(async () => (await s.get<{ state: string }>(`/api/agents/${agentId}`)).state).not.toBe('talking');
  for (let i = 0; i < 3; i++) {
    const st = await s.get<{ state: string; untaggedCallId?: string | null }>(`/api/agents/${agentId}`);
    if (!st.untaggedCallId) break;
    await s.post(`/api/calls/${st.untaggedCallId}/tag`, { purpose: 'consultation', subtype: 'other' });
    await expect.poll(async () => (await s.get<{ untaggedCallId?: string | null }>(`/api/agents/${agentId}`)).untaggedCallId).not.toBe(st.untaggedCallId);
  }
  if ((await s.get<{ state: string }>(`/api/agents/${agentId}`)).state !== 'signedOut') await s.post(`/api/agents/${agentId}/sign-out`);
}

export async function readyByApi(s: Session, agentId: string) {
  await s.post(`/api/agents/${agentId}/sign-in`);
  await s.post(`/api/agents/${agentId}/ready`);
  await expect.poll(async () => (await s.get<{ state: string }>(`/api/agents/${agentId}`)).state).toBe('ready');
}

export const legOf = async (s: Session, agentId: string, callId: string) =>
  (await s.get<LiveCall[]>(`/api/agents/${agentId}/calls`)).find((c) => c.callId === callId)?.parties.find((p) => p.agentId === agentId)?.state ?? null;

/** A customer call placed through the simulator, ringing at `agentId` (the only ready agent of the queue). */
export async function callRingingAt(supervisor: Session, agent: Session, agentId: string, ani: string, queue = 'broadband') {
  const { callId } = await supervisor.post<{ callId: string }>('/api/simulator/calls', { ani, queue });
  await expect.poll(() => legOf(agent, agentId, callId), { timeout: 15_000 }).toBe('ringing');
  return callId;
}

/** The desk of `user` in a new context (language and size), signed in and ready through the UI. */
export async function deskOf(browser: import('@playwright/test').Browser, user: string, locale = 'zh-CN'): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByTestId('login-username')).toBeVisible({ timeout: 30_000 }); // a loaded machine: the SPA may take a while
  await login(page, user);
  await waitLive(page);
  await page.getByTestId('btn-sign-in').click();
  await expect(statusState(page)).toHaveAttribute('data-state', 'notReady');
  await page.getByTestId('btn-ready').click();
  await expect(statusState(page)).toHaveAttribute('data-state', 'ready');
  return page;
}

export const sessions = async (playwright: PlaywrightWorkerArgs['playwright'], baseURL: string | undefined, users: string[]) =>
  Object.fromEntries(await Promise.all(users.map(async (u) => [u, await session(playwright, baseURL, u)] as const))) as Record<string, Session>;

/** The text of the toast shown now. */
export const toast = (page: Page) => page.locator('.ant-message-notice').last();
