/** Work-order contract (GET /api/work-orders…, API.md "Work orders and alarms"). */
export type WorkOrderType = 'fault' | 'installation' | 'delivery';
export type WorkOrderStatus = 'inProgress' | 'completed' | 'closed';
export type WorkOrderStepKey = 'dispatched' | 'assigned' | 'reassigned' | 'accepted' | 'onSite' | 'completed' | 'closed';

export const WORK_ORDER_TYPES: WorkOrderType[] = ['fault', 'installation', 'delivery'];
export const WORK_ORDER_STATUSES: WorkOrderStatus[] = ['inProgress', 'completed', 'closed'];
/** The steps a work order can be at (reassigned goes back to assigned). */
export const CURRENT_STEPS: WorkOrderStepKey[] = ['dispatched', 'assigned', 'accepted', 'onSite', 'completed', 'closed'];
export const RESULTS = ['resolved', 'partially-resolved', 'unresolved', 'customer-absent'] as const;

export interface WorkOrderSummary {
  id: string;
  serial: string;
  type: WorkOrderType;
  customerId: string;
  customerName: string;
  area: string;
  areaName: string;
  serviceType: string;
  callId: string | null;
  description: string;
  dispatchedAt: string;
  dispatchedBy: string;
  status: WorkOrderStatus;
  currentStep: WorkOrderStepKey;
  technician: string | null;
  technicianName: string | null;
  team: string | null;
  teamName: string | null;
  updatedAt: string;
  revision: number;
}

export interface WorkOrderPage {
  total: number;
  items: WorkOrderSummary[];
}

export interface WorkOrderStepRow {
  revision: number;
  step: WorkOrderStepKey;
  at: string;
  by: string | null;
  technician: string | null;
  technicianName: string | null;
  team: string | null;
  teamName: string | null;
  result: string | null;
  note: string | null;
  reason: string | null;
}

export interface WorkOrderDetail {
  workOrder: WorkOrderSummary;
  steps: WorkOrderStepRow[];
}

export interface FieldTeam {
  id: string;
  name: string;
  area: string;
  technicians: { id: string; name: string; team: string }[];
}

/** R-WO-3: who is where. */
export interface TechnicianWhereabouts {
  id: string;
  name: string;
  team: string;
  teamName: string;
  area: string;
  areaName: string;
  workOrderId: string | null;
  serial: string | null;
  step: WorkOrderStepKey | null;
  customerName: string | null;
  since: string | null;
}
