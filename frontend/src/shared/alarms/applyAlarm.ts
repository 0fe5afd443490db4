import type { QueryClient } from '@tanstack/react-query';
import type { AlarmStatus } from '../api/alarmTypes';
import { queryKeys } from '../api/queryKeys';

/** Pushes received lately (client-only), so that a fetch in flight cannot undo them. */
const PUSHED = ['alarms', 'pushed'] as const;
interface Pushed {
  receivedAt: number;
  alarm: AlarmStatus;
}

/** Most severe first (level 1), then the busiest area. */
export function sortAlarms(alarms: AlarmStatus[]): AlarmStatus[] {
  return [...alarms].sort((a, b) => a.level - b.level || b.count - a.count || a.area.localeCompare(b.area));
}

/** One area's alarm into the active list: replaced, added, or dropped on level 0; an older change is ignored. */
export function mergeAlarm(list: AlarmStatus[], alarm: AlarmStatus): AlarmStatus[] {
  const current = list.find((a) => a.area === alarm.area);
  if (current?.changedAt && alarm.changedAt && Date.parse(alarm.changedAt) < Date.parse(current.changedAt)) return list;
  const others = list.filter((a) => a.area !== alarm.area);
  return sortAlarms(alarm.level > 0 ? [...others, alarm] : others);
}

/** `alarmChanged` → the active-alarms cache at once (the banner must follow within a second, no refetch). */
export function applyAlarm(queryClient: QueryClient, alarm: AlarmStatus, now = Date.now()): void {
  queryClient.setQueryData<Pushed[]>(PUSHED, (old = []) => [...old.filter((p) => now - p.receivedAt < 60_000), { receivedAt: now, alarm }]);
  queryClient.setQueryData<AlarmStatus[]>(queryKeys.activeAlarms, (list) => mergeAlarm(list ?? [], alarm));
}

/** A fetched list with the pushes received since the fetch started laid over it (a push racing the fetch wins). */
export function withPushesSince(queryClient: QueryClient, startedAt: number, fetched: AlarmStatus[]): AlarmStatus[] {
  const pushed = queryClient.getQueryData<Pushed[]>(PUSHED) ?? [];
  return pushed.filter((p) => p.receivedAt >= startedAt).reduce((list, p) => mergeAlarm(list, p.alarm), sortAlarms(fetched));
}
