import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../shared/api/client';
import { queryKeys } from '../../../shared/api/queryKeys';
import { reportUrl } from './reportUrl';
import type { ReportDefinition, ReportQuery, ReportRow } from './types';

/** The catalogue (GET /api/reports): every report with its groupings, filters, columns and chart. */
export function useReportCatalog() {
  return useQuery({
    queryKey: queryKeys.reportCatalog,
    queryFn: ({ signal }) => apiGet<ReportDefinition[]>('/api/reports', signal),
    staleTime: Infinity,
  });
}

/** One report's rows for a query; the same report's previous rows stay on screen while the next load. */
export function useReportRows(name: string | undefined, query: ReportQuery) {
  const url = name ? reportUrl(name, query) : '';
  return useQuery({
    queryKey: queryKeys.report(name ?? '', url),
    queryFn: ({ signal }) => apiGet<ReportRow[]>(url, signal),
    enabled: !!name,
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[1] === name ? previous : undefined),
    staleTime: 60_000,
  });
}
