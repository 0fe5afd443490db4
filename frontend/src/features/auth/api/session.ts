import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '../../../shared/api/client';
import type { Me } from '../../../shared/api/types';
import { resetSession } from '../../../shared/auth/resetSession';

export interface Credentials {
  username: string;
  password: string;
}

/** POST /api/auth/login → Me; the session and XSRF cookies come with the response. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: Credentials) => apiPost<Me>('/api/auth/login', credentials),
    onSuccess: (me) => resetSession(queryClient, me),
  });
}

/** POST /api/auth/logout, then forget every user-specific cached answer. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiPost<void>('/api/auth/logout'),
    onSettled: () => resetSession(queryClient, null),
  });
}
