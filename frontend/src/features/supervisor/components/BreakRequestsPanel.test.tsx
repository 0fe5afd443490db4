import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { breakRequestsKey, type BreakRequest } from '../../../shared/breaks/breakRequests';
import { jsonResponse, me, renderWith, signedInClient } from '../../../test/render';
import { BreakRequestsPanel } from './BreakRequestsPanel';

const request = (over: Partial<BreakRequest>): BreakRequest => ({
  id: 'team-1.a', teamId: 'team-1', agentId: 'agent1', name: 'Agent One', reasonCode: 'lunch', state: 'pending',
  requestedAt: new Date(Date.now() - 60_000).toISOString(), decidedAt: null, automatic: false, startedAt: null, endedAt: null, waitingPosition: 1, ...over,
});

describe('BreakRequestsPanel', () => {
  it('lists open requests with their place and approves a pending one from the keyboard', async () => {
    const fetchMock = vi.fn(async (_url: string) => jsonResponse(200, request({ state: 'approved' })));
    vi.stubGlobal('fetch', fetchMock);
    const client = signedInClient(me(['supervisor'], null));
    client.setQueryData(breakRequestsKey, [
      request({}),
      request({ id: 'team-1.b', agentId: 'agent2', name: 'Agent Two', state: 'approved', startedAt: new Date().toISOString(), waitingPosition: null }),
      request({ id: 'team-1.c', agentId: 'agent3', name: 'Agent Three', state: 'denied', waitingPosition: null }),
    ]);
    const user = userEvent.setup({ delay: null });
    renderWith(<BreakRequestsPanel />, { client });
    expect(screen.getByTestId('break-state-agent1')).toHaveTextContent('Pending #1');
    expect(screen.getByTestId('break-state-agent2')).toHaveTextContent('Approved · away');
    expect(screen.queryByTestId('break-row-agent3')).not.toBeInTheDocument(); // closed: only under "All"
    expect(within(screen.getByTestId('break-row-agent2')).queryByRole('button')).not.toBeInTheDocument();

    screen.getByTestId('break-approve-agent1').focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    expect(fetchMock.mock.calls[0][0]).toBe('/api/break-requests/team-1.a/approve');
  });
});
