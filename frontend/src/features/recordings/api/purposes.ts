import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallPurpose } from '../../../shared/api/callTypes';
import { apiGet } from '../../../shared/api/client';
import { queryKeys } from '../../../shared/api/queryKeys';

/** The call purposes (shared cache key with the tag dialog) as select options and a code → name function. */
export function usePurposes() {
  const { i18n } = useTranslation();
  const { data } = useQuery({
    queryKey: queryKeys.callPurposes,
    queryFn: ({ signal }) => apiGet<CallPurpose[]>('/api/call-purposes', signal),
    staleTime: 10 * 60_000,
  });
  const zh = i18n.language.startsWith('zh');
  const nameOf = useCallback(
    (code: string | null | undefined) => {
      if (!code) return '—';
      const p = data?.find((x) => x.code === code);
      return p ? (zh && p.nameZh ? p.nameZh : p.name) : code;
    },
    [data, zh],
  );
  const options = (data ?? []).map((p) => ({ value: p.code, label: zh && p.nameZh ? p.nameZh : p.name }));
  return { nameOf, options };
}
