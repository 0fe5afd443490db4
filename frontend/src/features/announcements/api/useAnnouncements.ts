import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost } from '../../../shared/api/client';
import { queryKeys } from '../../../shared/api/queryKeys';
import type { Announcement } from '../../../shared/api/types';

/** Urgent first, then newest first (the server already sends them so; we make sure). */
export function sortAnnouncements(list: readonly Announcement[]): Announcement[] {
  return [...list].sort(
    (a, b) => Number(b.urgent) - Number(a.urgent) || Date.parse(b.publishedAt) - Date.parse(a.publishedAt),
  );
}

export function useAnnouncements() {
  return useQuery({
    queryKey: queryKeys.announcements,
    queryFn: ({ signal }) => apiGet<Announcement[]>('/api/announcements', signal),
    select: sortAnnouncements,
    staleTime: 60_000,
    refetchInterval: 5 * 60_000, // a safety net: changes are pushed (announcementChanged)
  });
}

/** Records that I have read these announcements (R-ANN-1 read receipts). */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (ids: string[]) => {
      for (const id of ids) await apiPost(`/api/announcements/${encodeURIComponent(id)}/read`);
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: queryKeys.announcements }),
  });
}
