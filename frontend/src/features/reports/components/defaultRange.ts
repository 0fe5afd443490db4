import dayjs, { type Dayjs } from 'dayjs';

export type DayRange = [Dayjs, Dayjs];

/** The last 7 days including today (the backend's `to` day is inclusive). */
export function lastDays(days: number, today: Dayjs = dayjs()): DayRange {
  return [today.subtract(days - 1, 'day').startOf('day'), today.startOf('day')];
}

export const dayParam = (d: Dayjs) => d.format('YYYY-MM-DD');
