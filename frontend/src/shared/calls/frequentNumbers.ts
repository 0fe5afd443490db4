/** R-PHONE-6: numbers this browser dials most, kept in localStorage (most used first). */
const KEY = 'callcenter.frequentNumbers';
export const FREQUENT_LIMIT = 8;

interface Entry {
  number: string;
  count: number;
  last: number;
}

function read(): Entry[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? (parsed as Entry[]).filter((e) => typeof e?.number === 'string') : [];
  } catch {
    return [];
  }
}

const order = (a: Entry, b: Entry) => b.count - a.count || b.last - a.last;

export function frequentNumbers(): string[] {
  return read().sort(order).slice(0, FREQUENT_LIMIT).map((e) => e.number);
}

export function rememberNumber(number: string, now = Date.now()): void {
  const trimmed = number.trim();
  if (!trimmed) return;
  const entries = read();
  const found = entries.find((e) => e.number === trimmed);
  if (found) {
    found.count += 1;
    found.last = now;
  } else entries.push({ number: trimmed, count: 1, last: now });
  // keep a few more than shown so a new number can climb
  localStorage.setItem(KEY, JSON.stringify(entries.sort(order).slice(0, FREQUENT_LIMIT * 3)));
}

export function forgetNumber(number: string): void {
  localStorage.setItem(KEY, JSON.stringify(read().filter((e) => e.number !== number)));
}
