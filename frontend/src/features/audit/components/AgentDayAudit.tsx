import { Alert, Card, DatePicker, Descriptions, Empty, Select, Space, Spin, Tabs, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../../../shared/ui/formatDuration';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { centerDay, useCenterZone } from '../../../shared/settings/useCenterZone';
import { useReasonName } from '../../../shared/ui/useReasonName';
import { ZoneHint } from '../../../shared/ui/ZoneHint';
import { useAgentDay, useAuditAgents } from '../api/useAgentDay';
import { CallsHandled } from './CallsHandled';
import { centerClock } from './centerClock';
import { DayTotals } from './DayTotals';
import { EventList } from './EventList';
import { StateBands } from './StateBands';

/** Yesterday in the center's time zone. */
function centerYesterday(timeZone: string): Dayjs {
  return dayjs(centerDay(timeZone)).subtract(1, 'day');
}

/** R-USE-3: choose an agent and a day; the day replayed from the event store — states, totals, calls, every event. */
export function AgentDayAudit({ initialAgentId = null, initialDay }: { initialAgentId?: string | null; initialDay?: string }) {
  const { t } = useTranslation();
  const agents = useAuditAgents();
  const [agentId, setAgentId] = useState<string | null>(initialAgentId);
  const { timeZone } = useCenterZone();
  const [day, setDay] = useState<Dayjs>(initialDay ? dayjs(initialDay) : centerYesterday(timeZone));
  const replay = useAgentDay(agentId, day.format('YYYY-MM-DD'));
  const reasonName = useReasonName();
  const data = replay.data;

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="audit-day">
      <Space wrap>
        <Select
          data-testid="audit-agent"
          showSearch
          style={{ width: 240 }}
          placeholder={t('audit.chooseAgent')}
          value={agentId ?? undefined}
          onChange={setAgentId}
          loading={agents.isLoading}
          optionFilterProp="label"
          options={(agents.data ?? []).map((a) => ({ value: a.agentId, label: `${a.name} (${a.agentId})` }))}
        />
        <DatePicker data-testid="audit-date" value={day} onChange={(d) => d && setDay(d)} allowClear={false} />
        <ZoneHint testId="audit-zone" />
        <Typography.Text type="secondary">{t('audit.centerTime')}</Typography.Text>
      </Space>
      {!agentId && <Empty description={t('audit.chooseAgent')} />}
      {replay.isLoading && <Spin />}
      {replay.error && <Alert type="error" showIcon message={problemMessage(replay.error, t)} />}
      {data && (
        <>
          <Card size="small">
            <Descriptions size="small" column={{ xs: 1, md: 3, xl: 6 }}>
              <Descriptions.Item label={t('audit.agent')}>{`${data.agentName} (${data.agentId})`}</Descriptions.Item>
              <Descriptions.Item label={t('audit.firstSignIn')}>{centerClock(data.firstSignedInAt)}</Descriptions.Item>
              <Descriptions.Item label={t('audit.lastSignOut')}>{centerClock(data.lastSignedOutAt)}</Descriptions.Item>
              <Descriptions.Item label={t('audit.signedIn')}>
                <span data-testid="audit-signed-in">{formatDuration(data.signedInMs)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('audit.callsHandled')}>
                <span data-testid="audit-call-count">{data.calls.length}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('audit.eventCount')}>{data.events.length}</Descriptions.Item>
            </Descriptions>
            {data.timeline.some((p) => p.clippedStart || p.clippedEnd) && (
              <Alert data-testid="audit-clipped" type="info" showIcon message={t(data.inProgress ? 'audit.inProgress' : 'audit.clipped')} />
            )}
            {data.timeline.length === 0 ? <Empty description={t('audit.noStates')} /> : <StateBands day={data} reasonName={reasonName} />}
          </Card>
          <Tabs
            items={[
              { key: 'totals', label: t('audit.totals'), children: <DayTotals day={data} reasonName={reasonName} /> },
              { key: 'calls', label: `${t('audit.callsHandled')} (${data.calls.length})`, children: <CallsHandled calls={data.calls} /> },
              { key: 'events', label: `${t('audit.events')} (${data.events.length})`, children: <EventList events={data.events} testId="audit-events" /> },
            ]}
          />
        </>
      )}
    </Space>
  );
}
