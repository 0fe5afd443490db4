import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost } from '../api/client';

/** R-STATE-3: a break request (GET /api/break-requests). */
export interface BreakRequest {
  id: string;
  teamId: string;
  agentId: string;
  name: string;
  reasonCode: string;
  state: 'pending' | 'approved' | 'denied' | 'cancelled' | 'ended';
  requestedAt: string;
  decidedAt: string | null;
  automatic: boolean;
  startedAt: string | null;
  endedAt: string | null;
  /** Pending: place in the line for the reason's free places (1 = next). */
  waitingPosition: number | null;
}

/** Every list of break requests; `breakRequestChanged` invalidates them all. */
export const breakRequestsKey = ['break-requests'] as const;
export const BREAK_REQUEST_CHANGED = 'breakRequestChanged';

/** The break requests the caller may see (an agent: its own; a supervisor: its teams'), kept live by pushes. */
export function useBreakRequests(enabled = true) {
  return useQuery({
    queryKey: breakRequestsKey,
    queryFn: ({ signal }) => apiGet<BreakRequest[]>('/api/break-requests', signal),
    enabled,
    staleTime: 60_000,
  });
}

type BreakAction = { action: 'request'; agentId: string; reasonCode: string } | { action: 'approve' | 'deny' | 'cancel'; id: string };

/** Request, approve, deny or cancel; the lists refetch (the push follows too). */
export function useBreakAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (a: BreakAction) =>
      a.action === 'request'
        ? apiPost<BreakRequest>(`/api/agents/${encodeURIComponent(a.agentId)}/break-requests`, { reasonCode: a.reasonCode })
        : apiPost<BreakRequest>(`/api/break-requests/${encodeURIComponent(a.id)}/${a.action}`),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: breakRequestsKey }),
  });
}
