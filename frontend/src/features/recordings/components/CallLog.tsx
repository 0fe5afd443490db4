import { FileExcelOutlined, PlayCircleOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Form, Input, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../../shared/api/download';
import { hasAnyRole, useMe } from '../../../shared/auth/useMe';
import { formatDuration } from '../../../shared/ui/formatDuration';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { centerDateTime, dayEnd, dayStart } from '../api/dayRange';
import { usePurposes } from '../api/purposes';
import { queryString, useCallLog } from '../api/queries';
import type { CallLogEntry } from '../api/types';
import { RecordingPlayer } from './RecordingPlayer';

interface Criteria {
  days?: [Dayjs, Dayjs] | null;
  number?: string;
  agentId?: string;
  purpose?: string;
}

export function callLogQuery(c: Criteria): string {
  return queryString({
    from: c.days?.[0] ? dayStart(c.days[0].format('YYYY-MM-DD')) : undefined,
    to: c.days?.[1] ? dayEnd(c.days[1].format('YYYY-MM-DD')) : undefined,
    number: c.number?.trim(),
    agentId: c.agentId?.trim(),
    purpose: c.purpose,
  });
}

/** Seed 003 "通话记录": the user's calls (a supervisor's team's) with time, number, direction, talk time, purpose and recording; Excel. */
export function CallLog() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [query, setQuery] = useState('');
  const [playing, setPlaying] = useState<CallLogEntry | null>(null);
  const [exportError, setExportError] = useState<unknown>(null);
  const [exporting, setExporting] = useState(false);
  const calls = useCallLog(query);
  const purposes = usePurposes();
  const seesOthers = hasAnyRole(me, 'supervisor', 'admin');
  // the same criteria again asks the server again (calls end all the time)
  const search = (q: string) => (q === query ? void calls.refetch({ cancelRefetch: false }) : setQuery(q));

  const exportXlsx = async () => {
    setExporting(true);
    setExportError(null);
    try {
      await downloadFile(`/api/calls?${query}${query ? '&' : ''}format=xlsx`, 'call-log.xlsx');
    } catch (e) {
      setExportError(e);
    } finally {
      setExporting(false);
    }
  };

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="call-log">
      <Form<Criteria> layout="inline" onFinish={(c) => search(callLogQuery(c))}>
        <Form.Item name="days" label={t('callLog.days')}>
          <DatePicker.RangePicker data-testid="call-log-days" />
        </Form.Item>
        <Form.Item name="number" label={t('callLog.number')}>
          <Input data-testid="call-log-number" allowClear style={{ width: 150 }} />
        </Form.Item>
        {seesOthers && (
          <Form.Item name="agentId" label={t('callLog.agent')}>
            <Input data-testid="call-log-agent" allowClear style={{ width: 120 }} />
          </Form.Item>
        )}
        <Form.Item name="purpose" label={t('callLog.purpose')}>
          <Select data-testid="call-log-purpose" allowClear style={{ width: 140 }} options={purposes.options} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="call-log-search">
              {t('callLog.search')}
            </Button>
            <Button icon={<FileExcelOutlined />} loading={exporting} onClick={exportXlsx} data-testid="call-log-export">
              {t('callLog.export')}
            </Button>
          </Space>
        </Form.Item>
      </Form>
      {(calls.error || exportError) ? <Alert type="error" showIcon message={problemMessage(calls.error ?? exportError, t)} /> : null}
      {playing?.recordingId && (
        <RecordingPlayer key={playing.recordingId} recordingId={playing.recordingId} title={`${centerDateTime(playing.startedAt)} · ${playing.number ?? ''}`} />
      )}
      <Table<CallLogEntry>
        data-testid="call-log-results"
        size="small"
        rowKey="callId"
        loading={calls.isFetching}
        dataSource={calls.data ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          { title: t('callLog.startedAt'), dataIndex: 'startedAt', render: (v: string) => centerDateTime(v) },
          { title: t('callLog.number'), dataIndex: 'number' },
          {
            title: t('callLog.direction'),
            dataIndex: 'direction',
            render: (d: string | null) => (d ? <Tag color={d === 'inbound' ? 'blue' : d === 'outbound' ? 'green' : 'default'}>{t(`callLog.directions.${d}`)}</Tag> : '—'),
          },
          { title: t('callLog.duration'), dataIndex: 'durationSeconds', render: (s: number) => formatDuration(s * 1000) },
          ...(seesOthers ? [{ title: t('callLog.agent'), dataIndex: 'agentId' }] : []),
          { title: t('callLog.purpose'), dataIndex: 'purpose', render: (p: string | null) => purposes.nameOf(p) },
          {
            title: t('callLog.recording'),
            key: 'recording',
            render: (_: unknown, c: CallLogEntry) =>
              c.recordingId ? (
                <Button size="small" icon={<PlayCircleOutlined />} data-testid={`call-log-play-${c.callId}`} onClick={() => setPlaying(c)}>
                  {t('recordings.play')}
                </Button>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </Space>
  );
}
