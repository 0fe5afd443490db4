import type { QueryClient } from '@tanstack/react-query';
import type { LiveCall } from '../api/callTypes';
import { queryKeys } from '../api/queryKeys';
import type { Me } from '../api/types';

/** Whether the agent is (still) on the call: ringing, talking or held. */
export function isOnCall(call: LiveCall, agentId: string): boolean {
  return !call.ended && call.parties.some((p) => p.agentId === agentId && p.state !== 'left');
}

function upsert(list: LiveCall[], call: LiveCall, keep: boolean): LiveCall[] {
  const rest = list.filter((c) => c.callId !== call.callId);
  if (!keep) return rest.length === list.length ? list : rest;
  const index = list.findIndex((c) => c.callId === call.callId);
  if (index < 0) return [...list, call];
  const next = list.slice();
  next[index] = call;
  return next;
}

/**
 * Puts one `callChanged` push into the caches: my live calls (added while I am on it, dropped
 * when I left or it ended), the call's last known shape (kept after the end, for its tab), and
 * calls ringing at colleagues (for pick-up; only supervisors are told about other agents' calls).
 */
export function applyLiveCall(queryClient: QueryClient, call: LiveCall): void {
  queryClient.setQueryData<LiveCall>(queryKeys.call(call.callId), (previous) =>
    call.ended && previous ? { ...previous, ended: true, parties: [] } : call,
  );
  const me = queryClient.getQueryData<Me | null>(queryKeys.me);
  if (!me) return;
  const mine = isOnCall(call, me.id);
  queryClient.setQueryData<LiveCall[]>(queryKeys.calls(me.id), (list) => upsert(list ?? [], call, mine));
  const ringingElsewhere = !mine && !call.ended && call.parties.some((p) => p.state === 'ringing' && p.agentId !== me.id);
  queryClient.setQueryData<LiveCall[]>(queryKeys.ringingElsewhere, (list) => upsert(list ?? [], call, ringingElsewhere));
}
