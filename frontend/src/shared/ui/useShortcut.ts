import { useEffect, useRef } from 'react';

/**
 * Alt+<key> keyboard shortcut. `code` is a KeyboardEvent.code such as 'KeyA' (layout- and
 * macOS-Option-safe). The handler runs only while `enabled`.
 */
export function useShortcut(code: string, handler: () => void, enabled = true): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.repeat || e.code !== code) return;
      e.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [code, enabled]);
}

/** 'KeyA' → 'Alt+A' for display. */
export function shortcutLabel(code: string): string {
  return `Alt+${code.replace(/^Key|^Digit/, '')}`;
}
