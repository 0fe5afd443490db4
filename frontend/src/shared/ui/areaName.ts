import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** The business areas (backend Customers/BusinessAreas.cs); names come from i18n `areas.*`. */
export const AREA_CODES = ['east', 'west', 'north', 'south', 'downtown', 'riverside', 'hightech', 'oldtown'] as const;

/** An area's name in the current language (the server's Chinese name when the code is unknown). */
export function useAreaName(): (area: string, serverName?: string | null) => string {
  const { t } = useTranslation();
  return useCallback((area, serverName) => t(`areas.${area}`, { defaultValue: serverName || area }), [t]);
}
