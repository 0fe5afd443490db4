import {
  ApiOutlined,
  AudioMutedOutlined,
  AudioOutlined,
  CustomerServiceOutlined,
  DisconnectOutlined,
  MessageOutlined,
  NumberOutlined,
  PauseCircleOutlined,
  PhoneOutlined,
  PlayCircleOutlined,
  PoweroffOutlined,
  SettingOutlined,
  SwapOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import { Button, Popover, Space, Tooltip } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMyAgentState } from '../../../shared/agentState/useMyAgentState';
import { useMe } from '../../../shared/auth/useMe';
import { useCallCommand, type CallCommand, type CallTarget } from '../../../shared/calls/callCommands';
import { useMyCalls } from '../../../shared/calls/useMyCalls';
import { shortcutLabel, useShortcut } from '../../../shared/ui/useShortcut';
import {
  callSituation,
  planAction,
  softphoneActions,
  softphoneShortcuts,
  softphoneTestId,
  type ActionPlan,
  type SoftphoneAction,
} from '../api/softphoneRules';
import { DialPad, type DialRequest } from './DialPad';
import { PhoneSettings } from './PhoneSettings';
import { PickUpPanel } from './PickUpPanel';
import styles from './SoftphoneToolbar.module.css';
import { TargetDialog, type TargetPurpose } from './TargetDialog';

const icons: Record<SoftphoneAction, ReactNode> = {
  answer: <PhoneOutlined />,
  hangUp: <PoweroffOutlined />,
  hold: <PauseCircleOutlined />,
  retrieve: <PlayCircleOutlined />,
  mute: <AudioMutedOutlined />,
  unmute: <AudioOutlined />,
  dial: <NumberOutlined />,
  consult: <MessageOutlined />,
  transfer: <SwapOutlined />,
  conference: <UsergroupAddOutlined />,
  connectRelease: <DisconnectOutlined />,
  help: <CustomerServiceOutlined />,
  pickUp: <ApiOutlined />,
};

/**
 * Softphone buttons (R-UI-3, R-PHONE-3…13): icon + text, Alt shortcuts shown. Enablement
 * follows my live calls (GET /api/agents/{me}/calls, then `callChanged`).
 */
