import { describe, expect, it } from 'vitest';
import { agentState, me, signedInClient } from '../../test/render';
import { HISTORY_LIMIT, mergeAgentLists, newerOf, type AgentStateHistoryEntry } from '../agentState/applyAgentState';
import { queryKeys } from '../api/queryKeys';
import type { AgentState, Me } from '../api/types';
import { liveCall, party, singlePop } from '../../test/calls';
import type { LiveCall, ScreenPop } from '../api/callTypes';
import { AGENT_STATE_CHANGED, CALL_CHANGED, registerCacheSync, SCREEN_POP, SETTINGS_CHANGED } from './hubEvents';
import { FakeHub } from '../../test/fakeHub';

describe('agentStateChanged → query caches', () => {
  it("updates ['agent', id], ['agents'] and my ['me'].agentState and history", () => {
    const client = signedInClient(me(['agent', 'supervisor'], agentState({ state: 'signedOut', revision: 1 })));
    client.setQueryData(queryKeys.agents, [
      agentState({ state: 'signedOut', revision: 1 }),
      agentState({ agentId: 'agent2', name: 'Agent Two', state: 'ready', revision: 7 }),
    ]);
    const hub = new FakeHub();
    registerCacheSync(hub, client);

    hub.emit(AGENT_STATE_CHANGED, agentState({ state: 'ready', revision: 2 }));

    expect(client.getQueryData<AgentState>(queryKeys.agent('agent1'))?.state).toBe('ready');
    expect(client.getQueryData<Me>(queryKeys.me)?.agentState?.state).toBe('ready');
    const list = client.getQueryData<AgentState[]>(queryKeys.agents)!;
    expect(list.map((a) => [a.agentId, a.state])).toEqual([
      ['agent1', 'ready'],
      ['agent2', 'ready'],
    ]);
    const history = client.getQueryData<AgentStateHistoryEntry[]>(queryKeys.agentHistory('agent1'))!;
    expect(history[0]).toMatchObject({ state: 'ready', revision: 2 });
  });

  it("adds an agent not yet in the list, and does not touch ['me'] for someone else", () => {
    const client = signedInClient(me(['supervisor'], null));
    client.setQueryData(queryKeys.agents, []);
    const hub = new FakeHub();
    registerCacheSync(hub, client);

    hub.emit(AGENT_STATE_CHANGED, agentState({ agentId: 'agent9', state: 'notReady', reasonCode: 'lunch' }));

    expect(client.getQueryData<AgentState[]>(queryKeys.agents)).toHaveLength(1);
    expect(client.getQueryData<AgentState>(queryKeys.agent('agent9'))?.reasonCode).toBe('lunch');
    expect(client.getQueryData<Me>(queryKeys.me)?.agentState).toBeNull();
  });

  it('ignores a push older than the cached revision', () => {
    const client = signedInClient(me(['agent'], agentState({ state: 'notReady', reasonCode: 'break', revision: 5 })));
    client.setQueryData(queryKeys.agents, [agentState({ state: 'notReady', revision: 5 })]);
    const hub = new FakeHub();
    registerCacheSync(hub, client);

    hub.emit(AGENT_STATE_CHANGED, agentState({ state: 'ready', revision: 4 }));

    expect(client.getQueryData<AgentState>(queryKeys.agent('agent1'))?.state).toBe('notReady');
    expect(client.getQueryData<AgentState[]>(queryKeys.agents)![0].state).toBe('notReady');
    expect(client.getQueryData<Me>(queryKeys.me)?.agentState?.state).toBe('notReady');
  });

  it('keeps the history short and stops listening when unregistered', () => {
    const client = signedInClient(me(['agent'], agentState({ revision: 0 })));
    const hub = new FakeHub();
    const unregister = registerCacheSync(hub, client);
    for (let r = 1; r <= HISTORY_LIMIT + 5; r++) hub.emit(AGENT_STATE_CHANGED, agentState({ revision: r }));
    const history = client.getQueryData<AgentStateHistoryEntry[]>(queryKeys.agentHistory('agent1'))!;
    expect(history).toHaveLength(HISTORY_LIMIT);
    expect(history[0].revision).toBe(HISTORY_LIMIT + 5);

    unregister();
    hub.emit(AGENT_STATE_CHANGED, agentState({ state: 'wrapUp', revision: 999 }));
    expect(client.getQueryData<AgentState>(queryKeys.agent('agent1'))?.state).toBe('ready');
  });
});

