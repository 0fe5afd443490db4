import { CloseOutlined, PhoneOutlined } from '@ant-design/icons';
import { Button, Input, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { forgetNumber, frequentNumbers } from '../../../shared/calls/frequentNumbers';

const keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

export type DialRequest = { number: string } | { targetAgentId: string };

/** Outbound call by number (R-PHONE-6, frequent numbers from this browser) or internal call to an agent (R-PHONE-7). */
export function DialPad({ onDial, busy }: { onDial: (request: DialRequest) => void; busy: boolean }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'number' | 'agent'>('number');
  const [value, setValue] = useState('');
  const [frequent, setFrequent] = useState(frequentNumbers);
  const submit = (v = value) => {
    const trimmed = v.trim();
    if (!trimmed) return;
    onDial(mode === 'number' ? { number: trimmed } : { targetAgentId: trimmed });
  };
  return (
    <Space orientation="vertical" size={8} style={{ width: 236 }} data-testid="dial-pad">
      <Segmented
        block
        size="small"
        value={mode}
        onChange={(m) => setMode(m as 'number' | 'agent')}
        options={[
          { value: 'number', label: t('dial.number') },
          { value: 'agent', label: <span data-testid="dial-mode-agent">{t('dial.agent')}</span> },
        ]}
      />
      <Input
        autoFocus
        data-testid="dial-number"
        value={value}
        placeholder={mode === 'number' ? t('dial.numberPlaceholder') : t('dial.agentPlaceholder')}
        onChange={(e) => setValue(e.target.value)}
        onPressEnter={() => submit()}
        allowClear
        inputMode={mode === 'number' ? 'tel' : 'text'}
      />
      {mode === 'number' && (
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 4 }}>
          {keys.map((k) => (
            <Button key={k} size="small" onClick={() => setValue((v) => v + k)} data-testid={`dial-key-${k}`}>
              {k}
            </Button>
          ))}
        </div>
      )}
      <Button
        type="primary"
        block
        icon={<PhoneOutlined />}
        onClick={() => submit()}
        loading={busy}
        disabled={!value.trim()}
        data-testid="dial-submit"
      >
        {t('dial.call')}
      </Button>
      {mode === 'number' && (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('dial.frequent')}
          </Typography.Text>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4, marginTop: 4 }}>
            {frequent.length === 0 && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('dial.noFrequent')}
              </Typography.Text>
            )}
            {frequent.map((n) => (
              <Tag
                key={n}
                color="blue"
                style={{ cursor: 'pointer', marginInlineEnd: 0 }}
                data-testid="dial-frequent"
                onClick={() => submit(n)}
                closable
                closeIcon={<CloseOutlined aria-label={t('dial.forget')} />}
                onClose={(e) => {
                  e.preventDefault();
                  forgetNumber(n);
                  setFrequent(frequentNumbers());
                }}
              >
                {n}
              </Tag>
            ))}
          </div>
        </div>
      )}
    </Space>
  );
}
