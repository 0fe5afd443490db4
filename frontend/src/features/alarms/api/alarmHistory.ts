import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../shared/api/client';
import { queryKeys } from '../../../shared/api/queryKeys';

/** uncounted: a call stopped counting (its "work order dispatched" tag was replaced); levels are -1 then. */
export type AlarmChangeKind = 'raised' | 'escalated' | 'deEscalated' | 'cleared' | 'uncounted';

/** One level change of an area's alarm (GET /api/alarms). */
export interface AlarmChange {
  area: string;
  areaName: string;
  at: string;
  kind: AlarmChangeKind;
  fromLevel: number;
  level: number;
  count: number;
  windowMinutes: number;
  callId?: string | null;
}

/** GET /api/alarms?from=yyyy-MM-dd&to=yyyy-MM-dd (center days, `to` included)&area= */
export function useAlarmHistory(from: string, to: string, area: string) {
  const query = new URLSearchParams({ from, to });
  if (area) query.set('area', area);
  return useQuery({
    queryKey: queryKeys.alarmHistory(from, to, area),
    queryFn: ({ signal }) => apiGet<AlarmChange[]>(`/api/alarms?${query}`, signal),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** Chart height of a level: level 1 (most severe) drawn highest, 0 (no alarm) at the bottom. */
export const severity = (level: number) => (level <= 0 ? 0 : 4 - level);

/** Step-line points per area: the level before the first change at `start`, every change, the last level at `end`. */
export function levelSeries(changes: AlarmChange[], start: number, end: number): Map<string, [number, number][]> {
  const byArea = new Map<string, [number, number][]>();
  for (const c of [...changes].filter((x) => x.kind !== 'uncounted').sort((a, b) => Date.parse(a.at) - Date.parse(b.at))) {
    let points = byArea.get(c.area);
    if (!points) byArea.set(c.area, (points = [[start, severity(c.fromLevel)]]));
    points.push([Date.parse(c.at), severity(c.level)]);
  }
  for (const points of byArea.values()) points.push([Math.max(end, points[points.length - 1][0]), points[points.length - 1][1]]);
  return byArea;
}
