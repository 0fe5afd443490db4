import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiGet, apiPost, apiPut } from '../../../shared/api/client';
import { newKey } from '../../../shared/api/newKey';
import { queryKeys } from '../../../shared/api/queryKeys';
import type { Announcement, AnnouncementAudience } from '../../../shared/api/types';

export interface AnnouncementInput {
  title: string;
  body: string;
  urgent: boolean;
  audience: AnnouncementAudience;
  validFrom: string | null;
  validTo: string | null;
}

export interface AnnouncementReads {
  id: string;
  audienceSize: number;
  readers: { userId: string; name: string; readAt: string }[];
}

const managedKey = [...queryKeys.announcements, 'manage'] as const;

/** The announcements I may edit (a supervisor their own, admins all), with read counts. */
export function useManagedAnnouncements() {
  return useQuery({ queryKey: managedKey, queryFn: ({ signal }) => apiGet<Announcement[]>('/api/announcements/manage', signal) });
}

export function useAnnouncementReads(id: string | null) {
  return useQuery({
    queryKey: [...managedKey, 'reads', id],
    queryFn: ({ signal }) => apiGet<AnnouncementReads>(`/api/announcements/${encodeURIComponent(id!)}/reads`, signal),
    enabled: id !== null,
  });
}

export function useSaveAnnouncement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: AnnouncementInput }) =>
      id === null
        ? apiPost<Announcement>('/api/announcements', input, newKey())
        : apiPut<Announcement>(`/api/announcements/${encodeURIComponent(id)}`, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.announcements }),
  });
}

export function useDeleteAnnouncement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/announcements/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.announcements }),
  });
}

/** Choices for the audience: skill groups, teams and agents as the server lists them to me. */
export function useAudienceChoices() {
  const groups = useQuery({ queryKey: ['skill-groups'], queryFn: ({ signal }) => apiGet<{ id: string; name: string; nameZh: string | null }[]>('/api/skill-groups', signal), staleTime: 60_000 });
  const teams = useQuery({ queryKey: ['teams'], queryFn: ({ signal }) => apiGet<{ id: string; name: string }[]>('/api/teams', signal), staleTime: 60_000 });
  const agents = useQuery({ queryKey: [...queryKeys.announcements, 'agents'], queryFn: ({ signal }) => apiGet<{ agentId: string; name: string }[]>('/api/agents', signal), staleTime: 60_000 });
  return { groups: groups.data ?? [], teams: teams.data ?? [], agents: agents.data ?? [] };
}
