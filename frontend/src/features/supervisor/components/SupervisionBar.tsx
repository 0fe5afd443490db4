import { Alert, App, Button, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../../shared/calls/useMyCalls';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { useClearSupervision, useMySupervision, useSupervise, type SupervisionVerb } from '../api/useSupervision';

const steps: { verb: SupervisionVerb; mode?: string; label: string; danger?: boolean }[] = [
  { verb: 'monitor', mode: 'monitor', label: 'supervision.monitor' },
  { verb: 'whisper', mode: 'whisper', label: 'supervision.whisper' },
  { verb: 'barge', mode: 'barge', label: 'supervision.barge' },
  { verb: 'intercept', mode: 'intercept', label: 'supervision.intercept' },
  { verb: 'leave-supervision', label: 'supervision.leave' },
  { verb: 'force-release', label: 'supervision.release', danger: true },
];

/** The call this supervisor is on (R-SUP-1…4): its mode, and every next step; gone once they leave or the call ends. */
export function SupervisionBar() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mine = useMySupervision();
  const live = useCall(mine?.callId ?? '');
  const clear = useClearSupervision();
  const supervise = useSupervise();
  const ended = !!live?.ended;
  useEffect(() => {
    if (ended) clear();
  }, [ended, clear]);
  if (!mine || !mine.mode || ended) return null;
  const mode = live?.supervisor?.mode ?? mine.mode;
  const intercepted = mode === 'intercept';
  return (
    <Alert
      type="info"
      showIcon
      data-testid="supervision-bar"
      data-mode={mode}
      data-live-mode={live?.supervisor?.mode ?? ''}
      title={
        <Space wrap size={8}>
          <Typography.Text strong>
            {intercepted ? t('supervision.barNoAgent', { callId: mine.callId }) : t('supervision.bar', { agent: mine.agentId, callId: mine.callId })}
          </Typography.Text>
          <Typography.Text data-testid="supervision-mode">{t(`supervision.modes.${mode}`)}</Typography.Text>
        </Space>
      }
      action={
        <Space wrap size={4}>
          {steps
            .filter((s) => !intercepted || s.verb === 'force-release')
            .map((s) => (
              <Button
                key={s.verb}
                size="small"
                danger={s.danger}
                type={s.mode === mode ? 'primary' : 'default'}
                aria-pressed={s.mode ? s.mode === mode : undefined}
                data-testid={`supervision-bar-${s.verb}`}
                loading={supervise.isPending && supervise.variables?.verb === s.verb}
                onClick={() =>
                  supervise.mutate(
                    { callId: mine.callId, agentId: mine.agentId, verb: s.verb },
                    { onError: (error) => void message.error({ content: problemMessage(error, t), key: 'supervision-bar' }) },
                  )
                }
              >
                {t(s.label)}
              </Button>
            ))}
        </Space>
      }
    />
  );
}
