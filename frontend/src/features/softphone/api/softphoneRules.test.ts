import { describe, expect, it } from 'vitest';
import type { LiveCall } from '../../../shared/api/callTypes';
import { agentState } from '../../../test/render';
import { liveCall, party } from '../../../test/calls';
import { callSituation, planAction, softphoneActions, type SoftphoneAction } from './softphoneRules';

const ME = 'agent1';
const all: SoftphoneAction[] = [...softphoneActions, 'unmute'];

function enabledFor(calls: LiveCall[], state = agentState({ state: calls.length ? 'talking' : 'ready' })) {
  const s = callSituation(calls, ME);
  return all.filter((a) => planAction(a, s, state).enabled).sort();
}

describe('softphone enablement (which buttons in which call state)', () => {
  it('no call: dial and pick-up only; signed out: nothing', () => {
    expect(enabledFor([])).toEqual(['dial', 'pickUp']);
    expect(enabledFor([], agentState({ state: 'signedOut' }))).toEqual([]);
    expect(enabledFor([], null as never)).toEqual([]);
  });

  it('ringing at me: answer and hang up (decline), nothing else that needs a connected call', () => {
    expect(enabledFor([liveCall('c1', [party(ME, 'ringing')])])).toEqual(['answer', 'dial', 'hangUp', 'pickUp']);
  });

  it('talking: hang up, hold, mute, consult, help, blind transfer; no dial while talking (R-PHONE-4)', () => {
    expect(enabledFor([liveCall('c1', [party(ME, 'talking')])])).toEqual(
      ['consult', 'hangUp', 'help', 'hold', 'mute', 'transfer'].sort(),
    );
  });

  it('muted: unmute instead of mute', () => {
    const on = enabledFor([liveCall('c1', [party(ME, 'talking', true)])]);
    expect(on).toContain('unmute');
    expect(on).not.toContain('mute');
  });

  it('held: retrieve, hang up, dial out (R-PHONE-4), consult about it; no hold, no blind transfer', () => {
    expect(enabledFor([liveCall('c1', [party(ME, 'held')])])).toEqual(
      ['consult', 'dial', 'hangUp', 'help', 'pickUp', 'retrieve'].sort(),
    );
  });

  it('consulting a colleague who has not answered yet: no transfer/conference until they do', () => {
    const held = liveCall('c1', [party(ME, 'held')]);
    const ringingConsult = liveCall('k1', [party(ME, 'talking'), party('agent2', 'ringing')], { kind: 'consult', consultFor: 'c1', direction: 'internal' });
    expect(enabledFor([held, ringingConsult])).toEqual(['hangUp', 'hold', 'mute'].sort());

    const answered = { ...ringingConsult, parties: [party(ME, 'talking'), party('agent2', 'talking')] };
    const s = callSituation([held, answered], ME);
    expect(enabledFor([held, answered])).toEqual(['conference', 'connectRelease', 'hangUp', 'hold', 'mute', 'transfer'].sort());
    // transfer completes the consultation: the held call goes to the consulted agent
    expect(planAction('transfer', s, agentState({ state: 'talking' }))).toEqual({ enabled: true, callId: 'c1', consultCallId: 'k1' });
    expect(planAction('conference', s, agentState({ state: 'talking' }))).toMatchObject({ callId: 'c1', consultCallId: 'k1' });
    // hang up and hold act on the consult call I talk on, not the held customer
    expect(planAction('hangUp', s, agentState({ state: 'talking' })).callId).toBe('k1');
  });

  it('consulting an external number counts as answered once dialed', () => {
    const held = liveCall('c1', [party(ME, 'held')]);
    const external = liveCall('k2', [party(ME, 'talking')], { kind: 'consult', consultFor: 'c1', direction: 'outbound', ani: '95555' });
    expect(planAction('transfer', callSituation([held, external], ME), agentState()).consultCallId).toBe('k2');
  });

  it('the consulted agent (on the consult call only) cannot blind-transfer or consult it', () => {
    const consult = liveCall('k1', [party('agent2', 'held'), party(ME, 'talking')], { kind: 'consult', consultFor: 'c1' });
    expect(enabledFor([consult])).toEqual(['hangUp', 'hold', 'mute'].sort());
  });

  it('ended calls and calls I left do not count', () => {
    expect(enabledFor([liveCall('c1', [party(ME, 'talking')], { ended: true })], agentState({ state: 'wrapUp' }))).toEqual(['dial', 'pickUp']);
    expect(enabledFor([liveCall('c1', [party(ME, 'left'), party('agent2', 'talking')])], agentState())).toEqual(['dial', 'pickUp']);
  });
});
