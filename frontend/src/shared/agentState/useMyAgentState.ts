import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { isApiError } from '../api/ApiError';
import { apiGet } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import type { AgentState } from '../api/types';
import { useMe } from '../auth/useMe';
import { appendHistory, newerOf, type AgentStateHistoryEntry } from './applyAgentState';

export function fetchAgentState(id: string, signal?: AbortSignal): Promise<AgentState | null> {
  return apiGet<AgentState>(`/api/agents/${encodeURIComponent(id)}`, signal).catch((e) => {
    if (isApiError(e, 404)) return null; // never signed in: no stream yet
    throw e;
  });
}

/** Whether the signed-in user works the phone (has an agent state to control). */
export function isAgentUser(roles: readonly string[] | undefined): boolean {
  return !!roles?.includes('agent');
}

/**
 * The signed-in user's own agent state: seeded from /api/me, kept live by SignalR and command
 * responses (see applyAgentState). `undefined` while unknown; `null` for users without one.
 */
export function useMyAgentState(): AgentState | null | undefined {
  const me = useMe().data;
  const id = me?.id ?? '';
  const enabled = !!me && (isAgentUser(me.roles) || !!me.agentState);
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: queryKeys.agent(id),
    queryFn: async ({ signal }) =>
      newerOf(await fetchAgentState(id, signal), queryClient.getQueryData<AgentState | null>(queryKeys.agent(id))),
    enabled,
    initialData: me?.agentState ?? undefined,
    // Pushed live over SignalR; the hub refetches on (re)connect, a 409 refetches too.
    staleTime: 60_000,
  });
  useSeedHistory(id, query.data);
  if (!me) return undefined;
  if (!enabled) return null;
  return query.data;
}

/** Session history starts with the state we found at load time. */
function useSeedHistory(id: string, state: AgentState | null | undefined) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!id || !state || state.agentId !== id) return;
    queryClient.setQueryData<AgentStateHistoryEntry[]>(queryKeys.agentHistory(id), (h) =>
      appendHistory(h ?? [], state),
    );
  }, [id, state, queryClient]);
}

export function useMyStateHistory(id: string | undefined): AgentStateHistoryEntry[] {
  const query = useQuery({
    queryKey: queryKeys.agentHistory(id ?? ''),
    queryFn: () => [] as AgentStateHistoryEntry[],
    enabled: false,
    staleTime: Infinity,
    gcTime: Infinity,
  });
  return query.data ?? [];
}
