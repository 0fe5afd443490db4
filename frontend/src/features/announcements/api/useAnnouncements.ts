import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../shared/api/client';
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
    refetchInterval: 5 * 60_000,
  });
}
