import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ScreenPop } from '../../../shared/api/callTypes';
import { apiPost } from '../../../shared/api/client';
import { queryKeys } from '../../../shared/api/queryKeys';
import type { StepAction } from './nextSteps';
import type { WorkOrderStatus, WorkOrderStepKey, WorkOrderType } from './types';

export interface DispatchInput {
  customerId: string;
  type: WorkOrderType;
  description: string;
  callId?: string | null;
  /** One per dispatch the agent means: a retry after a lost answer sends the same key and creates one work order. */
  idempotencyKey?: string;
}

export interface Dispatched {
  id: string;
  serial: string;
  revision: number;
}

/**
 * Refetches the call's pop until its recent work orders list the new one (the pop's read model catches up with the
 * dispatch within moments; the `workOrdersChanged` push refetches it too). Gives up after a few tries.
 */
export async function refreshPopUntilListed(queryClient: QueryClient, callId: string, workOrderId: string, tries = 8, pauseMs = 400) {
  for (let i = 0; i < tries; i++) {
    await queryClient.invalidateQueries({ queryKey: ['screen-pop', callId] });
    const pops = queryClient.getQueriesData<ScreenPop>({ queryKey: ['screen-pop', callId] });
    if (pops.every(([, pop]) => !pop || pop.recentWorkOrders.some((w) => w.id === workOrderId))) return;
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
}

/** POST /api/work-orders; from a call the agent goes to after-call work (R-STATE-4). */
export function useDispatchWorkOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ callId, idempotencyKey, ...body }: DispatchInput) =>
      apiPost<Dispatched>('/api/work-orders', callId ? { ...body, callId } : body, idempotencyKey),
    onSuccess: (dispatched, input) => {
      void queryClient.invalidateQueries({ queryKey: ['work-orders'] });
      // the pop's "recent work orders" of this call: its read model follows the dispatch a moment later
      if (input.callId) void refreshPopUntilListed(queryClient, input.callId, dispatched.id);
    },
  });
}

export interface StepInput {
  id: string;
  action: StepAction;
  body?: Record<string, string | undefined>;
}

export interface Progressed {
  id: string;
  status: WorkOrderStatus;
  currentStep: WorkOrderStepKey;
  technician: string | null;
  team: string | null;
  revision: number;
}

/** POST /api/work-orders/{id}/{assign|accept|arrive|complete|close|reassign}. */
export function useWorkOrderStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, body = {} }: StepInput) =>
      apiPost<Progressed>(`/api/work-orders/${encodeURIComponent(id)}/${action}`, body),
    onSettled: (_, __, input) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.workOrder(input.id) });
      void queryClient.invalidateQueries({ queryKey: ['work-orders'] });
    },
  });
}
