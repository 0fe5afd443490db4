import { useLayoutEffect, type RefObject } from 'react';

/** How far the toolbar may compact itself (see DesktopShell.module.css, data-compact). */
export const MAX_COMPACT = 4;

/**
 * Keeps a no-wrap row on one line: whenever its content or width changes, sets `data-compact`
 * to the lowest level (0 = everything shown) at which nothing overflows. Measured synchronously
 * on the DOM, so the row never shows a wrapped or clipped frame; measured again when a button's
 * transition ends (antd animates padding and size: measured mid-transition, a row that fits then
 * overflows by a few pixels once the transition is over).
 */
export function useOneRow(ref: RefObject<HTMLElement | null>) {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const fit = () => {
      for (let level = 0; level <= MAX_COMPACT; level++) {
        el.dataset.compact = String(level);
        if (el.scrollWidth <= el.clientWidth + 1) return;
      }
    };
    fit();
    const resize = new ResizeObserver(fit);
    resize.observe(el);
    const mutation = new MutationObserver((records) => {
      if (records.some((r) => !(r.target === el && r.attributeName === 'data-compact'))) fit();
    });
    mutation.observe(el, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['class', 'data-compact'] });
    el.addEventListener('transitionend', fit);
    return () => {
      el.removeEventListener('transitionend', fit);
      resize.disconnect();
      mutation.disconnect();
    };
  }, [ref]);
}
