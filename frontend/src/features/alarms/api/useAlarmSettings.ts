import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPut } from '../../../shared/api/client';
import { queryKeys } from '../../../shared/api/queryKeys';

export interface AlarmSettings {
  level3: number;
  level2: number;
  level1: number;
  windowMinutes: number;
  since?: string | null;
}

export function useAlarmSettings() {
  return useQuery({
    queryKey: queryKeys.alarmSettings,
    queryFn: ({ signal }) => apiGet<AlarmSettings>('/api/alarms/settings', signal),
  });
}

/** PUT /api/alarms/settings (admins): in effect from now on. */
export function useSaveAlarmSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (s: Omit<AlarmSettings, 'since'>) => apiPut<AlarmSettings>('/api/alarms/settings', s),
    onSuccess: (saved) => queryClient.setQueryData(queryKeys.alarmSettings, saved),
  });
}
