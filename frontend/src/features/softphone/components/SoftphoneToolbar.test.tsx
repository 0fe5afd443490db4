import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { LiveCall } from '../../../shared/api/callTypes';
import { applyLiveCall } from '../../../shared/calls/applyLiveCall';
import { liveCall, party } from '../../../test/calls';
import { agentState, jsonResponse, me, renderWith, signedInClient } from '../../../test/render';
import { SoftphoneToolbar } from './SoftphoneToolbar';

function setup(initialCalls: LiveCall[], state = agentState({ state: initialCalls.length ? 'talking' : 'ready' })) {
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    if (url === '/api/agents/agent1/calls') return jsonResponse(200, initialCalls);
    if (url === '/api/agents') return jsonResponse(403, { status: 403 });
    if (init?.method === 'POST' && url.startsWith('/api/calls/')) {
      const callId = url === '/api/calls/dial' ? 'new1' : url.split('/')[3];
      return jsonResponse(200, { callId: url.endsWith('/consult') ? 'k1' : callId });
    }
    return jsonResponse(404, { status: 404 });
  });
  vi.stubGlobal('fetch', fetchMock);
  const client = signedInClient(me(['agent'], state));
  const user = userEvent.setup({ delay: null });
  renderWith(<SoftphoneToolbar />, { client });
  const posted = (url: string) =>
    waitFor(() => expect(fetchMock).toHaveBeenCalledWith(url, expect.objectContaining({ method: 'POST' })));
  const bodyOf = (url: string) => JSON.parse(String(fetchMock.mock.calls.findLast(([u]) => u === url)![1]!.body));
  const push = (call: LiveCall) => act(() => applyLiveCall(client, call));
  return { fetchMock, client, user, posted, bodyOf, push };
}

