import { useSkillGroupName } from '../../../shared/ui/useSkillGroupName';
import { SearchOutlined } from '@ant-design/icons';
import { Alert, Card, Input, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { agentStateKeys, type AgentState, type AgentStateKey } from '../../../shared/api/types';
import { agentStateColor } from '../../../shared/ui/agentStateStyle';
import { AgentStateTag } from '../../../shared/ui/AgentStateTag';
import { durationSince, formatDuration } from '../../../shared/ui/formatDuration';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { useNow } from '../../../shared/ui/useNow';
import { useReasonName } from '../../../shared/ui/useReasonName';
import { useAgents } from '../api/useAgents';
import { AgentRowActions } from './AgentRowActions';
import { SupervisionBar } from './SupervisionBar';
import { SupervisionMenu } from './SupervisionMenu';
import styles from './RealtimeMonitor.module.css';

const stateOrder: Record<AgentStateKey, number> = { talking: 0, wrapUp: 1, ready: 2, notReady: 3, signedOut: 4 };

/** Live table of every agent's state (R-SUP-7), fed by SignalR through the ['agents'] cache. */
export function RealtimeMonitor() {
  const { t } = useTranslation();
  const groupName = useSkillGroupName();
  const agents = useAgents();
  const reasonName = useReasonName();
  const now = useNow();
  const [search, setSearch] = useState('');
  const [stateFilter, setStateFilter] = useState<AgentStateKey | null>(null);

  const counts = useMemo(() => {
    const c: Record<AgentStateKey, number> = { ready: 0, notReady: 0, talking: 0, wrapUp: 0, signedOut: 0 };
    for (const a of agents.data ?? []) c[a.state] += 1;
    return c;
  }, [agents.data]);

  const rows = useMemo(() => {
    const q = search.trim().toLowerCase();
    return (agents.data ?? [])
      .filter((a) => !stateFilter || a.state === stateFilter)
      .filter(
        (a) =>
          !q ||
          a.agentId.toLowerCase().includes(q) ||
          a.name.toLowerCase().includes(q) ||
          a.skillGroups.some((g) => g.toLowerCase().includes(q)) ||
          (a.extension ?? '').includes(q),
      );
  }, [agents.data, search, stateFilter]);

  const columns: TableColumnsType<AgentState> = [
    {
      key: 'agent',
      title: t('monitor.agent'),
      sorter: (a, b) => a.agentId.localeCompare(b.agentId, undefined, { numeric: true }),
      defaultSortOrder: 'ascend',
      render: (_, a) => (
        <Space size={6}>
          <Typography.Text strong>{a.name}</Typography.Text>
          <Typography.Text type="secondary">{a.agentId}</Typography.Text>
        </Space>
      ),
    },
    {
      key: 'state',
      title: t('monitor.state'),
      sorter: (a, b) => stateOrder[a.state] - stateOrder[b.state],
      render: (_, a) => (
        <span data-testid={`agent-state-${a.agentId}`} data-state={a.state}>
          <AgentStateTag state={a.state} />
        </span>
      ),
    },
    {
      key: 'reason',
      title: t('monitor.reason'),
      render: (_, a) => (
        <>
          {a.state === 'notReady' && a.reasonCode ? reasonName(a.reasonCode) : ''}
          {a.changedBy ? <Typography.Text type="secondary"> · {t('forcing.setBy', { by: a.changedBy })}</Typography.Text> : null}
        </>
      ),
    },
    {
      key: 'duration',
      title: t('monitor.duration'),
      sorter: (a, b) => Date.parse(b.since) - Date.parse(a.since),
      className: styles.duration,
      render: (_, a) => (a.state === 'signedOut' ? '' : formatDuration(durationSince(a.since, now))),
    },
    { key: 'extension', title: t('monitor.extension'), render: (_, a) => a.extension ?? '' },
    {
      key: 'skillGroups',
      title: t('monitor.skillGroups'),
      render: (_, a) => a.skillGroups.map((g) => <Tag key={g}>{groupName(g)}</Tag>),
    },
    { key: 'actions', title: t('forcing.actions'), render: (_, a) => (
        <Space size={2}>
          <SupervisionMenu agent={a} />
          <AgentRowActions agent={a} />
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <SupervisionBar />
      <div className={styles.summary} role="group" aria-label={t('monitor.filterState')}>
        {agentStateKeys.map((s) => (
          <Card
            key={s}
            size="small"
            className={styles.counter}
            data-testid={`monitor-count-${s}`}
            data-active={stateFilter === s}
            style={{ borderTopColor: agentStateColor[s] }}
            hoverable
            tabIndex={0}
            role="button"
            aria-pressed={stateFilter === s}
            onClick={() => setStateFilter(stateFilter === s ? null : s)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                setStateFilter(stateFilter === s ? null : s);
              }
            }}
          >
            <div className={styles.counterValue} style={{ color: agentStateColor[s] }}>
              {counts[s]}
            </div>
            <div className={styles.counterLabel}>{t(`state.${s}`)}</div>
          </Card>
        ))}
      </div>
      <Space wrap>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('monitor.search')}
          aria-label={t('monitor.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ width: 260 }}
        />
        <Typography.Text type="secondary">
          {t('monitor.total', { shown: rows.length, total: agents.data?.length ?? 0 })}
        </Typography.Text>
      </Space>
      {agents.error && <Alert type="error" showIcon title={problemMessage(agents.error, t)} />}
      <Table<AgentState>
        data-testid="monitor-table"
        rowKey="agentId"
        size="small"
        loading={agents.isLoading}
        columns={columns}
        dataSource={rows}
        pagination={false}
        sticky
        onRow={(a) => ({ 'data-testid': `agent-row-${a.agentId}` }) as React.HTMLAttributes<HTMLElement>}
        locale={{ emptyText: t('monitor.empty') }}
      />
    </Space>
  );
}
