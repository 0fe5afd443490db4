// Users administration end to end (issue 13 §1, issue 17 §5): an admin creates a team and the agent `naama`
// (inbound agent, that team, skill group billing at level 4, an extension) in the Users pages; she signs in, goes
// ready and gets a billing call placed through the simulator; the PBX's events naming her are accepted; disabling her
// ends her open session within a second and refuses her next login; her day still replays for the auditor.
//
// Assumptions: the app as `npm test` starts it (fresh database, simulator off, demo users with
// CALLCENTER_DEMO_PASSWORD, CTI key CALLCENTER_CTI_KEY or dev-cti-key). Demo billing agents are agent3, 7, 11, 15, 19:
// the spec signs them out so the call can only go to naama.
import { expect, test, type Page } from '@playwright/test';
import { login, session, statusState, waitLive } from './support';

const NAAMA = 'naama';
const NAAMA_PASSWORD = 'Billing-desk-42';
const CTI_KEY = process.env.CALLCENTER_CTI_KEY || 'dev-cti-key';

async function openMenu(page: Page, group: string, leaf: string) {
  const item = page.getByTestId(`menu-${leaf}`);
  if (!(await item.isVisible())) await page.getByTestId(`menu-${group}`).locator('.ant-menu-submenu-title').first().click();
  await item.click();
}

/** Picks `value` in the antd select with this testid (typing filters; Enter takes the active option). */
async function choose(page: Page, testId: string, value: string) {
  const select = page.getByTestId(testId);
  await select.click();
  await page.keyboard.type(value);
  await page.locator('.ant-select-dropdown:visible').getByTitle(value, { exact: false }).first().click();
  await page.locator('.ant-modal-title:visible').click(); // closes a multiple select's dropdown (Escape would close the dialog)
}

