import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '../../../shared/api/client';
import { queryKeys } from '../../../shared/api/queryKeys';
import type { Me } from '../../../shared/api/types';

export interface Credentials {
  username: string;
  password: string;
}

/** POST /api/auth/login → Me; the session and XSRF cookies come with the response. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: Credentials) => apiPost<Me>('/api/auth/login', credentials),
    onSuccess: (me) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'settings' });
      queryClient.setQueryData(queryKeys.me, me);
    },
  });
}

/** POST /api/auth/logout, then forget every user-specific cached answer. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiPost<void>('/api/auth/logout'),
    onSettled: () => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'settings' });
      queryClient.setQueryData(queryKeys.me, null);
    },
  });
}
