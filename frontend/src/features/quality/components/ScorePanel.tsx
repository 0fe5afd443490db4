import { Alert, Button, Card, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { moment, useQaForms, useScore, type QaComment, type QaItem, type QaReview } from '../api/qa';

/** Scores one call: listen (the browser plays the recording with seeking), give each item its points, comment at moments. */
export function ScorePanel({ review, onDone }: { review: QaReview; onDone: () => void }) {
  const { t } = useTranslation();
  const forms = useQaForms();
  const score = useScore();
  const audio = useRef<HTMLAudioElement>(null);
  const [formId, setFormId] = useState<string | undefined>(review.formId ?? undefined);
  const [points, setPoints] = useState<Record<string, number>>({});
  const [comments, setComments] = useState<QaComment[]>([]);
  const [text, setText] = useState('');
  const form = forms.data?.find((f) => f.id === (formId ?? forms.data?.[0]?.id));
  const items = useMemo(() => (form?.sections ?? []).flatMap((s) => s.items.map((i) => ({ ...i, section: s.name }))), [form]);
  const pointsOf = (i: QaItem) => points[i.id] ?? i.weight;
  const total = items.reduce((sum, i) => sum + pointsOf(i), 0);

  const addComment = () => {
    const second = Math.floor(audio.current?.currentTime ?? 0);
    setComments((c) => [...c, { second, text: text.trim() }].sort((a, b) => a.second - b.second));
    setText('');
  };

  return (
    <Card size="small" data-testid="qa-score-panel" title={`${t('qa.scoreIt')} · ${review.callId} · ${review.agentId}`} extra={<Button onClick={onDone}>{t('qa.close')}</Button>}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <audio ref={audio} data-testid="qa-audio" src={review.audioUrl} controls preload="metadata" style={{ width: '100%' }} />
        <Space>
          <Typography.Text>{t('qa.form')}</Typography.Text>
          <Select
            data-testid="qa-form"
            style={{ width: 240 }}
            value={form?.id}
            onChange={setFormId}
            options={(forms.data ?? []).map((f) => ({ value: f.id, label: f.name }))}
          />
          {form && (
            <Typography.Text strong data-testid="qa-total">
              {total} / {form.maxPoints}
            </Typography.Text>
          )}
        </Space>
        {forms.data?.length === 0 && <Alert type="info" showIcon message={t('qa.noForms')} />}
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={items}
          columns={[
            { title: t('qa.section'), dataIndex: 'section' },
            { title: t('qa.item'), key: 'text', render: (_, i) => <Space>{i.text}{i.failing && <Tag color="red">{t('qa.failingItem')}</Tag>}</Space> },
            {
              title: t('qa.points'),
              key: 'points',
              render: (_, i) => (
                <InputNumber
                  data-testid={`qa-points-${i.id}`}
                  size="small"
                  min={0}
                  max={i.weight}
                  value={pointsOf(i)}
                  onChange={(v) => setPoints((p) => ({ ...p, [i.id]: v ?? 0 }))}
                  addonAfter={`/ ${i.weight}`}
                />
              ),
            },
          ]}
        />
        <Space.Compact style={{ width: '100%' }}>
          <Input data-testid="qa-comment-text" value={text} maxLength={500} onChange={(e) => setText(e.target.value)} placeholder={t('qa.commentHint')} />
          <Button data-testid="qa-comment-add" disabled={!text.trim()} onClick={addComment}>
            {t('qa.commentAtMoment')}
          </Button>
        </Space.Compact>
        {comments.map((c, n) => (
          <Typography.Text key={`${n}-${c.second}`}>
            <Tag>{moment(c.second)}</Tag>
            {c.text}
          </Typography.Text>
        ))}
        {score.error && <Alert type="error" showIcon message={problemMessage(score.error, t)} />}
        <Button
          type="primary"
          data-testid="qa-score-submit"
          disabled={!form}
          loading={score.isPending}
          onClick={() =>
            form &&
            score.mutate({ callId: review.callId, formId: form.id, answers: items.map((i) => ({ itemId: i.id, points: pointsOf(i) })), comments }, { onSuccess: onDone })
          }
        >
          {t('qa.submitScore')}
        </Button>
      </Space>
    </Card>
  );
}
