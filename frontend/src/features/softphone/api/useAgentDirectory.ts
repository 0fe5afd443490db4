import { useQuery } from '@tanstack/react-query';
import { isApiError } from '../../../shared/api/ApiError';
import { apiGet } from '../../../shared/api/client';
import { queryKeys } from '../../../shared/api/queryKeys';
import type { AgentState } from '../../../shared/api/types';

/**
 * Agents to pick a transfer / consult target from: GET /api/agents when this user may list
 * them (supervisors, admins); `null` when not permitted (403), so the picker asks for an id.
 */
export function useAgentDirectory(enabled: boolean) {
  const query = useQuery({
    queryKey: queryKeys.agents,
    queryFn: ({ signal }) => apiGet<AgentState[]>('/api/agents', signal),
    enabled,
    retry: false,
    staleTime: 30_000,
  });
  const forbidden = isApiError(query.error) && (query.error.status === 403 || query.error.status === 401);
  return { agents: forbidden || query.isError ? null : query.data, loading: query.isLoading };
}
