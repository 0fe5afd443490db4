import { Progress, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { AgentStateTag } from '../../../shared/ui/AgentStateTag';
import { agentStateColor } from '../../../shared/ui/agentStateStyle';
import { formatDuration } from '../../../shared/ui/formatDuration';
import type { AgentDay, StateTotal } from '../api/types';

/** Time per state, and per not-ready reason, as a share of the signed-in time. */
export function DayTotals({ day, reasonName }: { day: AgentDay; reasonName: (code: string | null) => string }) {
  const { t } = useTranslation();
  const rows = [...day.totals.filter((x) => x.state !== 'notReady'), ...day.notReadyReasons];
  const columns: TableColumnsType<StateTotal> = [
    { key: 'state', title: t('monitor.state'), render: (_, x) => <AgentStateTag state={x.state} /> },
    {
      key: 'reason',
      title: t('monitor.reason'),
      render: (_, x) => (x.state === 'notReady' ? reasonName(x.reasonCode) || t('audit.noReason') : ''),
    },
    { key: 'periods', title: t('audit.periods'), dataIndex: 'periods', align: 'right' },
    {
      key: 'duration',
      title: t('audit.duration'),
      align: 'right',
      render: (_, x) => <span data-testid={`total-${x.state}-${x.reasonCode ?? ''}`}>{formatDuration(x.durationMs)}</span>,
    },
    {
      key: 'share',
      title: t('audit.share'),
      width: 180,
      render: (_, x) => (
        <Progress
          percent={day.signedInMs ? Math.round((1000 * x.durationMs) / day.signedInMs) / 10 : 0}
          strokeColor={agentStateColor[x.state]}
          size="small"
        />
      ),
    },
  ];
  return (
    <Table<StateTotal>
      data-testid="audit-totals"
      size="small"
      rowKey={(x) => `${x.state}/${x.reasonCode ?? ''}`}
      columns={columns}
      dataSource={rows}
      pagination={false}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={3}>
            <Typography.Text strong>{t('audit.signedIn')}</Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={3} align="right">
            <Typography.Text strong data-testid="total-signed-in">{formatDuration(day.signedInMs)}</Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={4} />
        </Table.Summary.Row>
      )}
    />
  );
}
