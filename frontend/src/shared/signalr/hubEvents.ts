import type { QueryClient } from '@tanstack/react-query';
import { applyAgentState } from '../agentState/applyAgentState';
import type { AgentState } from '../api/types';

/** The part of a HubConnection the event wiring needs (so tests can pass a fake). */
export interface HubEventSource {
  on(event: string, handler: (...args: never[]) => void): void;
  off(event: string, handler: (...args: never[]) => void): void;
}

export const AGENT_STATE_CHANGED = 'agentStateChanged';

/** Server → client events that feed TanStack Query caches directly (no refetch loop). */
export function registerCacheSync(connection: HubEventSource, queryClient: QueryClient): () => void {
  const onAgentStateChanged = (state: AgentState) => applyAgentState(queryClient, state);
  connection.on(AGENT_STATE_CHANGED, onAgentStateChanged);
  return () => connection.off(AGENT_STATE_CHANGED, onAgentStateChanged);
}
