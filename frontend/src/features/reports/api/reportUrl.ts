import type { ReportQuery } from './types';

/** The query string of a report: from, to, groupBy, then every non-blank filter (trimmed). */
export function reportSearch(query: ReportQuery): URLSearchParams {
  const params = new URLSearchParams({ from: query.from, to: query.to });
  if (query.groupBy) params.set('groupBy', query.groupBy);
  for (const [name, value] of Object.entries(query.filters)) {
    if (value.trim()) params.set(name, value.trim());
  }
  return params;
}

/** GET /api/reports/{name}?… (JSON), or the same query with format=xlsx for the Excel file. */
export function reportUrl(name: string, query: ReportQuery, format?: 'xlsx'): string {
  const params = reportSearch(query);
  if (format) params.set('format', format);
  return `/api/reports/${encodeURIComponent(name)}?${params.toString()}`;
}
