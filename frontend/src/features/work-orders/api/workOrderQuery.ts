/** The list's search box and filters. */
export interface WorkOrderFilters {
  q?: string;
  status?: string;
  step?: string;
  area?: string;
  type?: string;
  technician?: string;
  callId?: string;
}

export const PAGE_SIZE = 20;

/** The query string of GET /api/work-orders: only the filters that are set, then the page. */
export function workOrderQuery(filters: WorkOrderFilters, page = 1, pageSize = PAGE_SIZE): string {
  const params = new URLSearchParams();
  for (const key of ['q', 'status', 'step', 'area', 'type', 'technician', 'callId'] as const) {
    const value = filters[key]?.trim();
    if (value) params.set(key, value);
  }
  params.set('limit', String(pageSize));
  params.set('offset', String((page - 1) * pageSize));
  return params.toString();
}
