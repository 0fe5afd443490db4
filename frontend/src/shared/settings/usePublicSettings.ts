import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { apiGet } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import type { PublicSettings } from '../api/types';

export const DEFAULT_CENTER_TITLE = 'CallCenter';

/** The center's logo (a data URL) when an admin set one (R-UI-1). */
export function useCenterLogo(): string | null {
  const { data } = useQuery({
    queryKey: queryKeys.publicSettings,
    queryFn: ({ signal }) => apiGet<PublicSettings>('/api/settings/public', signal),
    staleTime: 5 * 60_000,
    retry: 1,
  });
  return data?.logo || null;
}

/** The admin-configurable center title (R-UI-1); also sets document.title. */
export function useCenterTitle(): string {
  const { data } = useQuery({
    queryKey: queryKeys.publicSettings,
    queryFn: ({ signal }) => apiGet<PublicSettings>('/api/settings/public', signal),
    staleTime: 5 * 60_000,
    retry: 1,
  });
  const title = data?.centerTitle?.trim() || DEFAULT_CENTER_TITLE;
  useEffect(() => {
    document.title = title;
  }, [title]);
  return title;
}
