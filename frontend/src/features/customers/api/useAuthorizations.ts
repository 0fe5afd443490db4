import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost } from '../../../shared/api/client';

export type AuthorizationDevice = 'smart-card' | 'mac';

/** One change in a customer's authorisation history (R-SVC-2). */
export interface AuthorizationChange {
  customerId: string;
  kind: 'reauthorized' | 'temporary';
  device: AuthorizationDevice | null;
  identifier: string | null;
  days: number | null;
  until: string | null;
  reason: string | null;
  by: string;
  at: string;
}

/** GET /api/customers/{id}/authorizations */
export interface CustomerAuthorizations {
  customerId: string;
  status: string;
  /** A running temporary authorisation's end, else null. */
  temporaryUntil: string | null;
  /** How many changes the customer's stream holds; the history (a read model) may list fewer for a moment. */
  changes: number;
  history: AuthorizationChange[];
}

export const authorizationsKey = (customerId: string) => ['customer-authorizations', customerId] as const;

const path = (customerId: string) => `/api/customers/${encodeURIComponent(customerId)}/authorizations`;

export function useCustomerAuthorizations(customerId: string | null) {
  return useQuery({
    queryKey: authorizationsKey(customerId ?? ''),
    queryFn: ({ signal }) => apiGet<CustomerAuthorizations>(path(customerId!), signal),
    enabled: !!customerId,
    // the history is a read model: while it lists fewer changes than the stream holds, ask again
    refetchInterval: (q) => ((q.state.data?.history?.length ?? 0) < (q.state.data?.changes ?? 0) ? 1_000 : false),
  });
}

export interface ReauthorizeInput {
  device: AuthorizationDevice;
  mac?: string;
  reason?: string;
}

export interface TemporaryInput {
  days: number;
  reason: string;
}

/** POST …/reauthorize and …/temporary; the answer is the customer's authorisations with the new change. */
export function useAuthorizationCommands(customerId: string) {
  const queryClient = useQueryClient();
  // The answer lists the change just made (the server adds it when its read model has not caught up yet).
  const settle = (data: CustomerAuthorizations) => queryClient.setQueryData(authorizationsKey(customerId), data);
  const reauthorize = useMutation({
    mutationFn: (input: ReauthorizeInput) => apiPost<CustomerAuthorizations>(`${path(customerId)}/reauthorize`, input),
    onSuccess: settle,
  });
  const temporary = useMutation({
    mutationFn: (input: TemporaryInput) => apiPost<CustomerAuthorizations>(`${path(customerId)}/temporary`, input),
    onSuccess: settle,
  });
  return { reauthorize, temporary };
}
