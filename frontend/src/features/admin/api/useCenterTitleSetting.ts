import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPut } from '../../../shared/api/client';
import { queryKeys } from '../../../shared/api/queryKeys';
import type { PublicSettings } from '../../../shared/api/types';

/** PUT /api/settings { centerTitle } (admin); the new title shows everywhere at once. */
export function useSaveCenterTitle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (centerTitle: string) => apiPut<PublicSettings | undefined>('/api/settings', { centerTitle }),
    onSuccess: (saved, centerTitle) => {
      queryClient.setQueryData<PublicSettings>(queryKeys.publicSettings, (old) => ({
        ...old,
        centerTitle: saved?.centerTitle ?? centerTitle,
      }));
      void queryClient.invalidateQueries({ queryKey: queryKeys.publicSettings });
    },
  });
}

export interface CenterSettingsValues {
  centerTitle: string;
  timeZone?: string;
  /** A data URL; "" removes the logo; absent leaves it. */
  logo?: string;
}

const centerSettingsKey = ['admin', 'center-settings'] as const;

/**
 * The center's settings as an admin edits them: GET /api/settings when the server has it (title, time zone), else the
 * public settings (title, logo).
 */
export function useCenterSettings() {
  return useQuery({
    queryKey: centerSettingsKey,
    queryFn: async ({ signal }) => {
      const pub = await apiGet<PublicSettings>('/api/settings/public', signal);
      const full = await apiGet<Partial<PublicSettings>>('/api/settings', signal).catch(() => ({}) as Partial<PublicSettings>);
      return { ...pub, ...full, logo: pub.logo };
    },
  });
}

/** PUT /api/settings (admin): title, logo, time zone; the header and title change at once. */
export function useSaveCenterSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: CenterSettingsValues) => apiPut<PublicSettings | undefined>('/api/settings', v),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.publicSettings });
      void queryClient.invalidateQueries({ queryKey: centerSettingsKey });
    },
  });
}
