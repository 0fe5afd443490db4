import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import type { PublicSettings } from '../api/types';

export const DEFAULT_CENTER_ZONE = 'Asia/Shanghai';

export interface CenterZone {
  /** IANA id, e.g. "Asia/Jerusalem". */
  timeZone: string;
  /** "UTC+3" (the server's, or computed here when absent). */
  offset: string;
}

/** "UTC+3" / "UTC-4:30" for the zone now, from the browser's tz database. */
export function offsetLabel(timeZone: string, at: Date = new Date()): string {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value;
    return part ? part.replace('GMT', 'UTC').replace(/^UTC$/, 'UTC+0') : '';
  } catch {
    return '';
  }
}

/** The center's day (YYYY-MM-DD) at an instant, in its zone (never the browser's). */
export function centerDay(timeZone: string, at: Date = new Date()): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
  } catch {
    return at.toISOString().slice(0, 10);
  }
}

/** The center's time zone (public settings, shared query with the center title). */
export function useCenterZone(): CenterZone {
  const { data } = useQuery({
    queryKey: queryKeys.publicSettings,
    queryFn: ({ signal }) => apiGet<PublicSettings>('/api/settings/public', signal),
    staleTime: 5 * 60_000,
    retry: 1,
  });
  const timeZone = data?.timeZone || DEFAULT_CENTER_ZONE;
  return { timeZone, offset: data?.timeZoneOffset || offsetLabel(timeZone) };
}
