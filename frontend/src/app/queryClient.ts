import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../shared/api/ApiError';
import { queryKeys } from '../shared/api/queryKeys';
import { resetSession } from '../shared/auth/resetSession';

/**
 * Server state lives here. A 401 from anything means the session is gone: forget who we are,
 * which sends the app back to the login page. 4xx answers are not retried.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => onUnauthorized(error) }),
    mutationCache: new MutationCache({ onError: (error) => onUnauthorized(error) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failureCount, error) => !(isApiError(error) && error.status < 500) && failureCount < 2,
      },
      mutations: { retry: false },
    },
  });
  function onUnauthorized(error: unknown) {
    if (isApiError(error, 401) && client.getQueryData(queryKeys.me)) {
      resetSession(client, null);
    }
  }
  return client;
}
