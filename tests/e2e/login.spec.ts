import { test, expect } from '@playwright/test';
import { PASSWORD, login, screenshot, statusState } from './support';

test('GET /health answers 200', async ({ request }) => {
  const res = await request.get('/health');
  expect(res.status()).toBe(200);
});

test('the OpenAPI document lists every endpoint of the slice', async ({ request }) => {
  const res = await request.get('/swagger/v1/swagger.json');
  expect(res.status()).toBe(200);
  const doc = await res.json();
  // compare templates by shape: /api/agents/{agentId}/ready ~ /api/agents/{id}/ready
  const shape = (p: string) => p.replace(/\{[^}]+\}/g, '{}').toLowerCase();
  const documented = new Map<string, string[]>();
  for (const [p, item] of Object.entries<Record<string, unknown>>(doc.paths ?? {})) {
    documented.set(shape(p), Object.keys(item).map((m) => m.toLowerCase()));
  }
  const expected: [string, string][] = [
    ['post', '/api/auth/login'],
    ['post', '/api/auth/logout'],
    ['get', '/api/me'],
    ['post', '/api/agents/{agentId}/sign-in'],
    ['post', '/api/agents/{agentId}/sign-out'],
    ['post', '/api/agents/{agentId}/ready'],
    ['post', '/api/agents/{agentId}/not-ready'],
    ['post', '/api/agents/{agentId}/wrap-up/end'],
    ['get', '/api/agents/{agentId}'],
    ['get', '/api/agents'],
  ];
  const missing = expected
    .filter(([method, p]) => !(documented.get(shape(p)) ?? []).includes(method))
    .map(([method, p]) => `${method.toUpperCase()} ${p}`);
  expect(missing, `documented paths: ${[...documented.keys()].join(', ')}`).toEqual([]);
});

test('agent1 logs in through the UI and sees the desktop with the status bar', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('login-username')).toBeVisible();
  await screenshot(page, 'login');

  await login(page, 'agent1');
  await expect(statusState(page)).toBeVisible();
  await expect(statusState(page)).toHaveAttribute(
    'data-state',
    /^(signedOut|ready|notReady|talking|wrapUp)$/,
  );
  await expect(page.getByTestId('btn-sign-in').or(page.getByTestId('btn-sign-out')).first()).toBeVisible();

  // the session cookie now authenticates API calls
  const me = await page.request.get('/api/me');
  expect(me.status()).toBe(200);
  expect(JSON.stringify(await me.json())).toContain('agent1');
});

test('a wrong password shows an error and stays on the login page', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('login-username')).toBeVisible();
  await page.getByTestId('login-username').fill('agent1');
  await page.getByTestId('login-password').fill(`${PASSWORD}-wrong`);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error').or(page.getByRole('alert')).first()).toBeVisible();
  await expect(page.getByTestId('login-username')).toBeVisible();
  await expect(statusState(page)).toHaveCount(0);
});