test('admin creates naama; she takes a billing call; disabling her ends her session within a second; her day replays', async ({
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const team = `t-${Date.now().toString(36)}`;
  const supervisor = await session(playwright, baseURL, 'supervisor1');
  const admin = await session(playwright, baseURL, 'admin');
  for (const other of ['agent3', 'agent7', 'agent11', 'agent15', 'agent19']) {
    const s = await admin.get<{ state: string }>(`/api/agents/${other}`);
    if (s.state !== 'signedOut') await admin.post(`/api/agents/${other}/sign-out`, {}, [422]);
  }

  const adminContext = await browser.newContext();
  const naamaContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  const naamaPage = await naamaContext.newPage();
  try {
    // The admin creates a team, then naama in it.
    await login(adminPage, 'admin');
    await openMenu(adminPage, 'people', 'teams');
    await adminPage.getByTestId('team-new').click();
    await adminPage.getByTestId('team-id').fill(team);
    await adminPage.getByTestId('team-name').fill('Billing desk');
    await adminPage.getByTestId('team-save').click();
    await expect(adminPage.getByTestId(`team-row-${team}`)).toBeVisible();

    await openMenu(adminPage, 'people', 'users');
    await adminPage.getByTestId('user-new').click();
    await adminPage.getByTestId('user-id').fill(NAAMA);
    await adminPage.getByTestId('user-password').fill(NAAMA_PASSWORD);
    await adminPage.getByTestId('user-name').fill('Naama Levi');
    await choose(adminPage, 'user-team', team);
    await choose(adminPage, 'user-skill-groups', 'billing');
    await adminPage.getByTestId('user-proficiency-billing').fill('4');
    await adminPage.getByTestId('user-extension').fill('8321');
    await adminPage.getByTestId('user-save').click();
    await expect(adminPage.getByTestId('user-form')).toBeHidden();
    const filter = adminPage.getByPlaceholder(/Filter by id|按工号/); // the table pages by 20
    await filter.fill(NAAMA);
    await filter.press('Enter');
    const row = adminPage.getByTestId(`user-row-${NAAMA}`);
    await expect(row).toBeVisible();
    await expect(row).toContainText('billing · 4');
    await expect(row).toContainText('8321');
    const created = await admin.get<{ team: string; roles: string[]; agentTypes: string[] }>(`/api/users/${NAAMA}`);
    expect(created).toMatchObject({ team, roles: ['agent'], agentTypes: ['inbound'] });

    // naama signs in, goes ready, and a billing call rings at her.
    await login(naamaPage, NAAMA, NAAMA_PASSWORD);
    await waitLive(naamaPage);
    await naamaPage.getByTestId('btn-sign-in').click();
    await expect(statusState(naamaPage)).toHaveAttribute('data-state', 'notReady');
    await naamaPage.getByTestId('btn-ready').click();
    await expect(statusState(naamaPage)).toHaveAttribute('data-state', 'ready');
    const { callId } = await supervisor.post<{ callId: string }>('/api/simulator/calls', { ani: '13911112222', queue: 'billing' });
    await expect(naamaPage.getByTestId(`call-tab-${callId}`)).toBeVisible({ timeout: 15_000 });
    await expect(naamaPage.getByTestId('btn-answer')).toBeEnabled();
    await naamaPage.getByTestId('btn-answer').click();
    await expect(naamaPage.getByTestId(`call-panel-${callId}`).getByTestId('call-state')).toHaveAttribute('data-state', 'talking');

    // The PBX reports a call of its own answered by naama: accepted (an unknown agent would be a 400).
    const at = new Date().toISOString();
    const pbxCall = `pbx-${Date.now()}`;
    const cti = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { 'X-Api-Key': CTI_KEY } });
    const events = [
      { eventId: crypto.randomUUID(), type: 'CallArrived', callId: pbxCall, occurredAt: at, ani: '13922223333', dnis: '96000' },
      { eventId: crypto.randomUUID(), type: 'CallOffered', callId: pbxCall, occurredAt: at, agentId: NAAMA },
    ];
    const accepted = await cti.post('/api/cti/events', { data: events });
    expect(accepted.status(), await accepted.text()).toBe(202);
    const refused = await cti.post('/api/cti/events', { data: [{ ...events[1], eventId: crypto.randomUUID(), agentId: 'nobody-here' }] });
    expect(refused.status()).toBe(400);

    // Disabling her ends her open session within a second (server-side), and her page goes back to the login form.
    await openMenu(adminPage, 'people', 'users');
    await adminPage.getByTestId(`user-disable-${NAAMA}`).click();
    const disabled = adminPage.waitForResponse((r) => r.url().endsWith(`/api/users/${NAAMA}/disable`) && r.request().method() === 'POST');
    await adminPage.getByTestId('user-disable-confirm').click();
    expect((await disabled).status()).toBe(200);
    const t0 = Date.now();
    await expect.poll(async () => (await naamaPage.request.get('/api/me')).status(), { timeout: 1_000, intervals: [50] }).toBe(401);
    const endedMs = Date.now() - t0;
    await expect(naamaPage.getByTestId('login-username')).toBeVisible({ timeout: 5_000 });
    console.log(`naama's session refused ${endedMs} ms after the disable answered; login form after ${Date.now() - t0} ms`);
    await expect(row).toContainText(/Disabled|已停用/);

    // Her next login is refused.
    await naamaPage.getByTestId('login-username').fill(NAAMA);
    await naamaPage.getByTestId('login-password').fill(NAAMA_PASSWORD);
    await naamaPage.getByTestId('login-submit').click();
    await expect(naamaPage.getByTestId('login-error')).toBeVisible();

    // Her day still replays for the auditor, with her call in it; the trail says who disabled her.
    const auditor = await session(playwright, baseURL, 'auditor');
    const day = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10); // the center's day (UTC+8)
    await expect
      .poll(async () => JSON.stringify(await auditor.get(`/api/audit/agents/${NAAMA}/days/${day}`)), { timeout: 15_000 })
      .toContain(callId);
    const trail = await auditor.get<{ type: string; actor: string }[]>(`/api/admin-changes?userId=${NAAMA}`);
    expect(trail.map((c) => c.type)).toEqual(['UserDisabled', 'UserCreated']);
    expect(trail.every((c) => c.actor === 'admin')).toBe(true);
  } finally {
    // leave naama enabled, with no call, signed out, for whatever runs next
    for (const call of await admin.get<{ callId: string }[]>(`/api/agents/${NAAMA}/calls`).catch(() => []))
      await admin.post(`/api/calls/${call.callId}/hang-up`, {}, [403, 404, 422]);
    await admin.post(`/api/users/${NAAMA}/enable`, {}, [404]);
    await adminContext.close();
    await naamaContext.close();
  }
});
