import { Alert, Card, DatePicker, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { centerDay, useCenterZone } from '../../../shared/settings/useCenterZone';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { useAlarmHistory, type AlarmChange } from '../api/alarmHistory';
import { AREA_CODES, useAreaName } from '../../../shared/ui/areaName';
import { useWindowText } from '../api/alarmText';

const AlarmLevelChart = lazy(() => import('./AlarmLevelChart'));

const DAY = 'YYYY-MM-DD';
const kindColor: Record<string, string> = { raised: 'red', escalated: 'volcano', deEscalated: 'gold', cleared: 'green', uncounted: 'default' };
export const levelColor: Record<number, string> = { 1: 'red', 2: 'orange', 3: 'gold' };

/** R-ALARM-2 history: every level change per area in a date range, as a table and a step chart. */
export function AlarmHistory() {
  const { t, i18n } = useTranslation();
  const areaName = useAreaName();
  const windowText = useWindowText();
  // The center's days, not the browser's: at 04:00 in Shanghai a browser on UTC is still on yesterday (issue 16).
  const { timeZone } = useCenterZone();
  const today = dayjs(centerDay(timeZone));
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [today.subtract(6, 'day'), today]);
  const [area, setArea] = useState('');
  const from = range[0].format(DAY);
  const to = range[1].format(DAY);
  const history = useAlarmHistory(from, to, area);
  const changes = history.data ?? [];
  const start = range[0].startOf('day').valueOf();
  const end = Math.min(Date.now(), range[1].endOf('day').valueOf());
  const level = (l: number) => (l > 0 ? <Tag color={levelColor[l]}>{t(`alarms.level${l}`)}</Tag> : <Tag>{t('alarms.none')}</Tag>);

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="alarm-history">
      <Space wrap>
        <DatePicker.RangePicker
          value={range}
          allowClear={false}
          disabledDate={(d) => d.isAfter(today, 'day')}
          onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
          data-testid="alarm-history-range"
          aria-label={t('alarms.range')}
        />
        <Select
          value={area}
          onChange={setArea}
          style={{ minWidth: 160 }}
          data-testid="alarm-history-area"
          aria-label={t('alarms.area')}
          options={[{ value: '', label: t('alarms.allAreas') }, ...AREA_CODES.map((a) => ({ value: a, label: areaName(a) }))]}
        />
        {history.isFetching && <Spin size="small" />}
      </Space>
      {history.isError && <Alert type="error" showIcon title={problemMessage(history.error, t)} />}
      <Card size="small" title={t('alarms.chartTitle')}>
        {changes.length === 0 ? (
          <Typography.Text type="secondary">{t('alarms.noChanges')}</Typography.Text>
        ) : (
          <Suspense fallback={<Spin />}>
            <AlarmLevelChart changes={changes} start={start} end={end} />
          </Suspense>
        )}
      </Card>
      <Table<AlarmChange>
        size="small"
        rowKey={(c) => `${c.area}-${c.at}`}
        dataSource={[...changes].reverse()}
        loading={history.isLoading}
        pagination={{ pageSize: 20, hideOnSinglePage: true, size: 'small' }}
        locale={{ emptyText: t('alarms.noChanges') }}
        onRow={() => ({ 'data-testid': 'alarm-change' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'at', title: t('alarms.at'), render: (_, c) => new Date(c.at).toLocaleString(i18n.language) },
          { key: 'area', title: t('alarms.area'), render: (_, c) => areaName(c.area, c.areaName) },
          { key: 'kind', title: t('alarms.kind'), render: (_, c) => <Tag color={kindColor[c.kind]}>{t(`alarms.kinds.${c.kind}`)}</Tag> },
          { key: 'from', title: t('alarms.fromLevel'), render: (_, c) => (c.kind === 'uncounted' ? '—' : level(c.fromLevel)) },
          { key: 'level', title: t('alarms.toLevel'), render: (_, c) => (c.kind === 'uncounted' ? '—' : level(c.level)) },
          {
            key: 'count',
            title: t('alarms.count'),
            // an uncount names the call that stopped counting
            render: (_, c) => (c.kind === 'uncounted' ? c.callId ?? '—' : t('alarms.countIn', { count: c.count, window: windowText(c.windowMinutes) })),
          },
        ]}
      />
    </Space>
  );
}
