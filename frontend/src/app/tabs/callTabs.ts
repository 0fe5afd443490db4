/** Call tabs live among the menu tabs under the key `call:{callId}` (same limit of 5, LRU). */
export const CALL_TAB_PREFIX = 'call:';
export const callTabKey = (callId: string) => `${CALL_TAB_PREFIX}${callId}`;
export const callIdOfTab = (key: string): string | null =>
  key.startsWith(CALL_TAB_PREFIX) ? key.slice(CALL_TAB_PREFIX.length) : null;
