import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../shared/api/client';
import { queryKeys } from '../../../shared/api/queryKeys';
import type { AgentState } from '../../../shared/api/types';

/** All agents' states (supervisor/admin); kept live by agentStateChanged pushes. */
export function useAgents() {
  return useQuery({
    queryKey: queryKeys.agents,
    queryFn: ({ signal }) => apiGet<AgentState[]>('/api/agents', signal),
    staleTime: 5 * 60_000,
  });
}
