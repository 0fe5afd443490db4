import { formatDuration } from '../../../shared/ui/formatDuration';

/** A workload figure by the convention of its name: …Seconds as mm:ss, …Rate/occupancy (0..1) as %, numbers grouped. */
export function workloadValue(key: string, value: unknown, locale: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value !== 'number') return String(value);
  if (/seconds$/i.test(key)) return formatDuration(Math.round(value) * 1000);
  if (/(rate|occupancy|share|level)$/i.test(key) && value <= 1) return `${(value * 100).toFixed(1)}%`;
  return value.toLocaleString(locale, { maximumFractionDigits: 2 });
}
