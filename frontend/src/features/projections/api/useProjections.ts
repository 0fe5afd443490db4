import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { apiGet, apiPost } from '../../../shared/api/client';
import { useHubEvent } from '../../../shared/signalr/SignalRProvider';
import {
  PROJECTION_FAULTED,
  PROJECTION_PROGRESS,
  projectionsKey,
  type ProjectionFault,
  type ProjectionInfo,
  type ProjectionProgressMessage,
} from './projectionTypes';

/** Every projection; refreshed every 5 s (lag moves without pushes) and fed by `projectionProgress` while a rebuild runs. */
export function useProjections() {
  const queryClient = useQueryClient();
  const onProgress = useCallback((message: ProjectionProgressMessage) => applyProjectionProgress(queryClient, message), [queryClient]);
  useHubEvent(PROJECTION_PROGRESS, onProgress);
  const onFaulted = useCallback(() => void queryClient.invalidateQueries({ queryKey: projectionsKey }), [queryClient]);
  useHubEvent(PROJECTION_FAULTED, onFaulted);
  return useQuery({
    queryKey: projectionsKey,
    queryFn: ({ signal }) => apiGet<ProjectionInfo[]>('/api/projections', signal),
    refetchInterval: 5_000,
  });
}

/** Puts one pushed progress into the list; when the new version is switched in, the list is fetched again. */
export function applyProjectionProgress(queryClient: QueryClient, message: ProjectionProgressMessage) {
  queryClient.setQueryData<ProjectionInfo[]>(projectionsKey, (list) =>
    list?.map((p) => {
      if (p.name !== message.name) return p;
      const { name: _name, startedAt: _startedAt, ...progress } = message;
      if (message.phase === 'switched') return { ...p, state: 'live', version: message.version, rebuild: null };
      return { ...p, state: 'rebuilding', rebuild: { requestedAt: p.rebuild?.requestedAt ?? null, requestedBy: p.rebuild?.requestedBy ?? null, ...progress } };
    }),
  );
  if (message.phase === 'switched') void queryClient.invalidateQueries({ queryKey: projectionsKey });
}

/** POST /api/projections/{name}/rebuild → 202 with the row (409 while one runs). */
export function useRebuildProjection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => apiPost<ProjectionInfo>(`/api/projections/${encodeURIComponent(name)}/rebuild`),
    onSuccess: (row) => queryClient.setQueryData<ProjectionInfo[]>(projectionsKey, (list) => list?.map((p) => (p.name === row.name ? row : p))),
  });
}

function useReplaceRow() {
  const queryClient = useQueryClient();
  return (row: ProjectionInfo) => queryClient.setQueryData<ProjectionInfo[]>(projectionsKey, (list) => list?.map((p) => (p.name === row.name ? row : p)));
}

/** POST /api/projections/{name}/retry → 202 (admins): the faulted projection tries its event again. */
export function useRetryProjection() {
  const replace = useReplaceRow();
  return useMutation({
    mutationFn: (name: string) => apiPost<ProjectionInfo>(`/api/projections/${encodeURIComponent(name)}/retry`),
    onSuccess: replace,
  });
}

/** POST /api/projections/{name}/skip {position, reason} → 202 (admins): the event is passed over, the skip recorded as an event. */
export function useSkipProjectionEvent() {
  const replace = useReplaceRow();
  return useMutation({
    mutationFn: ({ fault, reason }: { fault: ProjectionFault; reason: string }) =>
      apiPost<ProjectionInfo>(`/api/projections/${encodeURIComponent(fault.name)}/skip`, { position: fault.position, reason }),
    onSuccess: replace,
  });
}
