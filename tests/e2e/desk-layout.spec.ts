// Issue 16 (1, 8): the desktop's layout holds at the tender's 1024×768, at 1440×900 and at 1920×1080, in zh-CN and
// English: the toolbar stays on one row (idle, ringing, talking, after-call work), and the last part of
// the call screen, the real-time monitor and the reports can be scrolled into view and clicked.
// Needs the app as `npm test` starts it (simulator off; supervisor1 drives POST /api/simulator/calls).
import { expect, test, type Browser } from '@playwright/test';
import { activePane, lastPartReachable, login, openMenu, screenshot, session, statusState, toolbarOnOneRow, waitLive } from './support';

const sizes = [
  { width: 1024, height: 768 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
];
const locales = ['zh-CN', 'en-US'];

async function pageAt(browser: Browser, size: { width: number; height: number }, locale: string) {
  const context = await browser.newContext({ viewport: size, locale });
  return context.newPage();
}

for (const size of sizes) {
  for (const locale of locales) {
    const tag = `${size.width}x${size.height} ${locale}`;
    test.describe.configure({ timeout: 240_000 });

    test(`call screen at ${tag}: toolbar on one row in every phase, every part reachable`, async ({ browser, playwright, baseURL }) => {
      const supervisor = await session(playwright, baseURL, 'supervisor1');
      const agent = await session(playwright, baseURL, 'agent1');
      for (const call of await agent.get<{ callId: string }[]>('/api/agents/agent1/calls')) {
        await agent.post(`/api/calls/${call.callId}/hang-up`, {}, [404, 422]);
      }
      await expect.poll(async () => (await agent.get<unknown[]>('/api/agents/agent1/calls')).length).toBe(0);
      await expect.poll(async () => (await agent.get<{ state: string }>('/api/agents/agent1')).state).not.toBe('talking');
      const me = await agent.get<{ state: string; untaggedCallId?: string | null }>('/api/agents/agent1');
      if (me.untaggedCallId) await agent.post(`/api/calls/${me.untaggedCallId}/tag`, { purpose: 'consultation', subtype: 'other' });
      if (me.state !== 'signedOut') await agent.post('/api/agents/agent1/sign-out', {}, [422]);

      const page = await pageAt(browser, size, locale);
      await login(page, 'agent1');
      await waitLive(page);
      await toolbarOnOneRow(page);
      await page.getByTestId('btn-sign-in').click();
      await expect(statusState(page)).toHaveAttribute('data-state', 'notReady');
      await page.getByTestId('btn-ready').click();
      await expect(statusState(page)).toHaveAttribute('data-state', 'ready');
      await expect.poll(async () => (await agent.get<{ state: string }>('/api/agents/agent1')).state).toBe('ready');

      const { callId } = await supervisor.post<{ callId: string }>('/api/simulator/calls', { ani: '13900001700', queue: 'broadband' });
      await expect(page.getByTestId('btn-answer')).toBeEnabled({ timeout: 15_000 });
      await toolbarOnOneRow(page); // ringing: the answer button grows
      await page.getByTestId('btn-answer').click();
      await expect(page.getByTestId('call-timer')).toHaveAttribute('data-call-state', 'talking');
      await toolbarOnOneRow(page);
      await expect(activePane(page).getByTestId(`call-panel-${callId}`)).toBeVisible();
      await expect(activePane(page).getByTestId('wo-dispatch')).toBeVisible();
      await lastPartReachable(page);
      await activePane(page).getByTestId('wo-dispatch').scrollIntoViewIfNeeded();
      await expect(activePane(page).getByTestId('wo-dispatch')).toBeInViewport();
      if (size.width === 1024) await screenshot(page, `desk-call-1024-${locale}`);

      await page.getByTestId('btn-hang-up').click();
      await expect(statusState(page)).toHaveAttribute('data-state', 'wrapUp');
      await expect(page.getByTestId('tag-dialog')).toBeVisible();
      await page.keyboard.press('Escape').catch(() => {});
      await toolbarOnOneRow(page); // after-call work: the tag button joins the row
      await agent.post(`/api/calls/${callId}/tag`, { purpose: 'consultation', subtype: 'other' });
      await agent.post('/api/agents/agent1/sign-out');
      await page.context().close();
    });

    test(`monitor and reports at ${tag}: the last row and the bottom of the report reachable`, async ({ browser }) => {
      const page = await pageAt(browser, size, locale);
      await login(page, 'supervisor1');
      await openMenu(page, 'monitor', 'realtime-monitor');
      await expect(activePane(page).locator('tbody tr.ant-table-row').first()).toBeVisible();
      await lastPartReachable(page);
      const lastRow = activePane(page).locator('tbody tr.ant-table-row:visible').last();
      await lastRow.scrollIntoViewIfNeeded();
      await expect(lastRow).toBeInViewport();
      if (size.width === 1024) await screenshot(page, `desk-monitor-1024-${locale}`);

      for (const leaf of ['report-center', 'report-kpi', 'report-one-time-fix']) {
        await openMenu(page, 'reports', leaf);
        // a report with rows shows its table; one without says so (the one-time-fix report may have no closed window yet)
        await expect(activePane(page).locator('.ant-table, [data-testid="report-empty"]').first()).toBeVisible({ timeout: 20_000 });
        await lastPartReachable(page);
      }
      if (size.width === 1024) await screenshot(page, `desk-report-1024-${locale}`);
      await page.context().close();
    });
  }
}
