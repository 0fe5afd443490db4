import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../api/queryKeys';
import type { Me } from '../api/types';

/**
 * Switches the cache to another user (or to nobody): drops every user-specific answer but keeps
 * the ['me'] query object itself — components observe it, and removing it would strand them.
 */
export function resetSession(queryClient: QueryClient, me: Me | null): void {
  void queryClient.cancelQueries({ predicate: (q) => !isKept(q.queryKey) });
  queryClient.removeQueries({ predicate: (q) => !isKept(q.queryKey) });
  queryClient.setQueryData(queryKeys.me, me);
}

function isKept(key: readonly unknown[]): boolean {
  return key[0] === queryKeys.me[0] || key[0] === queryKeys.publicSettings[0];
}
