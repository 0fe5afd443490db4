import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallPurpose } from '../../../shared/api/callTypes';
import { apiGet } from '../../../shared/api/client';
import { queryKeys } from '../../../shared/api/queryKeys';

/** GET /api/call-purposes: the admin-defined purposes and their sub-types (R-TAG-1). */
export function useCallPurposes(enabled = true) {
  return useQuery({
    queryKey: queryKeys.callPurposes,
    queryFn: ({ signal }) => apiGet<CallPurpose[]>('/api/call-purposes', signal),
    staleTime: 10 * 60_000,
    enabled,
  });
}

/** A purpose code's name in the current language (the code when unknown). */
export function usePurposeName(): (code: string | null | undefined) => string {
  const { i18n } = useTranslation();
  const { data } = useCallPurposes();
  return useCallback(
    (code) => {
      if (!code) return '—';
      const p = data?.find((x) => x.code === code);
      if (!p) return code;
      return i18n.language.startsWith('zh') && p.nameZh ? p.nameZh : p.name;
    },
    [data, i18n.language],
  );
}
