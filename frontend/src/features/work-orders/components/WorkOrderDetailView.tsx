import { Alert, Descriptions, Skeleton, Space, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAreaName } from '../../../shared/ui/areaName';
import { useCodeLabel } from '../../../shared/ui/codeLabel';
import { problemMessage } from '../../../shared/ui/problemMessage';
import type { WorkOrderStepRow } from '../api/types';
import { useWorkOrder } from '../api/useWorkOrders';
import { StepActions } from './StepActions';
import { formatTime, StatusTag, stepColor, StepTag } from './workOrderTags';

/** One work order: its fields, the timeline of its steps (R-WO-2) and the buttons for the next allowed step. */
export function WorkOrderDetailView({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const code = useCodeLabel();
  const areaName = useAreaName();
  const detail = useWorkOrder(id);
  if (detail.isError) return <Alert type="error" showIcon title={problemMessage(detail.error, t)} />;
  if (!detail.data) return <Skeleton active />;
  const { workOrder: w, steps } = detail.data;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="wo-detail" data-step={w.currentStep}>
      <Space size={8} wrap>
        <Typography.Title level={5} style={{ margin: 0 }} data-testid="wo-detail-serial">
          {w.serial}
        </Typography.Title>
        <StatusTag status={w.status} />
        <StepTag step={w.currentStep} />
      </Space>
      <StepActions workOrder={w} />
      <Descriptions
        size="small"
        bordered
        column={2}
        items={[
          { key: 'type', label: t('wo.type'), children: code('woType', w.type) },
          { key: 'customer', label: t('wo.customer'), children: `${w.customerName} (${w.customerId})` },
          { key: 'area', label: t('wo.area'), children: areaName(w.area, w.areaName) },
          { key: 'service', label: t('customer.serviceType'), children: code('serviceType', w.serviceType) },
          { key: 'technician', label: t('wo.technician'), children: w.technicianName ?? '—' },
          { key: 'team', label: t('wo.team'), children: w.teamName ?? '—' },
          { key: 'dispatchedAt', label: t('wo.dispatchedAt'), children: formatTime(w.dispatchedAt, i18n.language) },
          { key: 'dispatchedBy', label: t('wo.dispatchedBy'), children: w.dispatchedBy },
          ...(w.callId ? [{ key: 'call', label: t('wo.call'), children: w.callId, span: 2 }] : []),
          { key: 'description', label: t('wo.description'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{w.description}</span>, span: 2 },
        ]}
      />
      <div>
        <Typography.Title level={5}>{t('woDetail.timeline')}</Typography.Title>
        <Timeline
          data-testid="wo-timeline"
          items={steps.map((s) => ({
            key: s.revision,
            color: stepColor[s.step],
            content: <StepEntry step={s} />,
          }))}
        />
      </div>
    </Space>
  );
}

function StepEntry({ step: s }: { step: WorkOrderStepRow }) {
  const { t, i18n } = useTranslation();
  const code = useCodeLabel();
  const assignee = [s.technicianName, s.teamName].filter(Boolean).join(' · ');
  return (
    <div data-testid="wo-timeline-item" data-step={s.step}>
      <Space size={8} wrap>
        <Typography.Text strong>{code('woStep', s.step)}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {formatTime(s.at, i18n.language)}
        </Typography.Text>
        {s.by && <Typography.Text type="secondary">{t('woDetail.by', { who: s.by })}</Typography.Text>}
      </Space>
      {assignee && <div>{t('woDetail.assignee', { who: assignee })}</div>}
      {s.result && <div>{t('woDetail.result', { result: t(`woResult.${s.result}`, { defaultValue: s.result }) })}</div>}
      {s.reason && <div>{t('woDetail.reason', { reason: s.reason })}</div>}
      {s.note && (
        <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
          {s.note}
        </Typography.Paragraph>
      )}
    </div>
  );
}
