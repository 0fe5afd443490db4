import type { WorkOrderSummary } from '../features/work-orders/api/types';

/** A work order as the list and the detail return it. */
export function workOrder(overrides: Partial<WorkOrderSummary> = {}): WorkOrderSummary {
  return {
    id: 'w1',
    serial: 'WO-20261120-0001',
    type: 'fault',
    customerId: 'C001',
    customerName: 'Wang Fang',
    area: 'east',
    areaName: '城东',
    serviceType: 'broadband',
    callId: 'c1',
    description: 'No signal since this morning',
    dispatchedAt: '2026-11-20T01:00:00Z',
    dispatchedBy: 'agent1',
    status: 'inProgress',
    currentStep: 'assigned',
    technician: 'tech-east-1',
    technicianName: '王师傅',
    team: 'team-east',
    teamName: '城东维修队',
    updatedAt: '2026-11-20T01:10:00Z',
    revision: 1,
    ...overrides,
  };
}