describe('a refetch that raced a push', () => {
  it('keeps the pushed state when the fetched snapshot has a lower revision', () => {
    const pushed = agentState({ state: 'ready', revision: 8 });
    const fetched = agentState({ state: 'signedOut', revision: 7 });
    expect(newerOf(fetched, pushed)).toBe(pushed);
    expect(newerOf(agentState({ revision: 9, state: 'talking' }), pushed)?.state).toBe('talking');
    const list = mergeAgentLists([fetched, agentState({ agentId: 'agent2', revision: 1 })], [pushed]);
    expect(list.map((a) => a.revision)).toEqual([8, 1]);
  });
});

describe('callChanged and screenPop → query caches', () => {
  it("keeps my live calls: added while I am on the call, dropped when I left or it ended; the call's shape stays", () => {
    const client = signedInClient(me(['agent'], agentState()));
    client.setQueryData(queryKeys.calls('agent1'), []);
    const hub = new FakeHub();
    registerCacheSync(hub, client);
    const mine = () => client.getQueryData<LiveCall[]>(queryKeys.calls('agent1'))!.map((c) => [c.callId, c.parties.map((p) => p.state).join()]);

    hub.emit(CALL_CHANGED, liveCall('c1', [party('agent1', 'ringing')]));
    expect(mine()).toEqual([['c1', 'ringing']]);
    hub.emit(CALL_CHANGED, liveCall('c1', [party('agent1', 'talking')]));
    hub.emit(CALL_CHANGED, liveCall('c2', [party('agent7', 'ringing')])); // someone else's
    expect(mine()).toEqual([['c1', 'talking']]);
    hub.emit(CALL_CHANGED, liveCall('c1', [party('agent2', 'talking')])); // transferred away from me
    expect(mine()).toEqual([]);
    hub.emit(CALL_CHANGED, liveCall('c3', [party('agent1', 'talking')]));
    hub.emit(CALL_CHANGED, liveCall('c3', [], { ended: true }));
    expect(mine()).toEqual([]);
    const ended = client.getQueryData<LiveCall>(queryKeys.call('c3'))!;
    expect(ended.ended).toBe(true);
    expect(ended.ani).toBe('13900000001');
  });

  it('remembers calls ringing at colleagues (pick-up) until answered', () => {
    const client = signedInClient(me(['agent', 'supervisor'], agentState()));
    const hub = new FakeHub();
    registerCacheSync(hub, client);
    const ringing = () => client.getQueryData<LiveCall[]>(queryKeys.ringingElsewhere)!.map((c) => c.callId);
    hub.emit(CALL_CHANGED, liveCall('c5', [party('agent7', 'ringing')]));
    expect(ringing()).toEqual(['c5']);
    hub.emit(CALL_CHANGED, liveCall('c5', [party('agent7', 'talking')]));
    expect(ringing()).toEqual([]);
  });

  it("stores a pushed screen pop under the call's id", () => {
    const client = signedInClient(me(['agent'], agentState()));
    const hub = new FakeHub();
    registerCacheSync(hub, client);
    hub.emit(SCREEN_POP, singlePop('c9'));
    expect(client.getQueryData<ScreenPop>(queryKeys.screenPop('c9'))?.customer?.name).toBe('Wang Fang');
  });
});

describe('settingsChanged → the center title everywhere', () => {
  it('replaces the public settings in the cache (the header and document title follow without a reload)', () => {
    const client = signedInClient(me());
    client.setQueryData(queryKeys.publicSettings, { centerTitle: 'Old title', timeZone: 'Asia/Shanghai' });
    const hub = new FakeHub();
    registerCacheSync(hub, client);
    hub.emit(SETTINGS_CHANGED, { centerTitle: '96123 热线', timeZone: 'Asia/Shanghai', timeZoneOffset: 'UTC+8', logo: null });
    expect(client.getQueryData<{ centerTitle: string }>(queryKeys.publicSettings)?.centerTitle).toBe('96123 热线');
  });
});
