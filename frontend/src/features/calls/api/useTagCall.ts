import { useMutation } from '@tanstack/react-query';
import { apiPost } from '../../../shared/api/client';

export interface TagInput {
  callId: string;
  purpose: string;
  subtype: string;
  customerId?: string | null;
}

/** POST /api/calls/{callId}/tag (R-TAG-1); the agent state push then clears untaggedCallId. */
export function useTagCall() {
  return useMutation({
    mutationFn: ({ callId, ...body }: TagInput) =>
      apiPost<unknown>(`/api/calls/${encodeURIComponent(callId)}/tag`, {
        purpose: body.purpose,
        subtype: body.subtype,
        customerId: body.customerId || undefined,
      }),
  });
}
