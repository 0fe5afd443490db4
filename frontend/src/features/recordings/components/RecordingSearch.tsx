import { AuditOutlined, PlayCircleOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tooltip, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, useMe } from '../../../shared/auth/useMe';
import { formatDuration } from '../../../shared/ui/formatDuration';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { centerDateTime, dayEnd, dayStart } from '../api/dayRange';
import { usePurposes } from '../api/purposes';
import { queryString, useRecordings } from '../api/queries';
import type { Recording } from '../api/types';
import { AccessList } from './AccessList';
import { RecordingPlayer } from './RecordingPlayer';

interface Criteria {
  agentId?: string;
  days?: [Dayjs, Dayjs] | null;
  ani?: string;
  dnis?: string;
  callId?: string;
  minSeconds?: number | null;
  maxSeconds?: number | null;
  purpose?: string;
  team?: string;
}

export function toQuery(c: Criteria): string {
  return queryString({
    agentId: c.agentId?.trim(),
    from: c.days?.[0] ? dayStart(c.days[0].format('YYYY-MM-DD')) : undefined,
    to: c.days?.[1] ? dayEnd(c.days[1].format('YYYY-MM-DD')) : undefined,
    ani: c.ani?.trim(),
    dnis: c.dnis?.trim(),
    callId: c.callId?.trim(),
    minSeconds: c.minSeconds,
    maxSeconds: c.maxSeconds,
    purpose: c.purpose?.trim(),
    team: c.team?.trim(),
  });
}

/** R-REC-1 "录音查询": find recordings by agent, days, numbers, call, duration, purpose and team; play, download, see who listened. */
export function RecordingSearch() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [query, setQuery] = useState<string>('');
  const [playing, setPlaying] = useState<Recording | null>(null);
  const [accessesOf, setAccessesOf] = useState<string | null>(null);
  const results = useRecordings(query);
  const purposes = usePurposes();
  // searching again with the same criteria asks the server again (a call that just ended may have been recorded since)
  const search = (q: string) => (q === query ? void results.refetch({ cancelRefetch: false }) : setQuery(q));
  const mayHear = hasAnyRole(me, 'agent', 'supervisor', 'admin', 'qa');
  const mayAudit = hasAnyRole(me, 'auditor', 'supervisor', 'admin');

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="recording-search">
      <Form<Criteria> layout="inline" onFinish={(c) => search(toQuery(c))} data-testid="recording-filters">
        <Form.Item name="days" label={t('recordings.days')}>
          <DatePicker.RangePicker data-testid="recording-days" />
        </Form.Item>
        <Form.Item name="agentId" label={t('recordings.agent')}>
          <Input data-testid="recording-agent" allowClear style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="ani" label={t('recordings.ani')}>
          <Input data-testid="recording-ani" allowClear style={{ width: 150 }} />
        </Form.Item>
        <Form.Item name="dnis" label={t('recordings.dnis')}>
          <Input data-testid="recording-dnis" allowClear style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="callId" label={t('recordings.callId')}>
          <Input data-testid="recording-call-id" allowClear style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="minSeconds" label={t('recordings.minSeconds')}>
          <InputNumber data-testid="recording-min-seconds" min={0} style={{ width: 90 }} />
        </Form.Item>
        <Form.Item name="maxSeconds" label={t('recordings.maxSeconds')}>
          <InputNumber data-testid="recording-max-seconds" min={0} style={{ width: 90 }} />
        </Form.Item>
        <Form.Item name="purpose" label={t('recordings.purpose')}>
          <Select data-testid="recording-purpose" allowClear style={{ width: 140 }} options={purposes.options} />
        </Form.Item>
        <Form.Item name="team" label={t('recordings.team')}>
          <Input data-testid="recording-team" allowClear style={{ width: 100 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="recording-search-submit">
            {t('recordings.search')}
          </Button>
        </Form.Item>
      </Form>
      <Typography.Text type="secondary">{t('recordings.daysNote')}</Typography.Text>
      {results.error && <Alert type="error" showIcon message={problemMessage(results.error, t)} />}
      {playing && (
        <RecordingPlayer
          key={playing.id}
          recordingId={playing.id}
          title={`${centerDateTime(playing.startedAt)} · ${playing.ani ?? ''} → ${playing.dnis ?? ''} · ${playing.agentId ?? ''}`}
        />
      )}
      <Table<Recording>
        data-testid="recording-results"
        size="small"
        rowKey="id"
        loading={results.isFetching}
        dataSource={results.data ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        onRow={(r) => ({ 'data-testid': `recording-row-${r.id}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('recordings.startedAt'), dataIndex: 'startedAt', render: (v: string) => centerDateTime(v) },
          { title: t('recordings.agent'), dataIndex: 'agentId' },
          { title: t('recordings.ani'), dataIndex: 'ani' },
          { title: t('recordings.dnis'), dataIndex: 'dnis' },
          { title: t('recordings.duration'), dataIndex: 'durationSeconds', render: (s: number) => formatDuration(s * 1000) },
          { title: t('recordings.purpose'), dataIndex: 'purpose', render: (p: string | null) => purposes.nameOf(p) },
          { title: t('recordings.callId'), dataIndex: 'callId' },
          {
            title: '',
            key: 'actions',
            render: (_, r) => (
              <Space>
                {mayHear && (
                  <Tooltip title={t('recordings.play')}>
                    <Button size="small" icon={<PlayCircleOutlined />} data-testid={`recording-play-${r.id}`} onClick={() => setPlaying(r)}>
                      {t('recordings.play')}
                    </Button>
                  </Tooltip>
                )}
                {mayAudit && (
                  <Button size="small" icon={<AuditOutlined />} data-testid={`recording-accesses-${r.id}`} onClick={() => setAccessesOf(r.id)}>
                    {t('recordings.accesses')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal open={!!accessesOf} title={t('recordings.accesses')} footer={null} onCancel={() => setAccessesOf(null)} destroyOnHidden>
        {accessesOf && <AccessList recordingId={accessesOf} />}
      </Modal>
    </Space>
  );
}
