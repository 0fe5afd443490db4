import { useQuery, type QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../api/queryKeys';

/** The tag dialog (R-TAG-2) can be put off ("later"); a refused "ready" brings it back. */
export function setTagPromptDismissed(queryClient: QueryClient, callId: string, dismissed: boolean): void {
  queryClient.setQueryData(queryKeys.tagPromptDismissed(callId), dismissed);
}

/** After a 422 on ready / end wrap-up: show every pending tag prompt again. */
export function reopenTagPrompts(queryClient: QueryClient): void {
  for (const [key] of queryClient.getQueriesData({ queryKey: ['tag-prompt-dismissed'] })) {
    queryClient.setQueryData(key, false);
  }
}

export function useTagPromptDismissed(callId: string | null | undefined): boolean {
  return (
    useQuery({
      queryKey: queryKeys.tagPromptDismissed(callId ?? ''),
      queryFn: () => false,
      enabled: false,
      staleTime: Infinity,
      gcTime: Infinity,
    }).data ?? false
  );
}
