import { App } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { activateTab, closeTab, initialTabs, MAX_TABS, openTab, type TabKind, type TabsState } from './tabsModel';

/** Tab state for the main area; tells the user when a tab was closed to respect the limit. */
export function useTabs(first: string | null, evictedNotice: (key: string) => string, kindOf?: (key: string) => TabKind) {
  const { message } = App.useApp();
  const [state, setState] = useState<TabsState>(() => initialTabs(first));
  const current = useRef(state);

  const update = useCallback((next: TabsState) => {
    current.current = next;
    setState(next);
  }, []);

  const open = useCallback(
    (key: string) => {
      const result = openTab(current.current, key, MAX_TABS, kindOf);
      update(result.state);
      if (result.evicted) void message.info({ content: evictedNotice(result.evicted), key: 'tab-evicted' });
    },
    [update, evictedNotice, message, kindOf],
  );
  const activate = useCallback((key: string) => update(activateTab(current.current, key)), [update]);
  const close = useCallback((key: string) => update(closeTab(current.current, key)), [update]);

  return { state, open, activate, close };
}
