import { useMyAgentState } from '../agentState/useMyAgentState';
import { useMe } from '../auth/useMe';
import { useMyCalls } from './useMyCalls';

/** Click-to-call is possible when signed in and not talking (holding is fine, R-PHONE-4). */
export function useCanDial(): boolean {
  const me = useMe().data;
  const state = useMyAgentState();
  const calls = useMyCalls();
  if (!me || !state || state.state === 'signedOut') return false;
  return !calls.some((c) => !c.ended && c.parties.some((p) => p.agentId === me.id && p.state === 'talking'));
}
