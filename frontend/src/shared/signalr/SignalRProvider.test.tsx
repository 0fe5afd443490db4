import { HubConnectionState, type HubConnection } from '@microsoft/signalr';
import { useQuery } from '@tanstack/react-query';
import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { agentState, me, renderWith, signedInClient } from '../../test/render';
import { apiGet } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import type { AgentState } from '../api/types';
import { SignalRProvider, useHubStatus } from './SignalRProvider';

/** A HubConnection double: the test drives connect, push, reconnect. */
function fakeConnection() {
  const handlers = new Map<string, (...args: unknown[]) => void>();
  let reconnecting: (() => void) | undefined;
  let reconnected: (() => void) | undefined;
  const connection = {
    state: HubConnectionState.Disconnected,
    start: vi.fn(async () => {
      connection.state = HubConnectionState.Connected;
    }),
    stop: vi.fn(async () => {
      connection.state = HubConnectionState.Disconnected;
    }),
    on: vi.fn((event: string, h: (...args: unknown[]) => void) => handlers.set(event, h)),
    off: vi.fn((event: string) => handlers.delete(event)),
    onreconnecting: (cb: () => void) => (reconnecting = cb),
    onreconnected: (cb: () => void) => (reconnected = cb),
    onclose: () => {},
  };
  return {
    connection: connection as unknown as HubConnection & typeof connection,
    push: (event: string, payload: unknown) => handlers.get(event)?.(payload),
    dropAndRecover: () => {
      reconnecting?.();
      reconnected?.();
    },
  };
}

function Status() {
  // an observer, as the monitor would be: invalidation refetches active queries
  useQuery({ queryKey: queryKeys.agents, queryFn: () => apiGet<AgentState[]>('/api/agents'), staleTime: Infinity });
  return <span data-testid="hub">{useHubStatus()}</span>;
}

describe('SignalRProvider', () => {
  it('connects once, applies pushes to the cache, and refetches after a reconnect', async () => {
    const fake = fakeConnection();
    const factory = vi.fn(() => fake.connection);
    const agents: AgentState[] = [agentState({ state: 'signedOut', revision: 1 })];
    const fetchMock = vi.fn(async (_url: string) => new Response(JSON.stringify(agents), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    const client = signedInClient(me(['supervisor'], null));
    client.setQueryData(queryKeys.agents, agents);

    const { unmount } = renderWith(
      <SignalRProvider enabled connectionFactory={factory}>
        <Status />
      </SignalRProvider>,
      { client },
    );
    await waitFor(() => expect(screen.getByTestId('hub')).toHaveTextContent('connected'));
    expect(factory).toHaveBeenCalledTimes(1);

    act(() => fake.push('agentStateChanged', agentState({ state: 'ready', revision: 2 })));
    expect(client.getQueryData<AgentState[]>(queryKeys.agents)![0].state).toBe('ready');

    fetchMock.mockClear();
    act(() => fake.dropAndRecover());
    await waitFor(() => expect(fetchMock).toHaveBeenCalledWith('/api/agents', expect.anything()));
    expect(screen.getByTestId('hub')).toHaveTextContent('connected');

    unmount();
    expect(fake.connection.stop).toHaveBeenCalled();
  });

  it('does not connect while signed out', () => {
    const factory = vi.fn(() => fakeConnection().connection);
    renderWith(
      <SignalRProvider enabled={false} connectionFactory={factory}>
        <Status />
      </SignalRProvider>,
    );
    expect(factory).not.toHaveBeenCalled();
    expect(screen.getByTestId('hub')).toHaveTextContent('idle');
  });
});
