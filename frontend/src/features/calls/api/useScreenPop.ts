import { useQuery } from '@tanstack/react-query';
import { isApiError } from '../../../shared/api/ApiError';
import type { ScreenPop } from '../../../shared/api/callTypes';
import { apiGet } from '../../../shared/api/client';
import { queryKeys } from '../../../shared/api/queryKeys';

export function fetchScreenPop(callId: string, customerId: string | null, signal?: AbortSignal) {
  const query = customerId ? `?customerId=${encodeURIComponent(customerId)}` : '';
  return apiGet<ScreenPop>(`/api/calls/${encodeURIComponent(callId)}/screen-pop${query}`, signal);
}

/**
 * A call's screen pop: pushed with the offer (`screenPop`), else GET …/screen-pop (a 404 means
 * the pop is not computed yet: retried for a few seconds). With customerId: that customer's view.
 */
export function useScreenPop(callId: string, customerId: string | null, enabled = true) {
  return useQuery({
    queryKey: queryKeys.screenPop(callId, customerId),
    queryFn: ({ signal }) => fetchScreenPop(callId, customerId, signal),
    staleTime: Infinity,
    enabled,
    retry: (failures, error) => (isApiError(error, 404) ? failures < 6 : !isApiError(error) && failures < 2),
    retryDelay: 700,
  });
}
