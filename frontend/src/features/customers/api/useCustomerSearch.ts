import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Customer } from '../../../shared/api/callTypes';
import { apiGet } from '../../../shared/api/client';
import { queryKeys } from '../../../shared/api/queryKeys';

export const MIN_QUERY = 2;

/** One Chinese character is a surname ("王"): the server looks up names that begin with it. */
export const isSurname = (term: string) => term.length === 1 && /\p{L}/u.test(term) && term.charCodeAt(0) > 0x7f;

/** Whether a search text is enough to send: a surname or at least MIN_QUERY characters. */
export const searchable = (term: string) => term.length >= MIN_QUERY || isSurname(term);

/** GET /api/customers?q= — fuzzy on name, address, phone, smart card (R-SVC-1). */
export function useCustomerSearch(q: string) {
  const term = q.trim();
  return useQuery({
    queryKey: queryKeys.customers(term),
    queryFn: ({ signal }) => apiGet<Customer[]>(`/api/customers?q=${encodeURIComponent(term)}&take=20`, signal),
    enabled: searchable(term),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}
