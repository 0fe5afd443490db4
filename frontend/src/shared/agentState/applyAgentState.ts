import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../api/queryKeys';
import type { AgentState, Me } from '../api/types';

export const HISTORY_LIMIT = 20;

export interface AgentStateHistoryEntry {
  state: AgentState['state'];
  reasonCode: string | null;
  since: string | null;
  revision: number;
}

/** True when `incoming` is not older than what we already hold (revisions only grow). */
function isNewer(current: AgentState | null | undefined, incoming: AgentState): boolean {
  return !current || current.agentId !== incoming.agentId || incoming.revision >= current.revision;
}

/**
 * Puts one agent state (from a SignalR `agentStateChanged` or a command's response) into every
 * cache that shows it: ['agent', id], ['agents'], ['me'].agentState when it is me, and my
 * session history. Older revisions than the cached one are ignored, so a late push never
 * overwrites a newer command result.
 */
export function applyAgentState(queryClient: QueryClient, incoming: AgentState): void {
  const id = incoming.agentId;

  const current = queryClient.getQueryData<AgentState | null>(queryKeys.agent(id));
  const fresh = isNewer(current, incoming);
  if (fresh) queryClient.setQueryData(queryKeys.agent(id), incoming);

  queryClient.setQueryData<AgentState[]>(queryKeys.agents, (list) => {
    if (!list) return list;
    const index = list.findIndex((a) => a.agentId === id);
    if (index < 0) return [...list, incoming];
    if (!isNewer(list[index], incoming)) return list;
    const next = list.slice();
    next[index] = incoming;
    return next;
  });

  const me = queryClient.getQueryData<Me | null>(queryKeys.me);
  if (me && me.id === id && isNewer(me.agentState, incoming)) {
    queryClient.setQueryData<Me>(queryKeys.me, { ...me, agentState: incoming });
  }

  if (me && me.id === id && fresh) {
    queryClient.setQueryData<AgentStateHistoryEntry[]>(queryKeys.agentHistory(id), (history) =>
      appendHistory(history ?? [], incoming),
    );
  }
}

export function appendHistory(
  history: AgentStateHistoryEntry[],
  s: AgentState,
): AgentStateHistoryEntry[] {
  if (history.some((h) => h.revision === s.revision)) return history;
  const entry = { state: s.state, reasonCode: s.reasonCode, since: s.since, revision: s.revision };
  return [entry, ...history].sort((a, b) => b.revision - a.revision).slice(0, HISTORY_LIMIT);
}

/**
 * A fetched snapshot can be older than a push that arrived while the request was in flight;
 * keep whichever of (fetched, cached) has the higher revision.
 */
export function newerOf(fetched: AgentState | null, cached: AgentState | null | undefined): AgentState | null {
  if (!fetched) return cached ?? null;
  return cached && cached.agentId === fetched.agentId && cached.revision > fetched.revision ? cached : fetched;
}

export function mergeAgentLists(fetched: AgentState[], cached: AgentState[] | undefined): AgentState[] {
  if (!cached?.length) return fetched;
  const byId = new Map(cached.map((a) => [a.agentId, a]));
  return fetched.map((a) => newerOf(a, byId.get(a.agentId)) ?? a);
}
