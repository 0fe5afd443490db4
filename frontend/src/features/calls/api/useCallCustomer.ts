import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { queryKeys } from '../../../shared/api/queryKeys';

/** The customer the agent chose for a call (of several, or by search); pre-selects the tag dialog. */
export function useCallCustomer(callId: string): [string | null, (customerId: string | null) => void] {
  const queryClient = useQueryClient();
  const chosen =
    useQuery({
      queryKey: queryKeys.callCustomer(callId),
      queryFn: () => null as string | null,
      enabled: false,
      staleTime: Infinity,
      gcTime: Infinity,
    }).data ?? null;
  const choose = useCallback(
    (customerId: string | null) => queryClient.setQueryData(queryKeys.callCustomer(callId), customerId),
    [queryClient, callId],
  );
  return [chosen, choose];
}
