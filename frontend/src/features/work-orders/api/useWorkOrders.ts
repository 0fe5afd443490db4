import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../shared/api/client';
import { queryKeys } from '../../../shared/api/queryKeys';
import type { FieldTeam, TechnicianWhereabouts, WorkOrderDetail, WorkOrderPage } from './types';

/** GET /api/work-orders?{query} (built by workOrderQuery); `workOrdersChanged` invalidates it. */
export function useWorkOrderList(query: string) {
  return useQuery({
    queryKey: queryKeys.workOrders(query),
    queryFn: ({ signal }) => apiGet<WorkOrderPage>(`/api/work-orders?${query}`, signal),
    placeholderData: keepPreviousData,
  });
}

export function useWorkOrder(id: string | null) {
  return useQuery({
    queryKey: queryKeys.workOrder(id ?? ''),
    queryFn: ({ signal }) => apiGet<WorkOrderDetail>(`/api/work-orders/${encodeURIComponent(id!)}`, signal),
    enabled: !!id,
  });
}

/** The field teams and their technicians (reference data). */
export function useFieldTeams() {
  return useQuery({
    queryKey: queryKeys.fieldTeams,
    queryFn: ({ signal }) => apiGet<FieldTeam[]>('/api/work-orders/teams', signal),
    staleTime: Infinity,
  });
}

/** R-WO-3: every technician and the work order they are on. */
export function useTechnicianWhereabouts() {
  return useQuery({
    queryKey: queryKeys.workOrderTechnicians,
    queryFn: ({ signal }) => apiGet<TechnicianWhereabouts[]>('/api/work-orders/technicians', signal),
  });
}
