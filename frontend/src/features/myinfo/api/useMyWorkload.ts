import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../shared/api/client';
import { queryKeys } from '../../../shared/api/queryKeys';

/** One figure or a list of rows: GET /api/me/workload's shape is still being settled, so it is shown generically. */
export type Workload = Record<string, unknown> | Record<string, unknown>[];

export const workloadUrl = (from: string, to: string, format?: 'xlsx') =>
  `/api/me/workload?${new URLSearchParams({ from, to, ...(format ? { format } : {}) }).toString()}`;

/** The signed-in agent's own workload for a range of center days (R-ME-2). */
export function useMyWorkload(from: string, to: string) {
  return useQuery({
    queryKey: queryKeys.myWorkload(from, to),
    queryFn: ({ signal }) => apiGet<Workload>(workloadUrl(from, to), signal),
    staleTime: 60_000,
  });
}
