import type { AgentStateKey } from '../../../shared/api/types';

export type AgentCommand = 'sign-in' | 'sign-out' | 'ready' | 'not-ready' | 'wrap-up/end';

/**
 * Which state commands make sense from each state (R-STATE-1, R-PHONE-1/2). The server has the
 * last word (422); this only keeps pointless buttons disabled. `null` = no state yet = signed out.
 */
const allowed: Record<AgentStateKey, readonly AgentCommand[]> = {
  signedOut: ['sign-in'],
  ready: ['sign-out', 'not-ready'],
  notReady: ['sign-out', 'ready', 'not-ready'],
  talking: [],
  // ready ends after-call work too; both are refused (422) while a call is untagged (R-TAG-2).
  // Not ready (with a reason) ends it as well; sign-out once the call is tagged.
  wrapUp: ['wrap-up/end', 'ready', 'not-ready', 'sign-out'],
};

export function isCommandAllowed(state: AgentStateKey | null | undefined, command: AgentCommand, untagged = false): boolean {
  if (command === 'sign-out' && state === 'wrapUp' && untagged) return false; // tag the call first
  return allowed[state ?? 'signedOut'].includes(command);
}
