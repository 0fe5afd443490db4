import type { HubConnection } from '@microsoft/signalr';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Me } from '../shared/api/types';
import { agentState, jsonResponse, me, renderWith, signedInClient } from '../test/render';
import { SignalRProvider } from '../shared/signalr/SignalRProvider';
import { liveCall, party, singlePop } from '../test/calls';
import { DesktopShell } from './DesktopShell';

function renderShell(user: Me = me()) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      if (url === '/api/announcements') return jsonResponse(200, []);
      if (url === '/api/agents') return jsonResponse(200, [agentState()]);
      return jsonResponse(404, { status: 404 });
    }),
  );
  return renderWith(<DesktopShell me={user} centerTitle="Hotline 96123" />, { client: signedInClient(user) });
}

const groupTitle = (testId: string) =>
  screen.getByTestId(testId).querySelector('.ant-menu-submenu-title') as HTMLElement;

const openTabs = () => document.querySelectorAll('.ant-tabs-nav .ant-tabs-tab');

describe('DesktopShell', () => {
  it('opens My state by default and shows the status bar for the agent', () => {
    renderShell();
    expect(screen.getByTestId('center-title')).toHaveTextContent('Hotline 96123');
    expect(screen.getByTestId('tab-my-state')).toBeInTheDocument();
    expect(screen.getByTestId('my-state')).toHaveAttribute('data-state', 'ready');
    expect(screen.getByTestId('status-work-id')).toHaveTextContent('agent1');
    expect(screen.getByTestId('status-extension')).toHaveTextContent('1001');
    expect(screen.getByTestId('status-skill-groups')).toHaveTextContent('broadband');
    expect(screen.getByTestId('status-state')).toHaveAttribute('data-state', 'ready');
    expect(screen.getByTestId('call-timer')).toHaveTextContent(/Ready 01:0\d/);
  });

  it('keeps at most 5 tabs open: the 6th closes the least recently used and says so', async () => {
    const user = userEvent.setup({ delay: null });
    renderShell();
    await user.click(groupTitle('menu-service-support'));
    await user.click(await screen.findByTestId('menu-customer-search'));
    await user.click(screen.getByTestId('menu-work-orders'));
    await user.click(screen.getByTestId('menu-authorization'));
    await user.click(screen.getByTestId('menu-current-call'));
    expect(openTabs()).toHaveLength(5);

    await user.click(screen.getByTestId('menu-call-history'));

    expect(openTabs()).toHaveLength(5);
    expect(screen.queryByTestId('tab-my-state')).not.toBeInTheDocument();
    expect(screen.getByTestId('tab-call-history')).toBeInTheDocument();
    expect(await screen.findByText(/At most 5 tabs can be open, so “My state” was closed/)).toBeInTheDocument();
    const active = document.querySelector('.ant-tabs-tab-active')!;
    expect(within(active as HTMLElement).getByTestId('tab-call-history')).toBeInTheDocument();
  });

  it('Service support → Authorization opens the authorisation page (no placeholder left); tabs close', async () => {
    const user = userEvent.setup({ delay: null });
    renderShell();
    await user.click(groupTitle('menu-service-support'));
    await user.click(await screen.findByTestId('menu-authorization'));
    const pane = await screen.findByRole('region', { name: 'Authorization' });
    expect(within(pane).getByTestId('authorization-page')).toBeInTheDocument();
    expect(within(pane).getByTestId('customer-search-input')).toBeInTheDocument();

    await user.click(within(document.querySelector('.ant-tabs-tab-active') as HTMLElement).getByRole('button', { name: /remove|close/i }));
    await waitFor(() => expect(openTabs()).toHaveLength(1));
  });

  it('shows the real-time monitor only to supervisors and admins', async () => {
    renderShell();
    expect(screen.queryByTestId('menu-monitor')).not.toBeInTheDocument();
  });

  it('shows reports to analysts, supervisors and admins, not to agents (who have My workload)', async () => {
    const user = userEvent.setup({ delay: null });
    renderShell();
    expect(screen.queryByTestId('menu-reports')).not.toBeInTheDocument();
    await user.click(groupTitle('menu-my-info'));
    expect(await screen.findByTestId('menu-my-workload')).toBeInTheDocument();
  });

  it('an analyst opens the reports tab on the one-time-fix report', async () => {
    const user = userEvent.setup({ delay: null });
    renderShell(me(['analyst'], null));
    await user.click(groupTitle('menu-reports'));
    await user.click(await screen.findByTestId('menu-report-one-time-fix'));
    const pane = await screen.findByRole('region', { name: 'One-time-fix rate' });
    // the catalogue answers 404 in this shell: the tab says so instead of breaking
    expect(await within(pane).findByTestId('reports-error')).toBeInTheDocument();
  });

  it('a supervisor opens the live monitor', async () => {
    const user = userEvent.setup({ delay: null });
    renderShell(me(['supervisor'], null));
    expect(screen.queryByTestId('btn-sign-in')).not.toBeInTheDocument();
    expect(screen.queryByTestId('desk-toolbar')).not.toBeInTheDocument(); // no empty toolbar row without a phone
    await user.click(screen.getByTestId('menu-realtime-monitor'));
    expect(await screen.findByTestId('agent-row-agent1')).toBeInTheDocument();
  });

  it('softphone buttons are present with their shortcuts; without a call only dial and pick-up are enabled', () => {
    renderShell();
    for (const id of ['btn-answer', 'btn-hang-up', 'btn-hold', 'btn-retrieve', 'btn-mute', 'btn-transfer', 'btn-consult', 'btn-conference', 'btn-connect-release', 'btn-help']) {
      expect(screen.getByTestId(id)).toBeDisabled();
    }
    expect(screen.getByTestId('btn-dial')).toBeEnabled();
    expect(screen.getByTestId('btn-pick-up')).toBeEnabled();
    expect(screen.getByTestId('btn-answer')).toHaveAttribute('aria-keyshortcuts', 'Alt+A');
    expect(screen.getByTestId('btn-hang-up')).toHaveAttribute('aria-keyshortcuts', 'Alt+X');
    expect(screen.getByTestId('btn-hold')).toHaveAttribute('aria-keyshortcuts', 'Alt+H');
  });

  it('opens a tab for a call found at load (GET /api/agents/{me}/calls) and for each pushed screen pop', async () => {
    const handlers = new Map<string, Set<(...args: unknown[]) => void>>();
    const emit = (event: string, payload: unknown) => handlers.get(event)?.forEach((h) => h(payload));
    const connection = {
      state: 'Disconnected',
      start: async () => {},
      stop: async () => {},
      on: (event: string, h: (...args: unknown[]) => void) => handlers.set(event, (handlers.get(event) ?? new Set()).add(h)),
      off: (event: string, h: (...args: unknown[]) => void) => handlers.get(event)?.delete(h),
      onreconnecting: () => {},
      onreconnected: () => {},
      onclose: () => {},
    } as unknown as HubConnection;
    const user = me(['agent'], agentState({ state: 'talking', currentCallId: 'c1' }));
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        if (url === '/api/me') return jsonResponse(200, user);
        if (url === '/api/agents/agent1') return jsonResponse(200, user.agentState);
        if (url === '/api/agents/agent1/calls') return jsonResponse(200, [liveCall('c1', [party('agent1', 'talking')])]);
        if (url === '/api/calls/c1/screen-pop') return jsonResponse(200, singlePop('c1'));
        return jsonResponse(200, []);
      }),
    );
    renderWith(
      <SignalRProvider enabled connectionFactory={() => connection}>
        <DesktopShell me={user} centerTitle="Hotline" />
      </SignalRProvider>,
      { client: signedInClient(user) },
    );

    expect(await screen.findByTestId('call-tab-c1')).toHaveTextContent('13900000001');
    expect(await screen.findByTestId('pop-customer-name')).toHaveTextContent('Wang Fang');

    await waitFor(() => expect(handlers.get('screenPop')?.size).toBe(2)); // the cache and the tab opener
    act(() => emit('screenPop', singlePop('c2', { ani: '13700000002', match: 'none', customer: null, business: null })));
    expect(await screen.findByTestId('call-tab-c2')).toHaveTextContent('13700000002');
    expect(await screen.findByTestId('pop-none')).toBeInTheDocument(); // the pushed pop, no request
    await waitFor(() => expect(within(document.querySelector('.ant-tabs-tab-active') as HTMLElement).getByTestId('call-tab-c2')).toBeInTheDocument());
  });
});

describe('call timer', () => {
  it('counts a call from its answer, as the status bar does, not from its arrival', async () => {
    const answered = new Date(Date.now() - 42_000).toISOString();
    const user = me(['agent'], agentState({ state: 'talking', currentCallId: 'c1', since: answered }));
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        if (url === '/api/agents/agent1') return jsonResponse(200, user.agentState);
        if (url === '/api/agents/agent1/calls')
          return jsonResponse(200, [liveCall('c1', [party('agent1', 'talking')], { startedAt: new Date(Date.now() - 95_000).toISOString() })]);
        return jsonResponse(200, []);
      }),
    );
    renderWith(<DesktopShell me={user} centerTitle="Hotline" />, { client: signedInClient(user) });
    await waitFor(() => expect(screen.getByTestId('call-timer')).toHaveAttribute('data-call-state', 'talking'));
    expect(screen.getByTestId('call-timer')).toHaveAttribute('data-since', answered);
    expect(screen.getByTestId('call-timer')).toHaveTextContent(/00:4\d/);
    const bar = screen.getByTestId('status-state').textContent ?? '';
    expect(screen.getByTestId('call-timer').textContent).toContain(bar.match(/\d\d:\d\d/)![0]);
  });
});
