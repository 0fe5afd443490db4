import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { applyAgentState } from '../../../shared/agentState/applyAgentState';
import { queryKeys } from '../../../shared/api/queryKeys';
import { agentState, me, renderWith, signedInClient } from '../../../test/render';
import { RealtimeMonitor } from './RealtimeMonitor';

function setup() {
  const client = signedInClient(me(['supervisor'], null));
  client.setQueryData(queryKeys.agents, [
    agentState({ agentId: 'agent1', name: 'Agent One', state: 'ready', revision: 1 }),
    agentState({ agentId: 'agent2', name: 'Agent Two', state: 'notReady', reasonCode: 'lunch', revision: 1 }),
    agentState({ agentId: 'agent3', name: 'Agent Three', state: 'signedOut', revision: 1, skillGroups: ['vip'] }),
  ]);
  vi.stubGlobal('fetch', vi.fn(async () => new Response('[]', { status: 200 })));
  return renderWith(<RealtimeMonitor />, { client });
}

describe('RealtimeMonitor', () => {
  it('shows a row per agent with its state as data-state, and the reason name', () => {
    setup();
    expect(screen.getByTestId('agent-row-agent1')).toBeInTheDocument();
    expect(screen.getByTestId('agent-state-agent1')).toHaveAttribute('data-state', 'ready');
    expect(screen.getByTestId('agent-state-agent2')).toHaveAttribute('data-state', 'notReady');
    expect(within(screen.getByTestId('agent-row-agent2')).getByText('Lunch')).toBeInTheDocument();
    expect(screen.getByTestId('monitor-count-ready')).toHaveTextContent('1');
  });

  it('updates live when an agentStateChanged reaches the cache', async () => {
    const { client } = setup();
    act(() => applyAgentState(client, agentState({ agentId: 'agent3', name: 'Agent Three', state: 'ready', revision: 2 })));
    expect(await screen.findByTestId('agent-state-agent3')).toHaveAttribute('data-state', 'ready');
    expect(screen.getByTestId('monitor-count-ready')).toHaveTextContent('2');
  });

  it('filters by state and by search text', async () => {
    const user = userEvent.setup({ delay: null });
    setup();
    await user.click(screen.getByTestId('monitor-count-notReady'));
    expect(screen.queryByTestId('agent-row-agent1')).not.toBeInTheDocument();
    expect(screen.getByTestId('agent-row-agent2')).toBeInTheDocument();
    await user.click(screen.getByTestId('monitor-count-notReady'));
    await user.type(screen.getByPlaceholderText(/Search agent/), 'vip');
    expect(screen.getByTestId('agent-row-agent3')).toBeInTheDocument();
    expect(screen.queryByTestId('agent-row-agent2')).not.toBeInTheDocument();
  });

  it('forces a state from the row (R-SUP-5), by keyboard, and shows who set it', async () => {
    const { client } = setup();
    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json' } }));
    vi.stubGlobal('fetch', fetchMock);
    act(() => applyAgentState(client, agentState({ agentId: 'agent2', name: 'Agent Two', state: 'notReady', reasonCode: 'lunch', revision: 2, changedBy: 'supervisor1' })));
    expect(await within(screen.getByTestId('agent-row-agent2')).findByText(/set by supervisor1/)).toBeInTheDocument();
    expect(screen.getByTestId('force-ready-agent1')).toBeDisabled(); // already ready
    expect(screen.getByTestId('force-sign-out-agent3')).toBeDisabled(); // signed out
    const user = userEvent.setup({ delay: null });
    screen.getByTestId('force-sign-out-agent1').focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    expect(fetchMock.mock.calls[0][0]).toBe('/api/agents/agent1/sign-out');
  });
});

describe('RealtimeMonitor call supervision (R-SUP-1…4)', () => {
  it('supervises a talking agent from the row menu, shows the bar with the mode, and only release once intercepted', async () => {
    const client = signedInClient(me(['supervisor'], null));
    client.setQueryData(queryKeys.agents, [agentState({ agentId: 'agent1', name: 'Agent One', state: 'talking', revision: 1, currentCallId: 'C1' })]);
    let mode = 'monitor';
    const fetchMock = vi.fn(async (url: string, _init?: RequestInit) => {
      if (url.startsWith('/api/calls/C1/')) {
        mode = url.endsWith('intercept') ? 'intercept' : url.endsWith('whisper') ? 'whisper' : 'monitor';
        return new Response(JSON.stringify({ callId: 'C1', supervisor: 'supervisor1', mode, agents: mode === 'intercept' ? [] : ['agent1'], ended: false }),
          { status: 200, headers: { 'Content-Type': 'application/json' } });
      }
      return new Response('[]', { status: 200, headers: { 'Content-Type': 'application/json' } });
    });
    vi.stubGlobal('fetch', fetchMock);
    renderWith(<RealtimeMonitor />, { client });
    const user = userEvent.setup({ delay: null });
    screen.getByTestId('supervise-agent1').focus();
    await user.keyboard('{Enter}');
    await user.click(await screen.findByTestId('supervise-monitor-agent1'));
    expect(await screen.findByTestId('supervision-bar')).toHaveAttribute('data-mode', 'monitor');
    expect(fetchMock.mock.calls.some((c) => c[0] === '/api/calls/C1/monitor')).toBe(true);
    await user.click(screen.getByTestId('supervision-bar-whisper'));
    await waitFor(() => expect(screen.getByTestId('supervision-bar')).toHaveAttribute('data-mode', 'whisper'));
    await user.click(screen.getByTestId('supervision-bar-intercept'));
    await waitFor(() => expect(screen.getByTestId('supervision-bar')).toHaveAttribute('data-mode', 'intercept'));
    expect(screen.queryByTestId('supervision-bar-barge')).not.toBeInTheDocument();
    expect(screen.getByTestId('supervision-bar-force-release')).toBeInTheDocument();
  });
});
