import { CheckOutlined, PhoneOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet, apiPost } from '../../../shared/api/client';
import { newKey } from '../../../shared/api/newKey';
import { problemMessage } from '../../../shared/ui/problemMessage';

export interface VoiceMessage {
  callId: string;
  ani: string;
  queue: string | null;
  durationSeconds: number;
  at: string;
  audioUrl: string;
  handledBy: string | null;
  handledAt: string | null;
}

const KEY = ['voice-messages'] as const;

/** R-ACD-5 on the desktop: the messages callers left — play, call the caller back, mark handled. */
export function VoiceMessages() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [filter, setFilter] = useState<'open' | 'all'>('open');
  const [playing, setPlaying] = useState<VoiceMessage | null>(null);
  const messages = useQuery({
    queryKey: [...KEY, filter],
    queryFn: ({ signal }) => apiGet<VoiceMessage[]>(`/api/voice-messages${filter === 'open' ? '?handled=false' : ''}`, signal),
    refetchInterval: 15_000,
  });
  const refresh = () => {
    void client.invalidateQueries({ queryKey: KEY });
    setTimeout(() => void client.invalidateQueries({ queryKey: KEY }), 500);
  };
  const handle = useMutation({ mutationFn: (callId: string) => apiPost(`/api/voice-messages/${encodeURIComponent(callId)}/handled`), onSuccess: refresh });
  const callBack = useMutation({ mutationFn: (number: string) => apiPost<{ callId: string }>('/api/calls/dial', { number }, newKey()) });
  const error = messages.error ?? handle.error ?? callBack.error;

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="voice-messages">
      <Segmented
        data-testid="voice-messages-filter"
        value={filter}
        onChange={(v) => setFilter(v as 'open' | 'all')}
        options={[
          { value: 'open', label: t('voiceMessages.open') },
          { value: 'all', label: t('voiceMessages.all') },
        ]}
      />
      {error && <Alert type="error" showIcon message={problemMessage(error, t)} />}
      {callBack.isSuccess && <Alert type="success" showIcon message={t('voiceMessages.calling')} data-testid="voice-message-calling" />}
      {playing && (
        <Space>
          <Typography.Text>{playing.ani}</Typography.Text>
          <audio key={playing.callId} data-testid="voice-message-audio" src={playing.audioUrl} controls autoPlay />
        </Space>
      )}
      <Table<VoiceMessage>
        size="small"
        rowKey="callId"
        loading={messages.isFetching}
        dataSource={messages.data ?? []}
        pagination={{ pageSize: 15, showSizeChanger: false }}
        locale={{ emptyText: t('voiceMessages.none') }}
        onRow={(m) => ({ 'data-testid': `voice-message-${m.callId}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('voiceMessages.at'), dataIndex: 'at', render: (v: string) => new Date(v).toLocaleString() },
          { title: t('voiceMessages.caller'), dataIndex: 'ani' },
          { title: t('voiceMessages.queue'), dataIndex: 'queue' },
          { title: t('voiceMessages.seconds'), dataIndex: 'durationSeconds' },
          {
            title: t('voiceMessages.status'),
            key: 'status',
            render: (_, m) => (m.handledBy ? <Tag color="green">{t('voiceMessages.handledBy', { user: m.handledBy })}</Tag> : <Tag>{t('voiceMessages.toDo')}</Tag>),
          },
          {
            title: '',
            key: 'actions',
            render: (_, m) => (
              <Space>
                <Button size="small" icon={<PlayCircleOutlined />} data-testid={`voice-message-play-${m.callId}`} onClick={() => setPlaying(m)}>
                  {t('voiceMessages.play')}
                </Button>
                <Button size="small" icon={<PhoneOutlined />} data-testid={`voice-message-call-${m.callId}`} loading={callBack.isPending} onClick={() => callBack.mutate(m.ani)}>
                  {t('voiceMessages.callBack')}
                </Button>
                {!m.handledBy && (
                  <Button size="small" icon={<CheckOutlined />} data-testid={`voice-message-handled-${m.callId}`} onClick={() => handle.mutate(m.callId)}>
                    {t('voiceMessages.markHandled')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}
