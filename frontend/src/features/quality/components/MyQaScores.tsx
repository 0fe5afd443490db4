import { Alert, Button, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { moment, useDispute, useMyQaReviews, type QaReview } from '../api/qa';

/** The agent's QA scores on the desktop: score, failed, the inspector's comments at moments of the call; dispute one. */
export function MyQaScores() {
  const { t } = useTranslation();
  const reviews = useMyQaReviews();
  const dispute = useDispute();
  const [disputing, setDisputing] = useState<QaReview | null>(null);
  const [reason, setReason] = useState('');

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="my-qa-scores">
      {reviews.error && <Alert type="error" showIcon message={problemMessage(reviews.error, t)} />}
      <Table<QaReview>
        size="small"
        rowKey="callId"
        loading={reviews.isLoading}
        dataSource={reviews.data ?? []}
        pagination={{ pageSize: 10, showSizeChanger: false }}
        onRow={(r) => ({ 'data-testid': `my-qa-row-${r.callId}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('qa.scoredAt'), dataIndex: 'scoredAt', render: (v: string | null) => (v ? new Date(v).toLocaleString() : '') },
          { title: t('qa.callId'), dataIndex: 'callId' },
          { title: t('qa.form'), dataIndex: 'formName' },
          {
            title: t('qa.score'),
            key: 'score',
            render: (_, r) => (
              <Space>
                <Typography.Text strong data-testid={`my-qa-score-${r.callId}`}>
                  {r.score}
                </Typography.Text>
                {r.failed && <Tag color="red">{t('qa.failed')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('qa.comments'),
            key: 'comments',
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                {(r.comments ?? []).map((c) => (
                  <Typography.Text key={`${c.second}-${c.text}`}>
                    <Tag>{moment(c.second)}</Tag>
                    {c.text}
                  </Typography.Text>
                ))}
              </Space>
            ),
          },
          {
            title: t('qa.status'),
            key: 'status',
            render: (_, r) =>
              r.status === 'disputed' ? (
                <Tag color="orange">{t('qa.statuses.disputed')}</Tag>
              ) : (
                <Button size="small" data-testid={`my-qa-dispute-${r.callId}`} onClick={() => (setDisputing(r), setReason(''))}>
                  {t('qa.dispute')}
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={!!disputing}
        title={t('qa.disputeTitle')}
        okText={t('qa.dispute')}
        okButtonProps={{ disabled: !reason.trim(), loading: dispute.isPending, 'data-testid': 'my-qa-dispute-submit' } as never}
        onCancel={() => setDisputing(null)}
        onOk={() => disputing && dispute.mutate({ callId: disputing.callId, reason: reason.trim() }, { onSuccess: () => setDisputing(null) })}
        destroyOnHidden
      >
        {dispute.error && <Alert type="error" showIcon message={problemMessage(dispute.error, t)} />}
        <Input.TextArea data-testid="my-qa-dispute-reason" rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('qa.disputeReason')} />
      </Modal>
    </Space>
  );
}
