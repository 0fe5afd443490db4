import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Customer } from '../../../shared/api/callTypes';
import { apiGet } from '../../../shared/api/client';
import { queryKeys } from '../../../shared/api/queryKeys';

export const MIN_QUERY = 2;

/** GET /api/customers?q= — fuzzy on name, address, phone, smart card (R-SVC-1). */
export function useCustomerSearch(q: string) {
  const term = q.trim();
  return useQuery({
    queryKey: queryKeys.customers(term),
    queryFn: ({ signal }) => apiGet<Customer[]>(`/api/customers?q=${encodeURIComponent(term)}&take=20`, signal),
    enabled: term.length >= MIN_QUERY,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}
