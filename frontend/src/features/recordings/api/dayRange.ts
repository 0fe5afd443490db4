/**
 * The one place this feature turns the user's days into instants: days are the center's (UTC+8, as the
 * audit replay uses; the center-time service replaces this constant once it exists). `to` is exclusive.
 */
export const CENTER_OFFSET = '+08:00';

export function dayStart(day: string): string {
  return `${day}T00:00:00${CENTER_OFFSET}`;
}

/** The instant the day after `day` starts (an exclusive upper bound). */
export function dayEnd(day: string): string {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return dayStart(next.toISOString().slice(0, 10));
}

/** yyyy-MM-dd HH:mm:ss of an instant, in the center's time, whatever the browser's zone. */
export function centerDateTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}
