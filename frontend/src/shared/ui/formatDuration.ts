/** mm:ss below an hour, h:mm:ss above; negative (clock skew) shows as 00:00. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

export function durationSince(sinceIso: string | null | undefined, now: number): number {
  if (!sinceIso) return 0;
  const since = Date.parse(sinceIso);
  return Number.isNaN(since) ? 0 : now - since;
}
