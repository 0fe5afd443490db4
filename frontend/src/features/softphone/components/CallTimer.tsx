import { FieldTimeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useMyAgentState } from '../../../shared/agentState/useMyAgentState';
import { agentStateColor } from '../../../shared/ui/agentStateStyle';
import { durationSince, formatDuration } from '../../../shared/ui/formatDuration';
import { useNow } from '../../../shared/ui/useNow';

/** Live call duration while talking (R-UI-3); otherwise how long in the current state. */
export function CallTimer() {
  const { t } = useTranslation();
  const agentState = useMyAgentState();
  const now = useNow();
  if (!agentState) return null;
  const talking = agentState.state === 'talking';
  const label = talking ? t('timer.call') : t(`state.${agentState.state}`);
  return (
    <span
      data-testid="call-timer"
      data-state={agentState.state}
      aria-live="off"
      style={{
        display: 'inline-flex',
        alignItems: 'center',
        gap: 6,
        padding: '2px 10px',
        borderRadius: 6,
        border: `1px solid ${agentStateColor[agentState.state]}`,
        color: agentStateColor[agentState.state],
        fontVariantNumeric: 'tabular-nums',
        fontWeight: 600,
        whiteSpace: 'nowrap',
      }}
      title={talking ? t('timer.callTitle') : t('timer.stateTitle')}
    >
      <FieldTimeOutlined aria-hidden />
      {label} {formatDuration(durationSince(agentState.since, now))}
    </span>
  );
}
