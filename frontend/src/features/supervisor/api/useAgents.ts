import { useQuery, useQueryClient } from '@tanstack/react-query';
import { mergeAgentLists } from '../../../shared/agentState/applyAgentState';
import { apiGet } from '../../../shared/api/client';
import { queryKeys } from '../../../shared/api/queryKeys';
import type { AgentState } from '../../../shared/api/types';

/** All agents' states (supervisor/admin); kept live by agentStateChanged pushes. */
export function useAgents() {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: queryKeys.agents,
    queryFn: async ({ signal }) =>
      mergeAgentLists(
        await apiGet<AgentState[]>('/api/agents', signal),
        queryClient.getQueryData<AgentState[]>(queryKeys.agents),
      ),
    staleTime: 5 * 60_000,
  });
}
