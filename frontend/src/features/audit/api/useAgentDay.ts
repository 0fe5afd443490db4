import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../shared/api/client';
import type { AgentDay, AgentOption } from './types';

/** The replay of one agent's day; a past day does not change, so it stays fresh for the session. */
export function useAgentDay(agentId: string | null, day: string | null) {
  return useQuery({
    queryKey: ['audit', 'agent-day', agentId, day],
    queryFn: ({ signal }) =>
      apiGet<AgentDay>(`/api/audit/agents/${encodeURIComponent(agentId!)}/days/${day}`, signal),
    enabled: !!agentId && !!day,
    staleTime: 60_000,
  });
}

/** The agents to choose from (GET /api/agents answers auditors too). */
export function useAuditAgents() {
  return useQuery({
    queryKey: ['audit', 'agents'],
    queryFn: async ({ signal }) =>
      (await apiGet<AgentOption[]>('/api/agents', signal))
        .map(({ agentId, name }) => ({ agentId, name }))
        .sort((a, b) => a.agentId.localeCompare(b.agentId, undefined, { numeric: true })),
    staleTime: 10 * 60_000,
  });
}
