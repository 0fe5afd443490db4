import { Alert, Button, DatePicker, Form, Input, InputNumber, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, useMe } from '../../../shared/auth/useMe';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { moment, useQaReviews, useSample, type QaReview } from '../api/qa';
import { ScorePanel } from './ScorePanel';

interface SampleCriteria {
  days: [Dayjs, Dayjs];
  perAgent: number;
  team?: string;
}

/** Quality inspection's desk: draw calls at random per agent, the review queue, score a call while listening to it. */
export function QaReviews() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const mayScore = hasAnyRole(me, 'qa', 'admin');
  const [status, setStatus] = useState<string>('sampled');
  const reviews = useQaReviews(status === 'all' ? null : status);
  const sample = useSample();
  const [scoring, setScoring] = useState<QaReview | null>(null);

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="qa-reviews">
      {mayScore && (
        <Form<SampleCriteria>
          layout="inline"
          initialValues={{ perAgent: 2 }}
          onFinish={(c) =>
            sample.mutate({ from: c.days[0].format('YYYY-MM-DD'), to: c.days[1].format('YYYY-MM-DD'), perAgent: c.perAgent, team: c.team?.trim() || undefined })
          }
        >
          <Form.Item name="days" label={t('qa.days')} rules={[{ required: true, message: t('qa.daysRequired') }]}>
            <DatePicker.RangePicker data-testid="qa-sample-days" />
          </Form.Item>
          <Form.Item name="perAgent" label={t('qa.perAgent')}>
            <InputNumber data-testid="qa-sample-per-agent" min={1} max={50} style={{ width: 80 }} />
          </Form.Item>
          <Form.Item name="team" label={t('qa.team')}>
            <Input data-testid="qa-sample-team" allowClear style={{ width: 110 }} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={sample.isPending} data-testid="qa-sample-submit">
              {t('qa.sample')}
            </Button>
          </Form.Item>
        </Form>
      )}
      {sample.data && <Alert type="success" showIcon message={t('qa.sampled', { count: sample.data.length })} data-testid="qa-sampled" />}
      {(sample.error || reviews.error) && <Alert type="error" showIcon message={problemMessage(sample.error ?? reviews.error, t)} />}
      <Segmented
        data-testid="qa-status"
        value={status}
        onChange={(v) => setStatus(String(v))}
        options={['sampled', 'scored', 'disputed', 'all'].map((s) => ({ value: s, label: t(`qa.statuses.${s}`) }))}
      />
      {scoring && <ScorePanel key={scoring.callId} review={scoring} onDone={() => setScoring(null)} />}
      <Table<QaReview>
        size="small"
        rowKey="callId"
        loading={reviews.isFetching}
        dataSource={reviews.data ?? []}
        pagination={{ pageSize: 15, showSizeChanger: false }}
        onRow={(r) => ({ 'data-testid': `qa-row-${r.callId}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('qa.agent'), dataIndex: 'agentId' },
          { title: t('qa.team'), dataIndex: 'team' },
          { title: t('qa.callId'), dataIndex: 'callId' },
          { title: t('qa.status'), dataIndex: 'status', render: (s: string) => <Tag>{t(`qa.statuses.${s}`)}</Tag> },
          {
            title: t('qa.score'),
            key: 'score',
            render: (_, r) => (r.score === null ? '' : <Space>{r.score}{r.failed && <Tag color="red">{t('qa.failed')}</Tag>}</Space>),
          },
          {
            title: t('qa.comments'),
            key: 'comments',
            render: (_, r) =>
              [...(r.comments ?? []).map((c) => `${moment(c.second)} ${c.text}`), ...(r.disputeReason ? [`${t('qa.statuses.disputed')}: ${r.disputeReason}`] : [])].map(
                (line) => (
                  <Typography.Text key={line} style={{ display: 'block' }}>
                    {line}
                  </Typography.Text>
                ),
              ),
          },
          {
            title: '',
            key: 'actions',
            render: (_, r) =>
              mayScore && r.status !== 'scored' ? (
                <Button size="small" type="primary" data-testid={`qa-score-${r.callId}`} onClick={() => setScoring(r)}>
                  {t('qa.scoreIt')}
                </Button>
              ) : null,
          },
        ]}
      />
    </Space>
  );
}