export function SoftphoneToolbar() {
  const { t } = useTranslation();
  const me = useMe().data;
  const agentState = useMyAgentState();
  const calls = useMyCalls();
  const command = useCallCommand();
  const [popover, setPopover] = useState<'dial' | 'pickUp' | 'settings' | null>(null);
  const [targetFor, setTargetFor] = useState<TargetPurpose | null>(null);
  const situation = useMemo(() => callSituation(calls, me?.id ?? ''), [calls, me?.id]);

  if (!me || agentState === null) return null; // not an agent: no phone

  const plans = Object.fromEntries(
    [...softphoneActions, 'unmute' as const].map((a) => [a, planAction(a, situation, agentState)]),
  ) as Record<SoftphoneAction, ActionPlan>;
  const run = (c: CallCommand, after?: () => void) => command.mutate(c, { onSuccess: () => after?.() });
  const closeAll = () => {
    setPopover(null);
    setTargetFor(null);
  };

  const onAction = (action: SoftphoneAction) => {
    const plan = plans[action];
    if (!plan.enabled || command.isPending) return;
    const callId = plan.callId!;
    switch (action) {
      case 'answer':
      case 'hold':
      case 'retrieve':
      case 'mute':
      case 'unmute':
        return run({ verb: action, callId });
      case 'hangUp':
        return run({ verb: 'hang-up', callId });
      case 'dial':
        return setPopover(popover === 'dial' ? null : 'dial');
      case 'pickUp':
        return setPopover(popover === 'pickUp' ? null : 'pickUp');
      case 'consult':
      case 'help':
        return setTargetFor(action);
      case 'transfer':
        // an answered consultation is completed; otherwise a blind transfer needs a target
        return plan.consultCallId
          ? run({ verb: 'transfer', callId, consultCallId: plan.consultCallId })
          : setTargetFor('transfer');
      case 'conference':
        return run({ verb: 'conference', callId, consultCallId: plan.consultCallId! });
      case 'connectRelease':
        return run({ verb: 'connect-and-release', callId, consultCallId: plan.consultCallId! });
    }
  };

  const onTarget = (purpose: TargetPurpose, target: CallTarget) => {
    const callId = plans[purpose === 'transfer' ? 'transfer' : 'consult'].callId;
    if (!callId) return setTargetFor(null);
    if (purpose === 'transfer') run({ verb: 'transfer', callId, target }, closeAll);
    else run({ verb: 'consult', callId, target, purpose: purpose === 'help' ? 'help' : 'transfer' }, closeAll);
  };

  const onDial = (r: DialRequest) => run({ verb: 'dial', ...r }, closeAll);
  const shown = softphoneActions.map((a) => (a === 'mute' && situation.muted ? 'unmute' : a));

  return (
    <Space size={4} role="toolbar" aria-label={t('softphone.toolbar')} data-testid="softphone">
      {shown.map((action) => {
        const button = (
          <SoftphoneButton
            key={action}
            action={action}
            label={t(`softphone.${action}`)}
            plan={plans[action]}
            ringing={action === 'answer' && plans.answer.enabled}
            onRun={() => onAction(action)}
          />
        );
        if (action !== 'dial' && action !== 'pickUp') return button;
        return (
          <Popover
            key={action}
            trigger="click" // the button toggles (so does its shortcut); a click elsewhere closes
            open={popover === action && plans[action].enabled}
            onOpenChange={(open) => !open && setPopover(null)}
            destroyOnHidden
            placement="bottom"
            title={t(`softphone.${action}`)}
            content={
              action === 'dial' ? (
                <DialPad onDial={onDial} busy={command.isPending} />
              ) : (
                <PickUpPanel busy={command.isPending} onPickUp={(callId) => run({ verb: 'pick-up', callId }, closeAll)} />
              )
            }
          >
            {/* the popover aligns to a DOM node: SoftphoneButton takes no ref */}
            <span style={{ display: 'inline-flex' }}>{button}</span>
          </Popover>
        );
      })}
      <Popover
        trigger="click"
        open={popover === 'settings'}
        onOpenChange={(open) => setPopover(open ? 'settings' : null)}
        placement="bottomRight"
        title={t('phoneSettings.title')}
        content={<PhoneSettings me={me} />}
        destroyOnHidden
      >
        <Tooltip title={t('phoneSettings.title')}>
          <Button size="small" icon={<SettingOutlined />} data-testid="btn-phone-settings" aria-label={t('phoneSettings.title')} />
        </Tooltip>
      </Popover>
      <TargetDialog
        purpose={targetFor}
        me={{ id: me.id, skillGroups: agentState?.skillGroups?.length ? agentState.skillGroups : me.skillGroups }}
        busy={command.isPending}
        onCancel={() => setTargetFor(null)}
        onSubmit={onTarget}
      />
    </Space>
  );
}

/** The three everyday shortcuts are printed on their buttons; every shortcut is in the tooltips. */
const inlineHint = new Set<SoftphoneAction>(['answer', 'hangUp', 'hold', 'retrieve']);

interface ButtonProps {
  action: SoftphoneAction;
  label: string;
  plan: ActionPlan;
  ringing: boolean;
  onRun: () => void;
}

function SoftphoneButton({ action, label, plan, ringing, onRun }: ButtonProps) {
  const [primary, ...more] = softphoneShortcuts[action];
  useShortcut(primary, onRun, plan.enabled);
  useShortcut(more[0] ?? '', onRun, plan.enabled && more.length > 0);
  const keys = softphoneShortcuts[action].map(shortcutLabel);
  return (
    <Tooltip title={`${label} (${keys.join(', ')})`} mouseEnterDelay={0.3}>
      <Button
        data-testid={softphoneTestId[action]}
        data-call-id={plan.callId}
        data-softphone-action={action}
        data-primary={action === 'answer' || action === 'hangUp' ? '' : undefined}
        data-secondary={inlineHint.has(action) ? undefined : ''}
        aria-label={label}
        icon={icons[action]}
        disabled={!plan.enabled}
        danger={action === 'hangUp'}
        {...(ringing ? { color: 'green' as const, variant: 'solid' as const } : {})}
        className={ringing ? styles.ringing : undefined}
        onClick={onRun}
        aria-keyshortcuts={keys.join(' ')}
        size={ringing ? 'middle' : 'small'}
      >
        <span className="tb-label">{label}</span>
        {inlineHint.has(action) && <kbd className={styles.kbd} aria-hidden>{keys[0]}</kbd>}
      </Button>
    </Tooltip>
  );
}
