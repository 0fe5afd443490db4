import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { apiGet } from '../../../shared/api/client';
import type { AgentStateKey } from '../../../shared/api/types';
import { useHubEvent } from '../../../shared/signalr/SignalRProvider';

export interface WallboardQueue {
  queue: string;
  waiting: number;
  longestWaitSeconds: number;
  inProgress: number;
  offeredToday: number;
  answeredToday: number;
  abandonedToday: number;
  serviceLevelToday: number | null;
}

export interface WallboardAgent {
  agentId: string;
  name: string;
  teamId: string | null;
  state: AgentStateKey;
  reasonCode: string | null;
  sinceSeconds: number | null;
}

export interface WallboardTeam {
  teamId: string;
  name: string;
  byState: Partial<Record<AgentStateKey, number>>;
}

export interface Wallboard {
  asOf: string;
  day: string;
  queues: WallboardQueue[];
  agents: WallboardAgent[];
  teams: WallboardTeam[];
}

export const wallboardKey = ['wallboard'] as const;
/** Server push: something on the wallboard changed (coalesced, at most 4 a second); refetch. */
export const WALLBOARD_CHANGED = 'wallboardChanged';

/** GET /api/wallboard, refetched on every `wallboardChanged` push (and every 30 s as a safety net). */
export function useWallboard() {
  const queryClient = useQueryClient();
  const onChanged = useCallback(() => void queryClient.invalidateQueries({ queryKey: wallboardKey }), [queryClient]);
  useHubEvent(WALLBOARD_CHANGED, onChanged);
  return useQuery({
    queryKey: wallboardKey,
    queryFn: ({ signal }) => apiGet<Wallboard>('/api/wallboard', signal),
    refetchInterval: 30_000,
  });
}

/** Seconds elapsed since the board was fetched, added to a server-side duration (so times tick between pushes). */
export function tick(seconds: number | null, fetchedAt: number, now: number): number | null {
  return seconds === null ? null : seconds + Math.max(0, Math.floor((now - fetchedAt) / 1000));
}
