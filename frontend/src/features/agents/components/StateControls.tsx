import {
  CheckCircleOutlined,
  CoffeeOutlined,
  DownOutlined,
  FlagOutlined,
  LoginOutlined,
  LogoutOutlined,
} from '@ant-design/icons';
import { App, Button, Dropdown, Space, Tooltip, type ButtonProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMyAgentState } from '../../../shared/agentState/useMyAgentState';
import { useMe } from '../../../shared/auth/useMe';
import { PAUSE_REASON, reasonLabel, useReasonCodes } from '../../../shared/ui/useReasonName';
import { shortcutLabel, useShortcut } from '../../../shared/ui/useShortcut';
import { isCommandAllowed, type AgentCommand } from '../api/stateRules';
import { useAgentCommand } from '../api/useAgentCommand';
import { useBreakAction } from '../../../shared/breaks/breakRequests';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { BreakRequestTag } from './BreakRequestTag';

const shortcuts: Record<AgentCommand, string> = {
  'sign-in': 'KeyI',
  'sign-out': 'KeyO',
  ready: 'KeyY',
  'not-ready': 'KeyN',
  'wrap-up/end': 'KeyW',
};

/** Sign in/out, ready, not ready (with reason), end wrap-up — for the signed-in agent. */
export function StateControls() {
  const { t, i18n } = useTranslation();
  const me = useMe().data;
  const agentState = useMyAgentState();
  const command = useAgentCommand(me?.id);
  const [reasonsOpen, setReasonsOpen] = useState(false);
  const isAgent = agentState !== null && !!me;
  const reasons = useReasonCodes(isAgent);
  const breakAction = useBreakAction();
  const { message } = App.useApp();

  const state = agentState?.state ?? 'signedOut';
  const can = (c: AgentCommand) => isAgent && !command.isPending && isCommandAllowed(state, c, !!agentState?.untaggedCallId);
  const run = (c: AgentCommand, reasonCode?: string) => can(c) && command.mutate({ command: c, reasonCode });
  // R-STATE-3: a reason needing approval, or any reason asked for from a call or after-call work, is a break request
  // (it begins when granted, or when the wrap-up ends: no call is offered in between).
  const canAsk = isAgent && (can('not-ready') || state === 'talking');
  const pick = (reasonCode: string) => {
    const reason = reasons.data?.find((r) => r.code === reasonCode);
    if ((reason?.needsApproval || state === 'wrapUp' || state === 'talking') && me) {
      breakAction.mutate(
        { action: 'request', agentId: me.id, reasonCode },
        {
          onSuccess: (r) => void message.info({ content: t(r.state === 'pending' ? 'breaks.sentForApproval' : 'breaks.granted'), key: 'break' }),
          onError: (error) => void message.error({ content: problemMessage(error, t), key: 'break' }),
        },
      );
    } else run('not-ready', reasonCode);
  };

  useShortcut(shortcuts['sign-in'], () => run('sign-in'), can('sign-in'));
  useShortcut(shortcuts['sign-out'], () => run('sign-out'), can('sign-out'));
  useShortcut(shortcuts.ready, () => run('ready'), can('ready'));
  useShortcut(shortcuts['not-ready'], () => setReasonsOpen(true), canAsk);
  useShortcut(shortcuts['wrap-up/end'], () => run('wrap-up/end'), can('wrap-up/end'));

  if (!isAgent) return null;

  const reasonItems = (reasons.data ?? [])
    .filter((r) => r.code !== PAUSE_REASON) // only a supervisor pauses an agent
    .filter((r) => r.code !== agentState?.reasonCode || state !== 'notReady')
    .map((r) => ({
      key: r.code,
      label: (
        <span data-testid={`reason-${r.code}`}>
          {reasonLabel(r, i18n.language)}
          {r.needsApproval ? ` · ${t('breaks.needsApproval')}` : ''}
        </span>
      ),
    }));

  return (
    <Space size={6} role="group" aria-label={t('stateControls.group')}>
      <StateButton
        testId="btn-sign-in"
        code={shortcuts['sign-in']}
        label={t('stateControls.signIn')}
        icon={<LoginOutlined />}
        disabled={!can('sign-in')}
        onClick={() => run('sign-in')}
        type="primary"
      />
      <StateButton
        testId="btn-sign-out"
        code={shortcuts['sign-out']}
        label={t('stateControls.signOut')}
        icon={<LogoutOutlined />}
        disabled={!can('sign-out')}
        onClick={() => run('sign-out')}
      />
      <StateButton
        testId="btn-ready"
        code={shortcuts.ready}
        label={t('stateControls.ready')}
        icon={<CheckCircleOutlined />}
        disabled={!can('ready')}
        onClick={() => run('ready')}
        color="green"
        variant="solid"
      />
      <Dropdown
        trigger={['click']}
        autoFocus
        open={reasonsOpen && canAsk}
        onOpenChange={(open) => setReasonsOpen(open)}
        disabled={!canAsk}
        menu={{
          items: reasonItems.length
            ? reasonItems
            : [{ key: '', disabled: true, label: reasons.isLoading ? t('app.loading') : t('stateControls.noReasons') }],
          onClick: ({ key }) => {
            setReasonsOpen(false);
            if (key) pick(key);
          },
        }}
      >
        <StateButton
          testId="btn-not-ready"
          code={shortcuts['not-ready']}
          label={t('stateControls.notReady')}
          icon={<CoffeeOutlined />}
          disabled={!canAsk}
          color="orange"
          variant="outlined"
          suffix={<DownOutlined style={{ fontSize: 10 }} />}
          aria-haspopup="menu"
        />
      </Dropdown>
      <StateButton
        testId="btn-end-wrap-up"
        code={shortcuts['wrap-up/end']}
        label={t('stateControls.endWrapUp')}
        icon={<FlagOutlined />}
        disabled={!can('wrap-up/end')}
        onClick={() => run('wrap-up/end')}
        color="purple"
        variant="outlined"
      />
      <BreakRequestTag agentId={me.id} />
    </Space>
  );
}

interface StateButtonProps extends Omit<ButtonProps, 'children'> {
  testId: string;
  code: string;
  label: string;
  suffix?: ReactNode;
}

function StateButton({ testId, code, label, suffix, ...rest }: StateButtonProps) {
  return (
    <Tooltip title={`${label} (${shortcutLabel(code)})`} mouseEnterDelay={0.4}>
      <Button data-testid={testId} aria-keyshortcuts={shortcutLabel(code)} {...rest}>
        {label}
        {suffix}
      </Button>
    </Tooltip>
  );
}
