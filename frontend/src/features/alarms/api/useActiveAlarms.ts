import { useQuery, useQueryClient } from '@tanstack/react-query';
import { withPushesSince } from '../../../shared/alarms/applyAlarm';
import type { AlarmStatus } from '../../../shared/api/alarmTypes';
import { apiGet } from '../../../shared/api/client';
import { queryKeys } from '../../../shared/api/queryKeys';

/**
 * GET /api/alarms/active; `alarmChanged` pushes update the cache directly (shared/signalr), and a
 * push that arrives while this is in flight is laid over the answer. A slow refetch keeps the call
 * counts of the sliding window current between level changes.
 */
export function useActiveAlarms() {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: queryKeys.activeAlarms,
    queryFn: async ({ signal }) => {
      const startedAt = Date.now();
      return withPushesSince(queryClient, startedAt, await apiGet<AlarmStatus[]>('/api/alarms/active', signal));
    },
    staleTime: 60_000,
    refetchInterval: 120_000,
  });
}
