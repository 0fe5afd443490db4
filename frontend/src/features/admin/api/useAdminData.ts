import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiGet, apiPost, apiPut } from '../../../shared/api/client';
import type { AgentRef, BlacklistEntry, BusinessCalendar, CallPurpose, Queue, ReasonCode, SkillGroup } from './adminTypes';

/** Query keys of the admin pages (their own namespace: nothing else reads these lists with all=true). */
export const adminKeys = {
  reasonCodes: ['admin', 'reason-codes'] as const,
  callPurposes: ['admin', 'call-purposes'] as const,
  skillGroups: ['admin', 'skill-groups'] as const,
  queues: ['admin', 'queues'] as const,
  calendars: ['admin', 'business-calendars'] as const,
  blacklist: ['admin', 'blacklist'] as const,
  agents: ['admin', 'agents'] as const,
};

function useList<T>(key: readonly string[], path: string) {
  return useQuery({ queryKey: key, queryFn: ({ signal }) => apiGet<T[]>(path, signal) });
}

export const useReasonCodesAdmin = () => useList<ReasonCode>(adminKeys.reasonCodes, '/api/reason-codes?all=true');
export const useCallPurposesAdmin = () => useList<CallPurpose>(adminKeys.callPurposes, '/api/call-purposes?all=true');
export const useSkillGroups = () => useList<SkillGroup>(adminKeys.skillGroups, '/api/skill-groups');
export const useQueuesAdmin = () => useList<Queue>(adminKeys.queues, '/api/queues');
export const useCalendars = () => useList<BusinessCalendar>(adminKeys.calendars, '/api/business-calendars');
export const useBlacklist = () => useList<BlacklistEntry>(adminKeys.blacklist, '/api/blacklist');
export const useAgentsForAdmin = () => useList<AgentRef>(adminKeys.agents, '/api/agents');

/** A PUT/POST/DELETE that refreshes the given lists (and the desk's own caches of the same data) once it succeeds. */
export function useAdminSave<V, R = unknown>(fn: (v: V) => Promise<R>, ...keys: (readonly string[])[]) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      for (const key of keys) void queryClient.invalidateQueries({ queryKey: key });
      void queryClient.invalidateQueries({ queryKey: ['reason-codes'] });
      void queryClient.invalidateQueries({ queryKey: ['call-purposes'] });
    },
  });
}

export const putJson = (path: string, body: unknown) => apiPut<unknown>(path, body);
export const postJson = (path: string, body: unknown) => apiPost<unknown>(path, body);
export const deleteJson = (path: string) => api<unknown>(path, { method: 'DELETE' });
