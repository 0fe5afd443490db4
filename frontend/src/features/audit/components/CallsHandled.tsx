import { Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../../../shared/ui/formatDuration';
import { useCodeLabel } from '../../../shared/ui/codeLabel';
import type { HandledCall } from '../api/types';
import { centerClock } from './centerClock';
import { EventList } from './EventList';

/** The calls of the day, the agent's leg of each; a row expands to the call's own events. */
export function CallsHandled({ calls }: { calls: HandledCall[] }) {
  const { t } = useTranslation();
  const code = useCodeLabel();
  const columns: TableColumnsType<HandledCall> = [
    { key: 'answered', title: t('audit.call.answeredAt'), render: (_, c) => centerClock(c.answeredAt) },
    { key: 'ended', title: t('audit.call.endedAt'), render: (_, c) => centerClock(c.endedAt) },
    { key: 'caller', title: t('audit.call.caller'), render: (_, c) => c.caller ?? '—' },
    { key: 'direction', title: t('audit.call.direction'), render: (_, c) => <Tag>{t(`audit.directions.${c.direction}`, { defaultValue: c.direction })}</Tag> },
    { key: 'queue', title: t('audit.call.queue'), render: (_, c) => c.queue ?? '—' },
    { key: 'talk', title: t('audit.call.talk'), align: 'right', render: (_, c) => formatDuration(c.talkMs) },
    { key: 'hold', title: t('audit.call.hold'), align: 'right', render: (_, c) => (c.holds ? `${formatDuration(c.holdMs)} (${c.holds})` : '—') },
    {
      key: 'purpose',
      title: t('audit.call.purpose'),
      render: (_, c) => (c.purpose ? `${t(`audit.purposes.${c.purpose}`, { defaultValue: c.purpose })} / ${code('subtype', c.subtype)}` : '—'),
    },
    { key: 'survey', title: t('audit.call.survey'), align: 'right', render: (_, c) => c.surveyScore ?? '—' },
    { key: 'id', title: t('audit.call.id'), render: (_, c) => <span style={{ fontSize: 12 }}>{c.callId}</span> },
  ];
  return (
    <Table<HandledCall>
      data-testid="audit-calls"
      size="small"
      rowKey="callId"
      columns={columns}
      dataSource={calls}
      pagination={calls.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      expandable={{ expandedRowRender: (c) => <EventList events={c.events} testId={`call-events-${c.callId}`} /> }}
    />
  );
}
