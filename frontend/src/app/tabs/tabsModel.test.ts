import { describe, expect, it } from 'vitest';
import { activateTab, closeTab, initialTabs, MAX_TABS, openTab, type TabsState } from './tabsModel';

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
});
