// Issue 13 "Done when": as admin in Chromium, create a queue with its skill group, calendar and strategy, assign two
// agents, place a call through the simulator: it reaches one of them; outside the calendar's hours it goes where the
// queue's rules say (here: voicemail). Everything admin-side through the pages; agents and the caller through the API.
import { expect, test } from '@playwright/test';
import { centerToday, choose, expectFitsWidth, openAdmin, runId } from './admin-support';
import { login, session } from './support';

test.use({ viewport: { width: 1024, height: 768 } });

const AGENTS = ['agent17', 'agent18'];

test('a queue made in the admin pages routes by its skill group and calendar', async ({ page, playwright, baseURL }) => {
  test.setTimeout(300_000);
  const id = runId();
  const group = `e2e-group-${id}`;
  const calendar = `e2e-hours-${id}`;
  const queue = `e2e-queue-${id}`;
  await login(page, 'admin');

  // skill group, then its two agents
  const groups = await openAdmin(page, 'skill-groups', 'admin-skill-groups');
  await groups.getByTestId('admin-skill-groups-new').click();
  await page.getByTestId('skill-group-id').fill(group);
  await page.getByTestId('skill-group-name').fill(`E2E group ${id}`);
  await page.getByTestId('skill-group-form-save').click();
  await expect(page.getByTestId(`skill-group-row-${group}`)).toBeVisible();
  await page.getByTestId(`skill-group-members-${group}`).click();
  await choose(page, 'skill-group-members-select', ...AGENTS);
  await page.getByTestId('skill-group-members-save').click();
  await expect(page.getByTestId(`skill-group-row-${group}`).getByTestId('skill-group-members')).toHaveText(AGENTS.join(', '));
  await expectFitsWidth(page);

  // a calendar open around the clock every day of the week
  const calendars = await openAdmin(page, 'business-calendars', 'admin-calendars');
  await calendars.getByTestId('admin-calendars-new').click();
  await page.getByTestId('calendar-id').fill(calendar);
  await page.getByTestId('calendar-name').fill(`E2E hours ${id}`);
  const rows = page.getByTestId('calendar-weekly-row');
  await expect(rows).toHaveCount(5); // a new calendar starts with Monday–Friday 08:00–20:00
  for (let i = 0; i < 2; i++) await page.getByTestId('calendar-weekly-add').click();
  await expect(rows).toHaveCount(7);
  const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
  for (let i = 0; i < 7; i++) {
    const row = rows.nth(i);
    await row.locator('.ant-select').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: days[i] }).click();
    await row.getByTestId('calendar-weekly-open').fill('00:00');
    await row.getByTestId('calendar-weekly-close').fill('24:00');
  }
  await page.getByTestId('calendar-form-save').click();
  await expect(page.getByTestId(`calendar-row-${calendar}`)).toBeVisible();

  // the queue: served by the group, routed by the calendar, voicemail after hours
  const queues = await openAdmin(page, 'queues', 'admin-queues');
  await queues.getByTestId('admin-queues-new').click();
  await page.getByTestId('queue-id').fill(queue);
  await page.getByTestId('queue-name').fill(`E2E queue ${id}`);
  await choose(page, 'queue-skill-group', group);
  await choose(page, 'queue-strategy', 'Longest idle');
  await page.getByTestId('queue-service-level').fill('15');
  await choose(page, 'queue-calendar', calendar);
  await choose(page, 'queue-after-hours', 'Voicemail');
  await page.getByTestId('queue-form-save').click();
  const row = page.getByTestId(`queue-row-${queue}`);
  await expect(row).toContainText(group);
  await expect(row).toContainText(calendar);
  await expectFitsWidth(page);

  // the two agents sign in (their profile now has the group) and go ready
  const agents = await Promise.all(AGENTS.map((a) => session(playwright, baseURL, a)));
  for (const [i, a] of agents.entries()) {
    await a.post(`/api/agents/${AGENTS[i]}/sign-out`, {}, [400, 409, 422]);
    await a.post(`/api/agents/${AGENTS[i]}/sign-in`, {});
    await a.post(`/api/agents/${AGENTS[i]}/ready`, {});
  }
  const admin = await session(playwright, baseURL, 'admin');
  const ringsAt = async (callId: string) => {
    const holders: string[] = [];
    for (const [i, a] of agents.entries()) {
      const calls = await a.get<{ callId: string }[]>(`/api/agents/${AGENTS[i]}/calls`);
      if (calls.some((c) => c.callId === callId)) holders.push(AGENTS[i]);
    }
    return holders;
  };

  // the PBX routes by the agent-states read model: wait until it has both ready in the group
  type AgentRow = { agentId: string; state: string; skillGroups: string[] };
  await expect
    .poll(async () => (await admin.get<AgentRow[]>('/api/agents')).filter((a) => AGENTS.includes(a.agentId) && a.state === 'ready' && a.skillGroups.includes(group)).length, {
      timeout: 60_000,
    })
    .toBe(2);

  // inside the calendar's hours: the call reaches one of the two
  const first = await admin.post<{ callId: string }>('/api/simulator/calls', { ani: '13912345678', queue, patienceSeconds: 600 });
  await expect.poll(() => ringsAt(first.callId), { timeout: 60_000 }).toHaveLength(1);
  await admin.post(`/api/simulator/calls/${first.callId}/hang-up`, {});

  // closed today (an exception without hours): the queue's rule sends the caller to voicemail, though both are ready
  await openAdmin(page, 'business-calendars', 'admin-calendars');
  await page.getByTestId(`calendar-edit-${calendar}`).click();
  await page.getByTestId('calendar-exception-add').click();
  await page.getByTestId('calendar-exception-date').fill(centerToday());
  await page.getByTestId('calendar-form-save').click();
  await expect(page.getByTestId('calendar-form')).toBeHidden();
  const second = await admin.post<{ callId: string }>('/api/simulator/calls', { ani: '13912345679', queue, patienceSeconds: 600 });
  await expect
    .poll(async () => (await admin.get<{ callId: string }[]>(`/api/voice-messages?queue=${queue}`)).map((m) => m.callId), { timeout: 60_000 })
    .toContain(second.callId);
  expect(await ringsAt(second.callId)).toEqual([]);

  for (const [i, a] of agents.entries()) await a.post(`/api/agents/${AGENTS[i]}/sign-out`, {}, [400, 409, 422]);
});
