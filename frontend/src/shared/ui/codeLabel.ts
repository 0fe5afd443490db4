import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

export type CodeGroup = 'serviceType' | 'level' | 'customerStatus' | 'woType' | 'woStatus' | 'woStep' | 'subtype';

/** A code from the backend (e.g. service type `cable-tv`) in the current language; unknown codes as they are. */
export function useCodeLabel(): (group: CodeGroup, code: string | null | undefined) => string {
  const { t } = useTranslation();
  return useCallback(
    (group, code) => (code ? t(`codes.${group}.${code}`, { defaultValue: code }) : '—'),
    [t],
  );
}
