import { App, Button, Popconfirm, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/ApiError';
import { hasAnyRole, useMe } from '../../../shared/auth/useMe';
import { problemMessage } from '../../../shared/ui/problemMessage';
import type { ProjectionInfo } from '../api/projectionTypes';
import { useProjections, useRebuildProjection } from '../api/useProjections';
import { FaultActions } from './FaultActions';
import { RebuildProgressBar } from './RebuildProgressBar';

/** R-USE-2: the read models, how far behind they are, and blue/green rebuilds (analysts and admins rebuild; supervisors look). */
export function ProjectionsPanel() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { data, isLoading, error } = useProjections();
  const me = useMe().data;
  const mayRebuild = hasAnyRole(me, 'analyst', 'admin');
  const mayDecide = hasAnyRole(me, 'admin');
  const rebuild = useRebuildProjection();
  const number = (n: number) => new Intl.NumberFormat(i18n.language).format(n);

  const start = (name: string) =>
    rebuild.mutate(name, {
      onSuccess: () => void message.success(t('projections.started', { name })),
      onError: (e) => void message.error(isApiError(e) && e.status === 409 ? t('projections.alreadyRunning', { name }) : problemMessage(e, t)),
    });

  const columns: ColumnsType<ProjectionInfo> = [
    { title: t('projections.name'), dataIndex: 'name', render: (name: string) => <Typography.Text code>{name}</Typography.Text> },
    { title: t('projections.version'), dataIndex: 'version', render: (v: number | null) => (v == null ? '—' : `v${v}`) },
    {
      title: t('projections.state'),
      dataIndex: 'state',
      render: (_: unknown, p) =>
        !p.rebuildable && p.state !== 'faulted' ? (
          <Tag>{t('projections.reactor')}</Tag>
        ) : (
          <Tag color={p.state === 'live' ? 'green' : p.state === 'faulted' ? 'red' : 'blue'} data-testid={`projection-state-${p.name}`} data-state={p.state}>
            {t(`projections.states.${p.state}`)}
          </Tag>
        ),
    },
    { title: t('projections.position'), dataIndex: 'position', render: (v: number | null) => (v == null ? '—' : v) },
    {
      title: t('projections.lag'),
      dataIndex: 'lag',
      render: (lag: ProjectionInfo['lag'], p) =>
        lag == null ? '—' : (
          <span data-testid={`projection-lag-${p.name}`}>
            {t('projections.lagValue', { events: `${number(lag.events)}${lag.atLeast ? '+' : ''}`, seconds: number(Math.round(lag.seconds * 10) / 10) })}
          </span>
        ),
    },
    {
      title: t('projections.rebuild'),
      dataIndex: 'rebuild',
      width: 280,
      render: (_: unknown, p) =>
        p.fault ? <FaultActions fault={p.fault} mayDecide={mayDecide} /> : p.rebuild ? <RebuildProgressBar name={p.name} progress={p.rebuild} /> : null,
    },
    {
      key: 'actions',
      render: (_: unknown, p) =>
        p.rebuildable && mayRebuild ? (
          <Popconfirm
            title={t('projections.confirmTitle', { name: p.name })}
            description={t('projections.confirmText')}
            okText={t('projections.rebuildNow')}
            cancelText={t('projections.cancel')}
            onConfirm={() => start(p.name)}
          >
            <Button size="small" disabled={p.state === 'rebuilding'} loading={rebuild.isPending && rebuild.variables === p.name} data-testid={`btn-rebuild-${p.name}`}>
              {t('projections.rebuildButton')}
            </Button>
          </Popconfirm>
        ) : p.rebuildable ? (
          <Tooltip title={t('projections.analystsOnly')}>
            <Button size="small" disabled data-testid={`btn-rebuild-${p.name}`}>
              {t('projections.rebuildButton')}
            </Button>
          </Tooltip>
        ) : null,
    },
  ];

  return (
    <div data-testid="projections-panel">
      <Typography.Paragraph type="secondary">{t('projections.intro')}</Typography.Paragraph>
      {error ? <Typography.Text type="danger">{problemMessage(error, t)}</Typography.Text> : null}
      <Table rowKey="name" size="small" pagination={false} loading={isLoading} columns={columns} dataSource={data ?? []} />
    </div>
  );
}
