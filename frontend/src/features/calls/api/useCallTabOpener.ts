import { useCallback, useEffect, useRef } from 'react';
import type { ScreenPop } from '../../../shared/api/callTypes';
import { useMyCalls } from '../../../shared/calls/useMyCalls';
import { SCREEN_POP } from '../../../shared/signalr/hubEvents';
import { useHubEvent } from '../../../shared/signalr/SignalRProvider';

/**
 * Opens a desktop tab per call: on every `screenPop` (an offer, a transfer to me, a consult call)
 * and, once, for each call I am found on (at load: GET /api/agents/{me}/calls; dialed calls),
 * except my own consultation about a call I hold (its tab would only repeat the customer's pop).
 */
export function useCallTabOpener(openCallTab: (callId: string) => void): void {
  const calls = useMyCalls();
  const seen = useRef(new Set<string>());
  const onPop = useCallback(
    (pop: ScreenPop) => {
      seen.current.add(pop.callId);
      openCallTab(pop.callId);
    },
    [openCallTab],
  );
  useHubEvent<[ScreenPop]>(SCREEN_POP, onPop);
  useEffect(() => {
    const mine = new Set(calls.map((c) => c.callId));
    for (const call of calls) {
      if (call.ended || seen.current.has(call.callId)) continue;
      // my own consult/help call about a call I hold: stay on the customer's tab
      if (call.consultFor && mine.has(call.consultFor)) continue;
      seen.current.add(call.callId);
      openCallTab(call.callId);
    }
  }, [calls, openCallTab]);
}
