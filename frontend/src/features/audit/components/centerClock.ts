/** HH:mm:ss of an ISO time the server wrote in the center's zone (its offset at that instant): shown as is, whatever the browser's zone. */
export function centerClock(iso: string | null | undefined, withMs = false): string {
  if (!iso) return '—';
  const time = iso.slice(11, withMs ? 23 : 19);
  return withMs && !/\.\d{3}$/.test(time) ? `${iso.slice(11, 19)}.000` : time;
}

/** Milliseconds since the start of the day (for the band chart's axis). */
export function sinceDayStart(iso: string, dayStartIso: string): number {
  return Date.parse(iso) - Date.parse(dayStartIso);
}

/** 0..86 400 000 → "HH:mm". */
export function axisClock(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
