import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import type { ReasonCode } from '../api/types';

export function useReasonCodes(enabled = true) {
  return useQuery({
    queryKey: queryKeys.reasonCodes,
    queryFn: ({ signal }) => apiGet<ReasonCode[]>('/api/reason-codes', signal),
    staleTime: 10 * 60_000,
    enabled,
  });
}

/** The reason a supervisor's "pause" sets (R-SUP-5, 强制暂停): not offered in the agent's own menu. */
export const PAUSE_REASON = 'pause';

export function reasonLabel(reason: ReasonCode, language: string): string {
  return language.startsWith('zh') && reason.nameZh ? reason.nameZh : reason.name;
}

/** Maps a not-ready reason code to its name in the current language (the code if unknown). */
export function useReasonName(): (code: string | null | undefined) => string {
  const { i18n } = useTranslation();
  const { data } = useReasonCodes();
  return useCallback(
    (code) => {
      if (!code) return '';
      const reason = data?.find((r) => r.code === code);
      return reason ? reasonLabel(reason, i18n.language) : code;
    },
    [data, i18n.language],
  );
}
