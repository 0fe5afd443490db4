import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** "1小时内" / "in the last 60 min": the counting window. */
export function useWindowText(): (minutes: number) => string {
  const { t } = useTranslation();
  return useCallback(
    (minutes) => (minutes % 60 === 0 ? t('alarms.windowHours', { count: minutes / 60, minutes }) : t('alarms.windowMinutes', { count: minutes })),
    [t],
  );
}
