import type { WorkOrderStepKey } from './types';

export type StepAction = 'assign' | 'accept' | 'arrive' | 'complete' | 'close' | 'reassign';

/**
 * The buttons a work order at `step` offers (R-WO-2, backend WorkOrders/Progressing/WorkOrderFlow.cs):
 * dispatched → assign → accept → arrive → complete → close (admin); admins may reassign until completed.
 */
export function nextSteps(step: WorkOrderStepKey, isAdmin: boolean): StepAction[] {
  const next: Partial<Record<WorkOrderStepKey, StepAction>> = {
    dispatched: 'assign',
    assigned: 'accept',
    reassigned: 'accept',
    accepted: 'arrive',
    onSite: 'complete',
  };
  const actions: StepAction[] = next[step] ? [next[step]] : [];
  if (isAdmin && (step === 'assigned' || step === 'reassigned' || step === 'accepted' || step === 'onSite')) actions.push('reassign');
  if (isAdmin && step === 'completed') actions.push('close');
  return actions;
}
