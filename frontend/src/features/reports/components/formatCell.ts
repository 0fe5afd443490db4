import dayjs from 'dayjs';
import { formatDuration } from '../../../shared/ui/formatDuration';
import type { ColumnKind } from '../api/types';

const numeric: ReadonlySet<ColumnKind> = new Set(['count', 'percent', 'seconds', 'number']);

export const isNumericKind = (kind: ColumnKind) => numeric.has(kind);

/**
 * A cell as the analyst reads it: 93.4%, 02:05 (seconds), 1,234 (count); null or missing as —;
 * the backend's "unknown" grouping key (no agent, skill group or area) in the reader's language.
 */
export function formatCell(kind: ColumnKind, value: unknown, locale: string, unknown = 'unknown'): string {
  if (value === null || value === undefined || value === '') return '—';
  if (value === 'unknown') return unknown;
  switch (kind) {
    case 'percent':
      return typeof value === 'number' ? `${(value * 100).toFixed(1)}%` : String(value);
    case 'seconds':
      return typeof value === 'number' ? formatDuration(Math.round(value) * 1000) : String(value);
    case 'count':
      return typeof value === 'number' ? value.toLocaleString(locale, { maximumFractionDigits: 0 }) : String(value);
    case 'number':
      return typeof value === 'number' ? value.toLocaleString(locale, { maximumFractionDigits: 2 }) : String(value);
    case 'datetime':
      return dayjs(String(value)).isValid() ? dayjs(String(value)).format('YYYY-MM-DD HH:mm:ss') : String(value);
    case 'date':
      return dayjs(String(value)).isValid() ? dayjs(String(value)).format('YYYY-MM-DD') : String(value);
    default:
      return String(value);
  }
}

/** An axis tick: whole percents (25%) and mm:ss, so the scale reads like the table. */
export function formatAxis(kind: ColumnKind, value: number, locale: string): string {
  if (kind === 'percent') return `${Math.round(value * 100)}%`;
  if (kind === 'seconds') return formatDuration(Math.round(value) * 1000);
  return value.toLocaleString(locale, { maximumFractionDigits: 2 });
}

/** Sorts numbers as numbers (missing last) and everything else as text in the reader's language. */
export function compareCells(kind: ColumnKind, a: unknown, b: unknown, locale: string): number {
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : 1;
  if (b === null || b === undefined) return -1;
  if (isNumericKind(kind) && typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), locale);
}