describe('softphone toolbar', { timeout: 30_000 }, () => {
  it('enables from GET /api/agents/{me}/calls, then follows callChanged; answer, Alt+H hold and retrieve post to the call', async () => {
    const { user, posted, push } = setup([liveCall('c1', [party('agent1', 'ringing')])], agentState({ state: 'ready' }));

    await waitFor(() => expect(screen.getByTestId('btn-answer')).toBeEnabled());
    expect(screen.getByTestId('btn-hold')).toBeDisabled();
    expect(screen.getByTestId('btn-hang-up')).toBeEnabled(); // decline
    expect(screen.getByTestId('btn-answer')).toHaveAttribute('aria-keyshortcuts', 'Alt+A');
    await user.click(screen.getByTestId('btn-answer'));
    await posted('/api/calls/c1/answer');

    push(liveCall('c1', [party('agent1', 'talking')]));
    await waitFor(() => expect(screen.getByTestId('btn-hold')).toBeEnabled());
    expect(screen.getByTestId('btn-answer')).toBeDisabled();
    expect(screen.getByTestId('btn-retrieve')).toBeDisabled();
    await user.keyboard('{Alt>}h{/Alt}');
    await posted('/api/calls/c1/hold');

    push(liveCall('c1', [party('agent1', 'held')]));
    await waitFor(() => expect(screen.getByTestId('btn-retrieve')).toBeEnabled());
    await user.keyboard('{Alt>}h{/Alt}'); // the same key takes it off hold
    await posted('/api/calls/c1/retrieve');

    push(liveCall('c1', [party('agent1', 'talking')]));
    await waitFor(() => expect(screen.getByTestId('btn-hang-up')).toBeEnabled());
    await user.keyboard('{Alt>}x{/Alt}');
    await posted('/api/calls/c1/hang-up');
    push(liveCall('c1', [], { ended: true }));
    await waitFor(() => expect(screen.getByTestId('btn-hang-up')).toBeDisabled());
  });

  it('mute toggles to unmute', async () => {
    const { user, posted, push } = setup([liveCall('c1', [party('agent1', 'talking')])]);
    await waitFor(() => expect(screen.getByTestId('btn-mute')).toBeEnabled());
    await user.click(screen.getByTestId('btn-mute'));
    await posted('/api/calls/c1/mute');
    push(liveCall('c1', [party('agent1', 'talking', true)]));
    await user.click(await screen.findByTestId('btn-unmute'));
    await posted('/api/calls/c1/unmute');
  });

  it('consults a typed agent id (no agent list for agents), then completes the transfer to them', async () => {
    const { user, posted, bodyOf, push } = setup([liveCall('c1', [party('agent1', 'talking')])]);
    await waitFor(() => expect(screen.getByTestId('btn-consult')).toBeEnabled());
    await user.click(screen.getByTestId('btn-consult'));
    const input = await screen.findByTestId('target-agent');
    await user.type(input, 'agent2');
    await user.click(screen.getByTestId('target-submit'));
    await posted('/api/calls/c1/consult');
    expect(bodyOf('/api/calls/c1/consult')).toEqual({ targetAgentId: 'agent2', purpose: 'transfer' });

    push(liveCall('c1', [party('agent1', 'held')]));
    push(liveCall('k1', [party('agent1', 'talking'), party('agent2', 'ringing')], { kind: 'consult', consultFor: 'c1' }));
    await waitFor(() => expect(screen.getByTestId('btn-hold')).toBeEnabled());
    expect(screen.getByTestId('btn-transfer')).toBeDisabled(); // agent2 has not answered yet
    push(liveCall('k1', [party('agent1', 'talking'), party('agent2', 'talking')], { kind: 'consult', consultFor: 'c1' }));
    await waitFor(() => expect(screen.getByTestId('btn-transfer')).toBeEnabled());
    expect(screen.getByTestId('btn-conference')).toBeEnabled();
    expect(screen.getByTestId('btn-connect-release')).toBeEnabled();
    await user.click(screen.getByTestId('btn-transfer'));
    await posted('/api/calls/c1/transfer');
    expect(bodyOf('/api/calls/c1/transfer')).toEqual({ consultCallId: 'k1' });
  });

  it('blind transfer to a skill group', async () => {
    const { user, posted, bodyOf } = setup([liveCall('c1', [party('agent1', 'talking')])]);
    await waitFor(() => expect(screen.getByTestId('btn-transfer')).toBeEnabled());
    await user.click(screen.getByTestId('btn-transfer'));
    await user.click(await screen.findByTestId('target-kind-queue'));
    await user.type(screen.getByRole('combobox'), 'billing');
    await user.click(screen.getByTestId('target-submit'));
    await posted('/api/calls/c1/transfer');
    expect(bodyOf('/api/calls/c1/transfer')).toEqual({ targetQueue: 'billing' });
  });

  it('dials a number from the pad and keeps it among the frequent numbers', async () => {
    const { user, posted, bodyOf } = setup([]);
    await waitFor(() => expect(screen.getByTestId('btn-dial')).toBeEnabled());
    expect(screen.getByTestId('btn-answer')).toBeDisabled();
    await user.click(screen.getByTestId('btn-dial'));
    await user.type(await screen.findByTestId('dial-number'), '0571');
    await user.click(screen.getByTestId('dial-key-8'));
    await user.click(screen.getByTestId('dial-submit'));
    await posted('/api/calls/dial');
    expect(bodyOf('/api/calls/dial')).toEqual({ number: '05718' });
    await waitFor(() => expect(localStorage.getItem('callcenter.frequentNumbers')).toContain('05718'));

    await user.click(screen.getByTestId('btn-dial'));
    expect(await screen.findByTestId('dial-frequent')).toHaveTextContent('05718');
  });

  it('internal help, escalated to three-party (conference); connect-and-release names the consult call', async () => {
    const { user, posted, bodyOf, push } = setup([liveCall('c1', [party('agent1', 'talking')])]);
    await waitFor(() => expect(screen.getByTestId('btn-help')).toBeEnabled());
    await user.click(screen.getByTestId('btn-help'));
    await user.type(await screen.findByTestId('target-agent'), 'agent9{Enter}');
    await posted('/api/calls/c1/consult');
    expect(bodyOf('/api/calls/c1/consult')).toEqual({ targetAgentId: 'agent9', purpose: 'help' });

    push(liveCall('c1', [party('agent1', 'held')]));
    push(liveCall('h1', [party('agent1', 'talking'), party('agent9', 'talking')], { kind: 'help', consultFor: 'c1' }));
    await waitFor(() => expect(screen.getByTestId('btn-conference')).toBeEnabled());
    await user.keyboard('{Alt>}k{/Alt}');
    await posted('/api/calls/c1/conference');
    expect(bodyOf('/api/calls/c1/conference')).toEqual({ consultCallId: 'h1' });
    await user.click(screen.getByTestId('btn-connect-release'));
    await posted('/api/calls/c1/connect-and-release');
    expect(bodyOf('/api/calls/c1/connect-and-release')).toEqual({ consultCallId: 'h1' });
  });

  it("picks up a colleague's ringing call: known ones are listed, others by call id", async () => {
    const { user, posted, push } = setup([]);
    push(liveCall('r7', [party('agent7', 'ringing')]));
    await waitFor(() => expect(screen.getByTestId('btn-pick-up')).toBeEnabled());
    await user.click(screen.getByTestId('btn-pick-up'));
    expect(await screen.findByTestId('pick-up-call-r7')).toHaveTextContent('agent7');
    await user.type(screen.getByTestId('pick-up-call-id'), 'x42');
    await user.click(screen.getByTestId('pick-up-submit'));
    await posted('/api/calls/x42/pick-up');
  });
});
