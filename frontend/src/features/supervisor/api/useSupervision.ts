import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '../../../shared/api/client';

export type SupervisionVerb = 'monitor' | 'whisper' | 'barge' | 'intercept' | 'force-release' | 'leave-supervision';

/** POST /api/calls/{callId}/{verb} → what the step left (docs/supervisor.md). */
export interface SupervisionResult {
  callId: string;
  supervisor: string | null;
  mode: 'monitor' | 'whisper' | 'barge' | 'intercept' | null;
  agents: string[];
  ended: boolean;
}

/** The call this session supervises, with the agent whose call it was (local to this browser session). */
export interface MySupervision extends SupervisionResult {
  agentId: string;
}

const mySupervisionKey = ['mySupervision'] as const;

export function useMySupervision(): MySupervision | null {
  return (
    useQuery<MySupervision | null>({
      queryKey: mySupervisionKey,
      queryFn: () => null,
      enabled: false,
      staleTime: Infinity,
      gcTime: Infinity,
    }).data ?? null
  );
}

/** R-SUP-1…4: one supervision step; the result becomes this session's supervised call (cleared once left or ended). */
export function useSupervise() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ callId, verb }: { callId: string; agentId: string; verb: SupervisionVerb }) =>
      apiPost<SupervisionResult>(`/api/calls/${encodeURIComponent(callId)}/${verb}`, {}),
    onSuccess: (result, { agentId }) =>
      queryClient.setQueryData<MySupervision | null>(mySupervisionKey, result.ended || !result.mode ? null : { ...result, agentId }),
  });
}

export function useClearSupervision() {
  const queryClient = useQueryClient();
  return () => queryClient.setQueryData<MySupervision | null>(mySupervisionKey, null);
}
