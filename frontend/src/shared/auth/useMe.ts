import { useQuery } from '@tanstack/react-query';
import { isApiError } from '../api/ApiError';
import { apiGet } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import type { Me, Role } from '../api/types';

/** GET /api/me; `null` when not signed in (401). */
export async function fetchMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    return await apiGet<Me>('/api/me', signal);
  } catch (e) {
    if (isApiError(e, 401)) return null;
    throw e;
  }
}

export function useMe() {
  return useQuery({ queryKey: queryKeys.me, queryFn: ({ signal }) => fetchMe(signal), staleTime: 60_000 });
}

export function hasAnyRole(me: Pick<Me, 'roles'> | null | undefined, ...roles: Role[]): boolean {
  return !!me && roles.some((r) => me.roles.includes(r));
}

export const canMonitor = (me: Pick<Me, 'roles'> | null | undefined) =>
  hasAnyRole(me, 'supervisor', 'admin');
