import { FieldTimeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useMyAgentState } from '../../../shared/agentState/useMyAgentState';
import { useMe } from '../../../shared/auth/useMe';
import { useMyCalls } from '../../../shared/calls/useMyCalls';
import { agentStateColor } from '../../../shared/ui/agentStateStyle';
import { durationSince, formatDuration } from '../../../shared/ui/formatDuration';
import { useNow } from '../../../shared/ui/useNow';
import { callSituation, legOf } from '../api/softphoneRules';

const RINGING_COLOR = '#389e0d';

/**
 * Live duration of the current call (R-UI-3: from its answer, held or not — the same instant the status
 * bar's "talking" counts from); while a call rings, how long it has rung; otherwise how long in the
 * current state.
 */
export function CallTimer() {
  const { t } = useTranslation();
  const me = useMe().data;
  const agentState = useMyAgentState();
  const calls = useMyCalls();
  const now = useNow();
  if (!agentState) return null;
  const s = callSituation(calls, me?.id ?? '');
  const current = s.talking ?? s.held;
  const ringingLeg = !current && s.ringing ? legOf(s.ringing, me?.id ?? '') : undefined;
  const callState = current ? (s.talking ? 'talking' : 'held') : ringingLeg ? 'ringing' : 'none';
  const talking = agentState.state === 'talking';
  const label = ringingLeg
    ? t('timer.ringing')
    : current || talking
      ? current && !s.talking
        ? t('timer.held')
        : t('timer.call')
      : t(`state.${agentState.state}`);
  // The agent's "talking" began when the call was answered (hold does not end it); a call that was never
  // answered here (e.g. picked up from hold after a state change) falls back to the call's start.
  const since = current ? (talking ? agentState.since : current.startedAt) : (ringingLeg?.since ?? agentState.since);
  const color = ringingLeg ? RINGING_COLOR : agentStateColor[agentState.state];
  return (
    <span
      data-testid="call-timer"
      data-state={agentState.state}
      data-call-state={callState}
      data-since={since}
      aria-live="off"
      style={{
        display: 'inline-flex',
        alignItems: 'center',
        gap: 6,
        padding: '2px 10px',
        borderRadius: 6,
        border: `1px solid ${color}`,
        color,
        fontVariantNumeric: 'tabular-nums',
        fontWeight: 600,
        whiteSpace: 'nowrap',
      }}
      title={current || talking ? t('timer.callTitle') : t('timer.stateTitle')}
    >
      <FieldTimeOutlined aria-hidden />
      {label} {formatDuration(durationSince(since, now))}
    </span>
  );
}
