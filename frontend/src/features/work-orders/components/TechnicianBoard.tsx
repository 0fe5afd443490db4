import { Alert, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAreaName } from '../../../shared/ui/areaName';
import { problemMessage } from '../../../shared/ui/problemMessage';
import type { TechnicianWhereabouts } from '../api/types';
import { useTechnicianWhereabouts } from '../api/useWorkOrders';
import { formatTime, StepTag } from './workOrderTags';


/** R-WO-3: who is where — technicians grouped by team, with the work order each is on and its step. */
export function TechnicianBoard() {
  const { t, i18n } = useTranslation();
  const areaName = useAreaName();
  const data = useTechnicianWhereabouts();
  const groups = new Map<string, TechnicianWhereabouts[]>();
  for (const x of data.data ?? []) groups.set(x.team, [...(groups.get(x.team) ?? []), x]);

  if (data.isError) return <Alert type="error" showIcon title={problemMessage(data.error, t)} />;
  return (
    <Table<TechnicianWhereabouts>
      size="small"
      data-testid="wo-technicians"
      loading={data.isLoading}
      rowKey="id"
      pagination={false}
      dataSource={data.data ?? []}
      scroll={{ x: 'max-content' }}
      onRow={(x) => ({ 'data-testid': `technician-row-${x.id}`, 'data-step': x.step ?? 'free' }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          key: 'team',
          title: t('wo.team'),
          onCell: (x) => {
            const members = groups.get(x.team) ?? [];
            return { rowSpan: members[0]?.id === x.id ? members.length : 0 };
          },
          render: (_, x) => (
            <div>
              <Typography.Text strong>{x.teamName}</Typography.Text>
              <div>
                <Typography.Text type="secondary">{areaName(x.area, x.areaName)}</Typography.Text>
              </div>
            </div>
          ),
        },
        { key: 'name', title: t('wo.technician'), dataIndex: 'name' },
        {
          key: 'state',
          title: t('woTech.doing'),
          render: (_, x) => (x.step ? <StepTag step={x.step} /> : <Typography.Text type="success">{t('woTech.free')}</Typography.Text>),
        },
        { key: 'serial', title: t('wo.serial'), render: (_, x) => x.serial ?? '—' },
        { key: 'customer', title: t('wo.customer'), render: (_, x) => x.customerName ?? '—' },
        { key: 'since', title: t('woTech.since'), render: (_, x) => (x.since ? formatTime(x.since, i18n.language) : '—') },
      ]}
    />
  );
}
