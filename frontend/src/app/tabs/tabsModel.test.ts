import { describe, expect, it } from 'vitest';
import { activateTab, closeTab, initialTabs, MAX_TABS, openTab, type TabKind, type TabsState } from './tabsModel';

const openAll = (keys: string[], start: TabsState = initialTabs(null)) =>
  keys.reduce((s, k) => openTab(s, k).state, start);

describe('tabs model', () => {
  it('never holds more than 5 tabs: the 6th closes the least recently used non-active tab', () => {
    let s = openAll(['a', 'b', 'c', 'd', 'e']);
    expect(s.open).toEqual(['a', 'b', 'c', 'd', 'e']);
    s = activateTab(s, 'a'); // a is now recent; b is the least recently used
    const result = openTab(s, 'f');
    expect(result.evicted).toBe('b');
    expect(result.state.open).toEqual(['a', 'c', 'd', 'e', 'f']);
    expect(result.state.active).toBe('f');
    expect(result.state.open).toHaveLength(MAX_TABS);
  });

  it('does not evict the active tab even when it is the least recently used', () => {
    const s: TabsState = { open: ['a', 'b', 'c', 'd', 'e'], active: 'a', recency: ['a', 'b', 'c', 'd', 'e'] };
    const r = openTab(s, 'f');
    expect(r.evicted).toBe('b');
    expect(r.state.open).toEqual(['a', 'c', 'd', 'e', 'f']);
  });

  it('re-opening an open tab just activates it', () => {
    const s = openAll(['a', 'b', 'c', 'd', 'e']);
    const r = openTab(s, 'b');
    expect(r.evicted).toBeNull();
    expect(r.state.open).toEqual(s.open);
    expect(r.state.active).toBe('b');
  });

  it('closing the active tab activates the most recently used one; closing all leaves none', () => {
    let s = openAll(['a', 'b', 'c']);
    s = activateTab(s, 'a');
    s = activateTab(s, 'c');
    s = closeTab(s, 'c');
    expect(s.active).toBe('a');
    s = closeTab(s, 'b');
    expect(s.active).toBe('a');
    s = closeTab(s, 'a');
    expect(s).toEqual({ open: [], active: null, recency: [] });
  });

  it('never closes a live call tab to make room; ended-call tabs go first', () => {
    const kinds: Record<string, TabKind> = { 'call:live': 'liveCall', 'call:old': 'endedCall' };
    const kindOf = (k: string) => kinds[k] ?? 'other';
    let s = openAll(['call:live', 'a', 'b', 'call:old', 'c']);
    s = activateTab(s, 'c');
    const r = openTab(s, 'd', MAX_TABS, kindOf);
    expect(r.evicted).toBe('call:old'); // ended call goes before the older menu tabs
    const r2 = openTab(r.state, 'e', MAX_TABS, kindOf);
    expect(r2.evicted).toBe('a'); // the live call, least recently used, stays
    expect(r2.state.open).toContain('call:live');
  });

  it('closes nothing when only live calls could go', () => {
    const s: TabsState = { open: ['call:1', 'call:2', 'x'], active: 'x', recency: ['call:1', 'call:2', 'x'] };
    const r = openTab(s, 'y', 3, (k) => (k.startsWith('call:') ? 'liveCall' : 'other'));
    expect(r.evicted).toBeNull();
    expect(r.state.open).toEqual(['call:1', 'call:2', 'x', 'y']);
  });
});
