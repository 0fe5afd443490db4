import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../shared/api/client';
import type { AgentStateKey } from '../../../shared/api/types';

/** What an agent may know of a colleague (GET /api/agents/presence): name, state, extension. */
export interface ColleaguePresence {
  agentId: string;
  name: string;
  state: AgentStateKey;
  extension: string | null;
}

/**
 * Colleagues to pick a transfer / consult / help target from (GET /api/agents/presence, any desk
 * user), refreshed while the picker is open; `null` when it cannot be read, so the picker asks for an id.
 */
export function useAgentDirectory(enabled: boolean) {
  const query = useQuery({
    queryKey: ['agents', 'presence'],
    queryFn: ({ signal }) => apiGet<ColleaguePresence[]>('/api/agents/presence', signal),
    enabled,
    retry: false,
    staleTime: 2_000,
    refetchInterval: enabled ? 3_000 : false,
  });
  return { agents: query.isError ? null : query.data, loading: query.isLoading };
}
