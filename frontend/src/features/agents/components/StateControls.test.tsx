import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { queryKeys } from '../../../shared/api/queryKeys';
import type { AgentState, AgentStateKey, Me } from '../../../shared/api/types';
import { agentState, jsonResponse, me, renderWith, signedInClient } from '../../../test/render';
import { StateControls } from './StateControls';
import { breakRequestsKey } from '../../../shared/breaks/breakRequests';

const buttons = ['btn-sign-in', 'btn-sign-out', 'btn-ready', 'btn-not-ready', 'btn-end-wrap-up'] as const;

const expected: Record<AgentStateKey, (typeof buttons)[number][]> = {
  signedOut: ['btn-sign-in'],
  ready: ['btn-sign-out', 'btn-not-ready'],
  notReady: ['btn-sign-out', 'btn-ready', 'btn-not-ready'],
  talking: ['btn-not-ready'], // a break asked for during a call begins when the wrap-up ends (R-STATE-3)
  wrapUp: ['btn-sign-out', 'btn-ready', 'btn-not-ready', 'btn-end-wrap-up'], // not ready with a reason, and sign-out once tagged (issue 16)
};

function renderFor(state: AgentState | null) {
  const client = signedInClient(me(['agent'], state));
  client.setQueryData(breakRequestsKey, []); // no open break request (fresh for a minute: not fetched)
  return renderWith(<StateControls />, { client });
}

describe('StateControls', () => {
  it.each(Object.keys(expected) as AgentStateKey[])('enables exactly the right buttons when %s', (state) => {
    renderFor(agentState({ state, reasonCode: state === 'notReady' ? 'break' : null }));
    for (const id of buttons) {
      const button = screen.getByTestId(id);
      if (expected[state].includes(id)) expect(button).toBeEnabled();
      else expect(button).toBeDisabled();
    }
  });

  it('treats a user with no agent state yet as signed out', () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(404, { status: 404 })));
    renderFor(null);
    expect(screen.getByTestId('btn-sign-in')).toBeEnabled();
    expect(screen.getByTestId('btn-ready')).toBeDisabled();
  });

  it('renders nothing for a user who is not an agent', () => {
    const client = signedInClient(me(['supervisor'], null));
    renderWith(<StateControls />, { client });
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('posts Ready and puts the returned state into the caches', async () => {
    document.cookie = 'XSRF-TOKEN=tok';
    const after = agentState({ state: 'ready', revision: 4 });
    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => jsonResponse(200, after));
    vi.stubGlobal('fetch', fetchMock);
    const user = userEvent.setup({ delay: null });
    const { client } = renderFor(agentState({ state: 'notReady', reasonCode: 'break', revision: 3 }));

    await user.click(screen.getByTestId('btn-ready'));

    await waitFor(() => expect(screen.getByTestId('btn-ready')).toBeDisabled());
    expect(fetchMock.mock.calls[0][0]).toBe('/api/agents/agent1/ready');
    expect((fetchMock.mock.calls[0][1]?.headers as Record<string, string>)['X-XSRF-TOKEN']).toBe('tok');
    expect(client.getQueryData<Me>(queryKeys.me)?.agentState?.revision).toBe(4);
  });

  it('sends the chosen reason code with Not ready', async () => {
    const fetchMock = vi.fn(async (_url: string, init?: RequestInit) =>
      jsonResponse(200, agentState({ state: 'notReady', reasonCode: JSON.parse(String(init?.body)).reasonCode, revision: 4 })),
    );
    vi.stubGlobal('fetch', fetchMock);
    const user = userEvent.setup({ delay: null });
    renderFor(agentState({ state: 'ready' }));

    await user.click(screen.getByTestId('btn-not-ready'));
    await user.click(await screen.findByTestId('reason-lunch'));

    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    expect(fetchMock.mock.calls[0][0]).toBe('/api/agents/agent1/not-ready');
    expect(JSON.parse(String(fetchMock.mock.calls[0][1]?.body))).toEqual({ reasonCode: 'lunch' });
  });

  it('asks for a break when the reason needs approval, or from after-call work', async () => {
    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => jsonResponse(201, { id: 'team-1.x', state: 'pending', agentId: 'agent1', reasonCode: 'lunch' }));
    vi.stubGlobal('fetch', fetchMock);
    const user = userEvent.setup({ delay: null });
    const { client } = renderFor(agentState({ state: 'wrapUp' }));
    client.setQueryData(queryKeys.reasonCodes, [
      { code: 'break', name: 'Break' },
      { code: 'lunch', name: 'Lunch', needsApproval: true, maxAway: 1 },
    ]);
    await user.click(screen.getByTestId('btn-not-ready'));
    expect(await screen.findByTestId('reason-lunch')).toHaveTextContent('Lunch · needs approval');
    await user.click(screen.getByTestId('reason-break'));
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    expect(fetchMock.mock.calls[0][0]).toBe('/api/agents/agent1/break-requests');
    expect(JSON.parse(String(fetchMock.mock.calls[0][1]?.body))).toEqual({ reasonCode: 'break' });
  });

  it('on 409 refetches the state and tells the user', async () => {
    const fresh = agentState({ state: 'talking', revision: 9 });
    const fetchMock = vi.fn(async (_url: string, init?: RequestInit) =>
      init?.method === 'POST' ? jsonResponse(409, { title: 'Conflict', status: 409 }) : jsonResponse(200, fresh),
    );
    vi.stubGlobal('fetch', fetchMock);
    const user = userEvent.setup({ delay: null });
    renderFor(agentState({ state: 'ready', revision: 3 }));

    await user.click(screen.getByTestId('btn-sign-out'));

    expect(await screen.findByText(/changed in the meantime/)).toBeInTheDocument();
    await waitFor(() => expect(fetchMock).toHaveBeenCalledWith('/api/agents/agent1', expect.anything()));
    await waitFor(() => expect(screen.getByTestId('btn-sign-out')).toBeDisabled()); // now talking
  });

  it('shows the rule broken on 422', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse(422, { title: 'Rule', status: 422, detail: 'Tag the last call before going ready.' })),
    );
    const user = userEvent.setup({ delay: null });
    renderFor(agentState({ state: 'notReady', reasonCode: 'break' }));
    await user.click(screen.getByTestId('btn-ready'));
    expect(await screen.findByText('Tag the last call before going ready.')).toBeInTheDocument();
  });

  it('Alt+Y makes the agent ready', async () => {
    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => jsonResponse(200, agentState({ state: 'ready', revision: 4 })));
    vi.stubGlobal('fetch', fetchMock);
    const user = userEvent.setup({ delay: null });
    renderFor(agentState({ state: 'notReady', reasonCode: 'break' }));
    await user.keyboard('{Alt>}y{/Alt}');
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    expect(fetchMock).toHaveBeenCalledWith('/api/agents/agent1/ready', expect.objectContaining({ method: 'POST' }));
  });
});
