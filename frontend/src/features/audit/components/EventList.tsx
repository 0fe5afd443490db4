import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../api/types';
import { centerClock } from './centerClock';

/** Stored events in store order: time, type, who caused it; a row expands to the data and ids as stored. */
export function EventList({ events, pageSize = 50, testId }: { events: AuditEvent[]; pageSize?: number; testId?: string }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<AuditEvent> = [
    { key: 'at', title: t('audit.event.at'), width: 120, render: (_, e) => <span className="tabular">{centerClock(e.at, true)}</span> },
    { key: 'type', title: t('audit.event.type'), render: (_, e) => <Typography.Text code>{e.type.replace(/\.v\d+$/, '')}</Typography.Text> },
    {
      key: 'actor',
      title: t('audit.event.actor'),
      render: (_, e) => (
        <span>
          {e.actor ?? '—'} {e.source && <Tag>{t(`audit.sources.${e.source}`, { defaultValue: e.source })}</Tag>}
        </span>
      ),
    },
    { key: 'stream', title: t('audit.event.stream'), render: (_, e) => `${e.streamId} @${e.revision}` },
  ];
  return (
    <Table<AuditEvent>
      data-testid={testId}
      size="small"
      rowKey="eventId"
      columns={columns}
      dataSource={events}
      pagination={events.length > pageSize ? { pageSize, showSizeChanger: false } : false}
      expandable={{
        expandedRowRender: (e) => (
          <pre data-testid={`event-data-${e.eventId}`} style={{ margin: 0, fontSize: 12, whiteSpace: 'pre-wrap' }}>
            {JSON.stringify(
              { data: e.data, eventId: e.eventId, position: e.position, recordedAt: e.recordedAt, correlationId: e.correlationId, causationId: e.causationId },
              null,
              2,
            )}
          </pre>
        ),
      }}
    />
  );
}
