import { PhoneOutlined } from '@ant-design/icons';
import { Button, Empty, Input, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRingingElsewhere } from '../../../shared/calls/useMyCalls';

/**
 * R-PHONE-3: pick up a call ringing at a colleague's extension. Calls this browser was told
 * about (supervisors see every call) are listed; otherwise the call id is typed in.
 */
export function PickUpPanel({ onPickUp, busy }: { onPickUp: (callId: string) => void; busy: boolean }) {
  const { t } = useTranslation();
  const ringing = useRingingElsewhere();
  const [callId, setCallId] = useState('');
  return (
    <Space orientation="vertical" size={8} style={{ width: 280 }} data-testid="pick-up-panel">
      {ringing.length ? (
        <List
          size="small"
          dataSource={ringing}
          renderItem={(c) => (
            <List.Item
              data-testid={`pick-up-call-${c.callId}`}
              actions={[
                <Button key="pick" size="small" type="link" onClick={() => onPickUp(c.callId)} icon={<PhoneOutlined />}>
                  {t('pickUp.action')}
                </Button>,
              ]}
            >
              <Typography.Text>
                {c.ani ?? '—'} → {c.parties.find((p) => p.state === 'ringing')?.agentId}
              </Typography.Text>
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pickUp.noneKnown')} style={{ margin: 0 }} />
      )}
      <Space.Compact style={{ width: '100%' }}>
        <Input
          data-testid="pick-up-call-id"
          placeholder={t('pickUp.callId')}
          value={callId}
          onChange={(e) => setCallId(e.target.value)}
          onPressEnter={() => callId.trim() && onPickUp(callId.trim())}
        />
        <Button
          type="primary"
          data-testid="pick-up-submit"
          loading={busy}
          disabled={!callId.trim()}
          onClick={() => onPickUp(callId.trim())}
        >
          {t('pickUp.action')}
        </Button>
      </Space.Compact>
    </Space>
  );
}
