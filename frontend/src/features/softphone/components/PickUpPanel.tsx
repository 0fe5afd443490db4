import { PhoneOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Empty, Input, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../../../shared/api/client';
import { useRingingElsewhere } from '../../../shared/calls/useMyCalls';
import { formatDuration, durationSince } from '../../../shared/ui/formatDuration';
import { useNow } from '../../../shared/ui/useNow';
import { useAgentDirectory } from '../api/useAgentDirectory';

/** A call ringing at a colleague's extension (GET /api/calls/ringing). */
interface RingingCall {
  callId: string;
  kind: string;
  ani: string | null;
  queue: string | null;
  agentId: string;
  since: string;
}

/**
 * R-PHONE-3: pick up a call ringing at a colleague's extension, from the list of calls ringing
 * now (refreshed every 2 s while open): caller, the colleague it rings at, how long. A call id can
 * still be typed (a call announced by phone).
 */
export function PickUpPanel({ onPickUp, busy }: { onPickUp: (callId: string) => void; busy: boolean }) {
  const { t } = useTranslation();
  const now = useNow();
  const pushed = useRingingElsewhere();
  const colleagues = useAgentDirectory(true).agents;
  const listed = useQuery({
    queryKey: ['calls', 'ringing'],
    queryFn: ({ signal }) => apiGet<RingingCall[]>('/api/calls/ringing', signal),
    refetchInterval: 2_000,
    retry: false,
  }).data;
  const fromPushes: RingingCall[] = pushed.flatMap((c) =>
    c.parties
      .filter((p) => p.state === 'ringing')
      .map((p) => ({ callId: c.callId, kind: c.kind, ani: c.ani, queue: c.queue, agentId: p.agentId, since: p.since })),
  );
  const ringing = Array.isArray(listed) ? listed : fromPushes;
  const nameOf = (id: string) => colleagues?.find((a) => a.agentId === id)?.name ?? id;
  const [callId, setCallId] = useState('');
  return (
    <Space orientation="vertical" size={8} style={{ width: 320 }} data-testid="pick-up-panel">
      {ringing.length ? (
        <List
          size="small"
          dataSource={ringing}
          renderItem={(c) => (
            <List.Item
              data-testid={`pick-up-call-${c.callId}`}
              actions={[
                <Button
                  key="pick"
                  size="small"
                  type="primary"
                  loading={busy}
                  data-testid={`pick-up-${c.callId}`}
                  onClick={() => onPickUp(c.callId)}
                  icon={<PhoneOutlined />}
                >
                  {t('pickUp.action')}
                </Button>,
              ]}
            >
              <Typography.Text>
                {c.ani ?? '—'} → {nameOf(c.agentId)} ({c.agentId}){' '}
                <Typography.Text type="secondary">{formatDuration(durationSince(c.since, now))}</Typography.Text>
              </Typography.Text>
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pickUp.noneRinging')} style={{ margin: 0 }} />
      )}
      <Space.Compact style={{ width: '100%' }}>
        <Input
          data-testid="pick-up-call-id"
          placeholder={t('pickUp.callId')}
          value={callId}
          onChange={(e) => setCallId(e.target.value)}
          onPressEnter={() => callId.trim() && onPickUp(callId.trim())}
        />
        <Button data-testid="pick-up-submit" loading={busy} disabled={!callId.trim()} onClick={() => onPickUp(callId.trim())}>
          {t('pickUp.action')}
        </Button>
      </Space.Compact>
    </Space>
  );
}
