import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, me, renderWith, signedInClient } from '../../../test/render';
import type { Wallboard as Board } from '../api/useWallboard';
import { Wallboard } from './Wallboard';

const board: Board = {
  asOf: new Date().toISOString(),
  day: '2026-12-03',
  queues: [
    { queue: 'broadband', waiting: 2, longestWaitSeconds: 75, inProgress: 3, offeredToday: 10, answeredToday: 8, abandonedToday: 1, serviceLevelToday: 0.5 },
    { queue: 'billing', waiting: 0, longestWaitSeconds: 0, inProgress: 0, offeredToday: 0, answeredToday: 0, abandonedToday: 0, serviceLevelToday: null },
  ],
  agents: [
    { agentId: 'agent1', name: 'Agent One', teamId: 'team-1', state: 'notReady', reasonCode: 'lunch', sinceSeconds: 125 },
    { agentId: 'agent2', name: 'Agent Two', teamId: 'team-1', state: 'ready', reasonCode: null, sinceSeconds: 5 },
  ],
  teams: [{ teamId: 'team-1', name: 'Team 1', byState: { notReady: 1, ready: 1 } }],
};

describe('Wallboard', () => {
  it('shows each queue with live and today figures, agents under their state with reason and time', async () => {
    vi.stubGlobal('fetch', vi.fn(async (url: string) => jsonResponse(200, String(url).includes('/api/wallboard') ? board : [])));
    renderWith(<Wallboard />, { client: signedInClient(me(['supervisor'], null)) });
    const broadband = await screen.findByTestId('wallboard-queue-broadband');
    expect(within(broadband).getByTestId('waiting')).toHaveTextContent('2');
    expect(broadband).toHaveTextContent('01:15');
    expect(broadband).toHaveTextContent('50%');
    expect(broadband).toHaveAttribute('data-alert', 'true');
    expect(screen.getByTestId('wallboard-queue-billing')).toHaveTextContent('—');
    expect(within(screen.getByTestId('wallboard-state-notReady')).getByTestId('wallboard-agent-agent1')).toHaveTextContent('Lunch');
    expect(screen.getByTestId('wallboard-agent-agent1')).toHaveTextContent('02:05');
    expect(screen.getByTestId('wallboard-team-team-1')).toHaveTextContent('Ready 1');
  });

  it('goes full screen and back from the keyboard', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(200, board)));
    const user = userEvent.setup({ delay: null });
    renderWith(<Wallboard />, { client: signedInClient(me(['supervisor'], null)) });
    await screen.findByTestId('wallboard-queue-broadband');
    screen.getByTestId('wallboard-fullscreen').focus();
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('wallboard')).toHaveAttribute('data-fullscreen', 'true');
    await user.keyboard('{Escape}');
    expect(screen.getByTestId('wallboard')).toHaveAttribute('data-fullscreen', 'false');
  });
});
