/** At most this many tabs are open at once (R-UI-6). */
export const MAX_TABS = 5;

export interface TabsState {
  /** Open tab keys, in display order. */
  open: string[];
  /** The active tab key, or null when none is open. */
  active: string | null;
  /** Open tab keys from least to most recently activated. */
  recency: string[];
}

export interface OpenResult {
  state: TabsState;
  /** The tab closed to make room, if any. */
  evicted: string | null;
}

export const initialTabs = (first: string | null): TabsState =>
  first ? { open: [first], active: first, recency: [first] } : { open: [], active: null, recency: [] };

const touch = (recency: string[], key: string) => [...recency.filter((k) => k !== key), key];

/**
 * What a tab holds, for the limit: a live call (never closed to make room — nor its untagged
 * successor), an ended call (closed first), or anything else.
 */
export type TabKind = 'liveCall' | 'endedCall' | 'other';

/**
 * Opens (or re-activates) a tab. When MAX_TABS are already open, a tab other than the active one
 * is closed to make room and reported as `evicted`: the least recently used ended call's tab,
 * else the least recently used other tab; never a live call's. When only live calls could go,
 * nothing is closed (the limit gives way to the calls).
 */
export function openTab(state: TabsState, key: string, max = MAX_TABS, kindOf: (key: string) => TabKind = () => 'other'): OpenResult {
  if (state.open.includes(key)) {
    return { state: { ...state, active: key, recency: touch(state.recency, key) }, evicted: null };
  }
  let { open, recency } = state;
  let evicted: string | null = null;
  if (open.length >= max) {
    const candidates = recency.filter((k) => k !== state.active && kindOf(k) !== 'liveCall');
    evicted = candidates.find((k) => kindOf(k) === 'endedCall') ?? candidates[0] ?? null;
    open = open.filter((k) => k !== evicted);
    recency = recency.filter((k) => k !== evicted);
  }
  return { state: { open: [...open, key], active: key, recency: touch(recency, key) }, evicted };
}

export function activateTab(state: TabsState, key: string): TabsState {
  return state.open.includes(key) ? { ...state, active: key, recency: touch(state.recency, key) } : state;
}

/** Closes a tab; closing the active one activates the most recently used remaining tab. */
export function closeTab(state: TabsState, key: string): TabsState {
  if (!state.open.includes(key)) return state;
  const open = state.open.filter((k) => k !== key);
  const recency = state.recency.filter((k) => k !== key);
  const active = state.active === key ? recency[recency.length - 1] ?? null : state.active;
  return { open, active, recency };
}
