import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { Alert, App, Button, Segmented, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBreakAction, useBreakRequests, type BreakRequest } from '../../../shared/breaks/breakRequests';
import { durationSince, formatDuration } from '../../../shared/ui/formatDuration';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { useNow } from '../../../shared/ui/useNow';
import { useReasonName } from '../../../shared/ui/useReasonName';

const stateColor: Record<BreakRequest['state'], string> = { pending: 'gold', approved: 'green', denied: 'red', cancelled: 'default', ended: 'default' };
type Filter = 'open' | 'all';

/** The supervisor's live list of break requests (R-STATE-3): approve or deny pending ones; who is away and since when. */
export function BreakRequestsPanel() {
  const { t, i18n } = useTranslation();
  const requests = useBreakRequests();
  const action = useBreakAction();
  const reasonName = useReasonName();
  const now = useNow();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<Filter>('open');

  const rows = useMemo(
    () => (Array.isArray(requests.data) ? requests.data : []).filter((r) => filter === 'all' || r.state === 'pending' || r.state === 'approved'),
    [requests.data, filter],
  );
  const decide = (kind: 'approve' | 'deny', r: BreakRequest) =>
    action.mutate(
      { action: kind, id: r.id },
      { onError: (error) => void message.error({ content: problemMessage(error, t), key: `break-${r.id}` }) },
    );

  const columns: TableColumnsType<BreakRequest> = [
    {
      key: 'agent',
      title: t('monitor.agent'),
      render: (_, r) => (
        <Space size={6}>
          <Typography.Text strong>{r.name}</Typography.Text>
          <Typography.Text type="secondary">{r.agentId}</Typography.Text>
        </Space>
      ),
    },
    { key: 'reason', title: t('monitor.reason'), render: (_, r) => reasonName(r.reasonCode) },
    {
      key: 'state',
      title: t('breaks.state'),
      render: (_, r) => (
        <Tag color={stateColor[r.state]} data-testid={`break-state-${r.agentId}`} data-state={r.state}>
          {t(`breaks.states.${r.state}`)}
          {r.state === 'pending' && r.waitingPosition ? ` #${r.waitingPosition}` : ''}
          {r.state === 'approved' && r.startedAt ? ` · ${t('breaks.away')}` : ''}
          {r.automatic && r.state !== 'pending' ? ` · ${t('breaks.automatic')}` : ''}
        </Tag>
      ),
    },
    {
      key: 'since',
      title: t('breaks.since'),
      className: 'tabular',
      render: (_, r) => {
        const from = r.state === 'pending' ? r.requestedAt : r.state === 'approved' ? (r.startedAt ?? r.decidedAt) : null;
        return from ? formatDuration(durationSince(from, now)) : new Date(r.requestedAt).toLocaleTimeString(i18n.language);
      },
    },
    {
      key: 'actions',
      title: t('breaks.actions'),
      render: (_, r) =>
        r.state === 'pending' ? (
          <Space size={4}>
            <Button size="small" type="primary" icon={<CheckOutlined />} data-testid={`break-approve-${r.agentId}`} disabled={action.isPending} onClick={() => decide('approve', r)}>
              {t('breaks.approve')}
            </Button>
            <Button size="small" danger icon={<CloseOutlined />} data-testid={`break-deny-${r.agentId}`} disabled={action.isPending} onClick={() => decide('deny', r)}>
              {t('breaks.deny')}
            </Button>
          </Space>
        ) : null,
    },
  ];

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="break-requests">
      <Space wrap>
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'open', label: t('breaks.filterOpen') },
            { value: 'all', label: t('breaks.filterAll') },
          ]}
        />
        <Typography.Text type="secondary">{t('breaks.hint')}</Typography.Text>
      </Space>
      {requests.error && <Alert type="error" showIcon title={problemMessage(requests.error, t)} />}
      <Table<BreakRequest>
        rowKey="id"
        size="small"
        loading={requests.isLoading}
        columns={columns}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        onRow={(r) => ({ 'data-testid': `break-row-${r.agentId}` }) as React.HTMLAttributes<HTMLElement>}
        locale={{ emptyText: t('breaks.empty') }}
      />
    </Space>
  );
}
