import { useMutation, useQueryClient } from '@tanstack/react-query';
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

/** POST /api/work-orders; from a call the agent goes to after-call work (R-STATE-4). */
export function useDispatchWorkOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ callId, idempotencyKey, ...body }: DispatchInput) =>
      apiPost<Dispatched>('/api/work-orders', callId ? { ...body, callId } : body, idempotencyKey),
    onSuccess: (_, input) => {
      void queryClient.invalidateQueries({ queryKey: ['work-orders'] });
      // the pop's "recent work orders" of this call
      if (input.callId) void queryClient.invalidateQueries({ queryKey: ['screen-pop', input.callId] });
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
