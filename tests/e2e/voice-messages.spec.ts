// Voice messages on the desktop (R-ACD-5, issue 15): a message the PBX reported is listed for agents; it plays in Chromium
// (the audio element's time advances); the agent calls the caller back and marks it handled. And the admins' recording policy page.
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { activePane, login, openMenu, screenshot, session } from './support';

type Session = Awaited<ReturnType<typeof session>>;
const stateOf = async (s: Session, agentId: string) => (await s.get<{ state: string }>(`/api/agents/${agentId}`)).state;

test('an agent plays a voice message, calls the caller back and marks it handled', async ({ page, playwright, baseURL, request }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1024, height: 768 });
  const callId = `vm-e2e-${Date.now().toString(36)}`;
  const ani = `1390${String(Date.now() % 10_000_000).padStart(7, '0')}`;
  const posted = await request.post('/api/cti/events', {
    headers: { 'X-Api-Key': process.env.CALLCENTER_CTI_KEY || 'dev-cti-key' },
    data: [{ eventId: randomUUID(), type: 'VoiceMessageLeft', callId, occurredAt: new Date().toISOString(), ani, queue: 'broadband', durationSeconds: 6 }],
  });
  expect(posted.status(), await posted.text()).toBe(202);

  const agent3 = await session(playwright, baseURL, 'agent3');
  for (const c of await agent3.get<{ callId: string }[]>('/api/agents/agent3/calls')) await agent3.post(`/api/calls/${c.callId}/hang-up`, {}, [404, 422]);
  const before = await agent3.get<{ untaggedCallId?: string | null }>('/api/agents/agent3');
  if (before.untaggedCallId) await agent3.post(`/api/calls/${before.untaggedCallId}/tag`, { purpose: 'consultation', subtype: 'other' });
  if ((await stateOf(agent3, 'agent3')) === 'signedOut') await agent3.post('/api/agents/agent3/sign-in');
  await login(page, 'agent3');
  await openMenu(page, 'call-handling', 'voice-messages');
  const row = activePane(page).getByTestId(`voice-message-${callId}`);
  await expect(row).toBeVisible({ timeout: 15_000 });

  await activePane(page).getByTestId(`voice-message-play-${callId}`).click();
  const audio = activePane(page).getByTestId('voice-message-audio');
  await audio.evaluate((el: HTMLAudioElement) => el.play().catch(() => undefined));
  await expect.poll(() => audio.evaluate((el: HTMLAudioElement) => (el.error ? `error ${el.error.code}` : el.currentTime)), { timeout: 10_000 }).toBeGreaterThan(0.5);
  await screenshot(page, 'voice-messages');

  await activePane(page).getByTestId(`voice-message-handled-${callId}`).click();
  await expect(row).toHaveCount(0, { timeout: 15_000 }); // leaves the "to do" list
  const handled = await agent3.get<{ callId: string; handledBy: string }[]>('/api/voice-messages?handled=true');
  expect(handled.find((m) => m.callId === callId)?.handledBy).toBe('agent3');

  // calling back dials the caller's number (the desk then opens the call's tab)
  await activePane(page).getByTestId('voice-messages-filter').getByText('All').click();
  await activePane(page).getByTestId(`voice-message-call-${callId}`).click();
  await expect.poll(async () => (await agent3.get<{ callId: string }[]>('/api/agents/agent3/calls')).length, { timeout: 15_000 }).toBeGreaterThan(0);
  for (const c of await agent3.get<{ callId: string }[]>('/api/agents/agent3/calls')) await agent3.post(`/api/calls/${c.callId}/hang-up`, {}, [404, 422]);
  await expect.poll(async () => (await agent3.get<{ untaggedCallId?: string | null }>('/api/agents/agent3')).untaggedCallId ?? null).not.toBeNull();
  const untagged = (await agent3.get<{ untaggedCallId: string }>('/api/agents/agent3')).untaggedCallId;
  await agent3.post(`/api/calls/${untagged}/tag`, { purpose: 'consultation', subtype: 'other' });
  await agent3.post('/api/agents/agent3/sign-out', {}, [422]);
});

test('the admin sees and saves the recording policy', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await login(page, 'admin');
  await openMenu(page, 'recordings', 'recording-policy');
  await expect(activePane(page).getByTestId('recording-retention')).toBeVisible();
  await activePane(page).getByTestId('recording-rule-add').click();
  const queue = `e2e-${Date.now().toString(36)}`;
  await activePane(page).locator('[data-testid^="recording-rule-key-"]').last().fill(queue); // the new rule, after the others
  await screenshot(page, 'recording-policy');
  await activePane(page).getByTestId('recording-policy-save').click();
  await expect(activePane(page).getByTestId('recording-policy-saved')).toBeVisible();
  const res = await page.request.get('/api/recordings/policy');
  const policy = (await res.json()) as { rules: { scope: string; key: string | null; mode: string; sharePercent: number }[] };
  expect(policy.rules.find((r) => r.key === queue)).toEqual({ scope: 'queue', key: queue, mode: 'share', sharePercent: 50 });
  // leave the policy as it was: remove the rule again
  await activePane(page).locator('[data-testid^="recording-rule-"] button[aria-label]').last().click();
  await activePane(page).getByTestId('recording-policy-save').click();
  await expect.poll(async () => ((await (await page.request.get('/api/recordings/policy')).json()) as typeof policy).rules.some((r) => r.key === queue)).toBe(false);
});
