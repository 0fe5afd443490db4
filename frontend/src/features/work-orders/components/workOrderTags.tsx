import { Tag } from 'antd';
import { useCodeLabel } from '../../../shared/ui/codeLabel';
import type { WorkOrderStatus, WorkOrderStepKey } from '../api/types';

const statusColor: Record<WorkOrderStatus, string> = { inProgress: 'processing', completed: 'green', closed: 'default' };
export const stepColor: Record<WorkOrderStepKey, string> = {
  dispatched: 'blue',
  assigned: 'cyan',
  reassigned: 'orange',
  accepted: 'geekblue',
  onSite: 'purple',
  completed: 'green',
  closed: 'gray',
};

export function StatusTag({ status }: { status: WorkOrderStatus }) {
  const code = useCodeLabel();
  return (
    <Tag color={statusColor[status]} data-testid="wo-status" data-status={status}>
      {code('woStatus', status)}
    </Tag>
  );
}

export function StepTag({ step }: { step: WorkOrderStepKey | null }) {
  const code = useCodeLabel();
  if (!step) return <>—</>;
  return (
    <Tag color={stepColor[step]} variant="outlined" data-testid="wo-step" data-step={step}>
      {code('woStep', step)}
    </Tag>
  );
}

export const formatTime = (iso: string | null | undefined, language: string) =>
  iso ? new Date(iso).toLocaleString(language, { dateStyle: 'short', timeStyle: 'short' }) : '—';
