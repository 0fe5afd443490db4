import { useMutation, useQuery } from '@tanstack/react-query';
import { apiGet, apiPost } from '../../../shared/api/client';
import { queryKeys } from '../../../shared/api/queryKeys';

export interface MyLogin {
  at: string;
  ip: string | null;
  succeeded: boolean;
  failure: string | null;
}

/** GET /api/me/logins (R-ME-1): my own login attempts, newest first. */
export const useMyLogins = () =>
  useQuery({ queryKey: queryKeys.myLogins, queryFn: ({ signal }) => apiGet<MyLogin[]>('/api/me/logins?take=200', signal) });

/** POST /api/me/password: my other sessions end, this one stays. */
export const useChangeMyPassword = () =>
  useMutation({ mutationFn: (body: { currentPassword: string; newPassword: string }) => apiPost<void>('/api/me/password', body) });
