// The admin-change trail page (R-ADM-1, issue 13 §1): every admin change is an event the auditor reads — who, what, when.
// The admin creates a user, raises her proficiency, creates a skill group and makes her a member from the group's page;
// the auditor's People › Admin changes page lists each with the admin as actor and the fields' before → after.
//
// Assumptions: the app as `npm test` starts it (demo users). The user and the skill group have fresh ids.
import { expect, test } from '@playwright/test';
import { expectFitsWidth, runId } from './admin-support';
import { login, openMenu, screenshot, session } from './support';

interface Put {
  put(path: string, data: unknown): Promise<void>;
}

test('admin-changes page: the auditor reads who changed which user, proficiency and skill group membership, and when', async ({
  page,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const run = runId();
  const user = `audit-${run}`;
  const group = `sg-${run}`;
  const admin = await session(playwright, baseURL, 'admin');
  const xsrf = (await admin.request.storageState()).cookies.find((c) => c.name === 'XSRF-TOKEN')?.value ?? '';
  const api: Put = {
    async put(path, data) {
      const res = await admin.request.put(path, { data, headers: { 'X-XSRF-TOKEN': decodeURIComponent(xsrf) } });
      expect(res.status(), `PUT ${path}: ${await res.text()}`).toBe(200);
    },
  };
  const body = { name: 'Audit Trail', roles: ['agent'], skillGroups: ['billing'], proficiency: { billing: 2 } };
  const before = Date.now();
  await admin.post('/api/users', { id: user, password: 'Audit-desk-2024', ...body });
  await api.put(`/api/users/${user}`, { ...body, proficiency: { billing: 5 } });
  await api.put(`/api/skill-groups/${group}`, { name: `Group ${run}` });
  await api.put(`/api/skill-groups/${group}/members`, { agents: [user] });

  await page.setViewportSize({ width: 1024, height: 768 });
  await login(page, 'auditor');
  await expect(page.getByTestId('menu-users')).toHaveCount(0); // the auditor reads, never edits
  await openMenu(page, 'people', 'admin-changes');
  const card = page.getByTestId('admin-changes-page');
  await expect(card).toBeVisible();
  const changes = card.getByTestId('admin-change');
  const of = (stream: string) => changes.filter({ hasText: stream });

  // Newest first: the membership (on her trail), the group, the proficiency, her creation.
  await expect(changes.first()).toContainText(`user-${user}`);
  await expect(changes.first()).toContainText(`Skill groups: billing → billing,${group}`);
  await expect(changes.first()).toContainText(`Proficiency: billing:5 → billing:5,${group}:3`);
  await expect(of(`skillgroup-${group}`)).toHaveCount(1);
  await expect(of(`skillgroup-${group}`)).toContainText('Skill group created');
  await expect(of(`skillgroup-${group}`)).toContainText(`Name: — → Group ${run}`);
  await expect(of(`user-${user}`)).toHaveCount(3);
  await expect(of(`user-${user}`).nth(1)).toContainText('Proficiency: billing:2 → billing:5');
  await expect(of(`user-${user}`).nth(2)).toContainText('User created');
  for (const row of [...(await of(`user-${user}`).all()), ...(await of(`skillgroup-${group}`).all())]) {
    await expect(row.locator('td').nth(1)).toHaveText('admin');
    const when = new Date(Date.parse((await row.locator('td').nth(0).textContent()) ?? ''));
    if (!Number.isNaN(when.getTime())) expect(Math.abs(when.getTime() - before)).toBeLessThan(5 * 60_000);
  }
  await expectFitsWidth(page);
  await screenshot(page, 'admin-changes');

  // Agents neither see the page nor read the trail.
  const agent = await session(playwright, baseURL, 'agent2');
  expect((await agent.request.get('/api/admin-changes')).status()).toBe(403);
});
