/** Outage alarm contract (R-ALARM-1, R-ALARM-2): GET /api/alarms/active and the `alarmChanged` push. */
export interface AlarmStatus {
  area: string;
  areaName: string;
  /** 1 most severe … 3; 0 = cleared. */
  level: number;
  count: number;
  windowMinutes: number;
  since: string | null;
  changedAt: string | null;
}
