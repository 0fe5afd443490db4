import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { LiveCall } from '../api/callTypes';
import { apiGet } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import { useMe } from '../auth/useMe';
import { isAgentUser } from '../agentState/useMyAgentState';

/**
 * The signed-in agent's live calls: GET /api/agents/{me}/calls on load (and on SignalR
 * reconnect), then kept live by `callChanged` pushes (applyLiveCall). Also remembers each
 * call's shape under ['call', id] so a call's tab still shows it after it ended.
 */
export function useMyCalls(): LiveCall[] {
  const me = useMe().data;
  const id = me?.id ?? '';
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: queryKeys.calls(id),
    queryFn: async ({ signal }) => {
      const calls = await apiGet<LiveCall[]>(`/api/agents/${encodeURIComponent(id)}/calls`, signal);
      for (const c of calls) queryClient.setQueryData(queryKeys.call(c.callId), c);
      return calls;
    },
    enabled: !!me && isAgentUser(me.roles),
    staleTime: 60_000,
  });
  return query.data ?? [];
}

/** The last known shape of one call (live or ended). */
export function useCall(callId: string): LiveCall | undefined {
  return useQuery({
    queryKey: queryKeys.call(callId),
    queryFn: () => undefined as unknown as LiveCall,
    enabled: false,
    staleTime: Infinity,
    gcTime: Infinity,
  }).data;
}

export function useRingingElsewhere(): LiveCall[] {
  return (
    useQuery({
      queryKey: queryKeys.ringingElsewhere,
      queryFn: () => [] as LiveCall[],
      enabled: false,
      staleTime: Infinity,
      gcTime: Infinity,
    }).data ?? []
  );
}
