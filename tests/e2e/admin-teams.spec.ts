// The teams page (issue 13 §2, R-ROLE-2): an admin creates a team with its supervisor and members, edits it (renames it,
// takes a member out), and the team's trail in the history drawer says who changed what. The supervisor then sees the team;
// the other supervisor gets 403 on it.
//
// Assumptions: the app as `npm test` starts it (demo users, CALLCENTER_DEMO_PASSWORD). The spec creates its own two agents
// (no team) and its own team under a fresh id, so earlier runs against the same database do not matter.
import { expect, test, type Page } from '@playwright/test';
import { choose, expectFitsWidth, runId } from './admin-support';
import { login, openMenu, screenshot, session } from './support';

/** Closes the open multiple select's dropdown by clicking the dialog's title (Escape would close the dialog). */
async function pick(page: Page, testId: string, text: string) {
  await choose(page, testId, text);
  await page.locator('.ant-modal-title:visible').first().click();
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
}

test('admin teams page: create a team with a supervisor and members, edit it, and read its trail', async ({ page, playwright, baseURL }) => {
  test.setTimeout(120_000);
  const run = runId();
  const team = `team-e2e-${run}`;
  const [a, b] = [`ta-${run}`, `tb-${run}`];
  const admin = await session(playwright, baseURL, 'admin');
  for (const id of [a, b])
    await admin.post('/api/users', { id, name: `Agent ${id}`, password: 'Team-desk-2024', roles: ['agent'], skillGroups: ['general'] });

  await page.setViewportSize({ width: 1024, height: 768 });
  await login(page, 'admin');
  await openMenu(page, 'people', 'teams');
  const card = page.getByTestId('teams-page');
  await expect(card).toBeVisible();

  // Create: id, name, supervisor2 as its supervisor, the two agents as members.
  await page.getByTestId('team-new').click();
  await page.getByTestId('team-id').fill(team);
  await page.getByTestId('team-name').fill('Night desk');
  await pick(page, 'team-supervisors', 'supervisor2');
  await pick(page, 'team-members', a);
  await pick(page, 'team-members', b);
  await page.getByTestId('team-save').click();
  await expect(page.locator('.ant-modal:visible')).toHaveCount(0);
  const row = page.getByTestId(`team-row-${team}`);
  await expect(row).toContainText('Night desk');
  await expect(row).toContainText('supervisor2');
  await expect(row).toContainText('2 members');
  expect((await admin.get<{ members: string[]; supervisors: string[] }>(`/api/teams/${team}`)).members).toEqual([a, b]);

  // Edit: rename and take b out.
  await page.getByTestId(`team-edit-${team}`).click();
  await page.getByTestId('team-name').fill('Night desk East');
  await page.getByTestId('team-members').locator('.ant-select-selection-item', { hasText: b }).locator('.ant-select-selection-item-remove').click();
  await page.getByTestId('team-save').click();
  await expect(page.locator('.ant-modal:visible')).toHaveCount(0);
  await expect(row).toContainText('Night desk East');
  await expect(row).toContainText('1 member');
  expect((await admin.get<{ members: string[] }>(`/api/teams/${team}`)).members).toEqual([a]);
  expect((await admin.get<{ team: string | null }>(`/api/users/${b}`)).team).toBeNull();
  await expectFitsWidth(page);

  // The trail: newest first, the edit then the creation, both by admin.
  await page.getByTestId(`team-history-${team}`).click();
  const changes = page.locator('.ant-drawer:visible').getByTestId('admin-change');
  await expect(changes).toHaveCount(2);
  await expect(changes.nth(0)).toContainText('Team edited');
  await expect(changes.nth(0)).toContainText('Name: Night desk → Night desk East');
  await expect(changes.nth(0)).toContainText(`Members: ${a},${b} → ${a}`);
  await expect(changes.nth(1)).toContainText('Team created');
  for (const i of [0, 1]) await expect(changes.nth(i)).toContainText('admin');
  await screenshot(page, 'admin-teams-trail');

  // Its supervisor sees it; the other supervisor is refused (403) — a supervisor acts on their own teams only.
  const supervisor2 = await session(playwright, baseURL, 'supervisor2');
  expect((await supervisor2.get<{ id: string }[]>('/api/teams')).map((t) => t.id)).toContain(team);
  const supervisor1 = await session(playwright, baseURL, 'supervisor1');
  expect((await supervisor1.request.get(`/api/teams/${team}`)).status()).toBe(403);
});
