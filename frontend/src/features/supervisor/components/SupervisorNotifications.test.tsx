import { HubConnectionState, type HubConnection } from '@microsoft/signalr';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SignalRProvider } from '../../../shared/signalr/SignalRProvider';
import { me, renderWith, signedInClient } from '../../../test/render';
import { SupervisorNotifications } from './SupervisorNotifications';

function fakeConnection() {
  const handlers = new Map<string, (...args: unknown[]) => void>();
  const connection = {
    state: HubConnectionState.Disconnected,
    start: vi.fn(async () => void (connection.state = HubConnectionState.Connected)),
    stop: vi.fn(async () => void (connection.state = HubConnectionState.Disconnected)),
    on: vi.fn((event: string, h: (...args: unknown[]) => void) => handlers.set(event, h)),
    off: vi.fn((event: string) => handlers.delete(event)),
    onreconnecting: () => {},
    onreconnected: () => {},
    onclose: () => {},
  };
  return { connection: connection as unknown as HubConnection, push: (event: string, payload: unknown) => handlers.get(event)?.(payload) };
}

describe('SupervisorNotifications', () => {
  it('toasts each pushed notification and keeps it in the feed', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{}', { status: 503 }))); // resync refetches fail: the cached me stays
    const fake = fakeConnection();
    renderWith(
      <SignalRProvider enabled connectionFactory={() => fake.connection}>
        <SupervisorNotifications />
      </SignalRProvider>,
      { client: signedInClient(me(['supervisor'], null)) },
    );
    await waitFor(() => expect(fake.connection.start).toHaveBeenCalled());
    await waitFor(() => expect(fake.connection.on).toHaveBeenCalledWith('supervisorNotification', expect.anything()));
    act(() =>
      fake.push('supervisorNotification', { id: 'n1', kind: 'signedOut', agentId: 'agent4', name: 'Agent Four', teamId: 'team-1', reasonCode: null, at: new Date().toISOString() }),
    );
    expect(await screen.findByText('Agent Four signed out')).toBeInTheDocument();
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByTestId('notifications-bell'));
    expect(await screen.findByTestId('feed-signedOut-agent4')).toHaveTextContent('Agent Four signed out');
  });

  it('shows nothing to an agent', () => {
    renderWith(<SupervisorNotifications />, { client: signedInClient(me(['agent'])) });
    expect(screen.queryByTestId('notifications-bell')).not.toBeInTheDocument();
  });
});
