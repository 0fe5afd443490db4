import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../shared/api/client';
import type { CallLogEntry, Recording, RecordingAccess } from './types';

/** Query string of the non-empty criteria. */
export function queryString(criteria: Record<string, string | number | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(criteria)) if (value !== null && value !== undefined && value !== '') params.set(key, String(value));
  return params.toString();
}

export function useRecordings(query: string | null) {
  return useQuery({
    queryKey: ['recordings', 'search', query],
    queryFn: ({ signal }) => apiGet<Recording[]>(`/api/recordings?${query}`, signal),
    enabled: query !== null,
  });
}

export function useRecordingAccesses(id: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['recordings', 'accesses', id],
    queryFn: ({ signal }) => apiGet<RecordingAccess[]>(`/api/recordings/${encodeURIComponent(id!)}/accesses`, signal),
    enabled: !!id && enabled,
  });
}

export function useCallLog(query: string | null) {
  return useQuery({
    queryKey: ['call-log', query],
    queryFn: ({ signal }) => apiGet<CallLogEntry[]>(`/api/calls?${query}`, signal),
    enabled: query !== null,
  });
}

export function audioUrl(id: string): string {
  return `/api/recordings/${encodeURIComponent(id)}/audio`;
}
