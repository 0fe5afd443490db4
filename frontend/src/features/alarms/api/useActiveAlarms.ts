import { useQuery } from '@tanstack/react-query';
import type { AlarmStatus } from '../../../shared/api/alarmTypes';
import { apiGet } from '../../../shared/api/client';
import { queryKeys } from '../../../shared/api/queryKeys';
import { sortAlarms } from '../../../shared/alarms/applyAlarm';

/**
 * GET /api/alarms/active; `alarmChanged` pushes update the cache directly (shared/signalr).
 * A slow refetch keeps the call counts of the sliding window current between level changes.
 */
export function useActiveAlarms() {
  return useQuery({
    queryKey: queryKeys.activeAlarms,
    queryFn: async ({ signal }) => sortAlarms(await apiGet<AlarmStatus[]>('/api/alarms/active', signal)),
    staleTime: 60_000,
    refetchInterval: 120_000,
  });
}
