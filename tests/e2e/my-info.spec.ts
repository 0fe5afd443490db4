// My info (R-ME-1, issue 13 §4): my account with team and permissions; changing my password under the policy ends my
// other sessions at once (this one stays); the old password no longer works; my login log shows my attempts, the failed one too.
//
// Assumptions: the app as `npm test` starts it (demo users). The spec creates its own user so the demo passwords stay.
import { expect, test } from '@playwright/test';
import { expectFitsWidth, runId } from './admin-support';
import { login, openMenu, screenshot, session } from './support';

test('my info: my account, change my password (my other session ends, the old password is refused), my login log', async ({
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const me = `me-${runId()}`;
  const [oldPassword, newPassword] = ['Desk-first-2024', 'Desk-second-2025'];
  const admin = await session(playwright, baseURL, 'admin');
  await admin.post('/api/users', { id: me, name: 'Mei Info', password: oldPassword, roles: ['agent'], team: 'team-1', skillGroups: ['general'] });

  const here = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const there = await browser.newContext();
  const page = await here.newPage();
  const other = await there.newPage();
  try {
    await login(page, me, oldPassword);
    await login(other, me, oldPassword);

    // My account: who I am, my team, what I may do.
    await openMenu(page, 'my-info', 'my-account');
    const account = page.getByTestId('my-account');
    await expect(account).toContainText(me);
    await expect(account).toContainText('team-1');
    await expect(account.getByTestId('my-permissions')).not.toBeEmpty();

    // A wrong current password is refused on its field; nothing changes.
    await openMenu(page, 'my-info', 'change-password');
    const form = page.getByTestId('change-password');
    await form.getByTestId('password-current').fill('Not-my-password-1');
    await form.getByTestId('password-new').fill(newPassword);
    await form.getByTestId('password-confirm').fill(newPassword);
    await form.getByTestId('password-save').click();
    await expect(form.locator('.ant-form-item-explain-error')).toBeVisible();
    expect((await other.request.get('/api/me')).status()).toBe(200);

    // The right one: my other session ends within a second and its page returns to the login form; this one stays.
    await form.getByTestId('password-current').fill(oldPassword);
    await form.getByTestId('password-save').click();
    await expect(page.getByText('Password changed; your other sessions ended.')).toBeVisible();
    await expect.poll(async () => (await other.request.get('/api/me')).status(), { timeout: 1_000, intervals: [50] }).toBe(401);
    await expect(other.getByTestId('login-username')).toBeVisible({ timeout: 5_000 });
    expect((await page.request.get('/api/me')).status()).toBe(200);
    await expectFitsWidth(page);

    // The old password is refused, the new one works.
    await other.getByTestId('login-username').fill(me);
    await other.getByTestId('login-password').fill(oldPassword);
    await other.getByTestId('login-submit').click();
    await expect(other.getByTestId('login-error')).toBeVisible();
    await login(other, me, newPassword);

    // My login log: my three sign-ins and the refused one, newest first, and nobody else's.
    await openMenu(page, 'my-info', 'login-log');
    const log = page.getByTestId('my-login-log');
    const rows = log.getByTestId('my-login');
    await expect(rows).toHaveCount(4);
    await expect(rows.first()).toContainText('Succeeded');
    await expect(rows.nth(1)).toContainText('Wrong password');
    await expect(rows.filter({ hasText: 'Succeeded' })).toHaveCount(3);
    await screenshot(page, 'my-login-log');
  } finally {
    await here.close();
    await there.close();
  }
});
