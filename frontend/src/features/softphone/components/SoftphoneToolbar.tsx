import {
  AudioMutedOutlined,
  MessageOutlined,
  NumberOutlined,
  PauseCircleOutlined,
  PhoneOutlined,
  PlayCircleOutlined,
  PoweroffOutlined,
  SwapOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMyAgentState } from '../../../shared/agentState/useMyAgentState';
import { shortcutLabel, useShortcut } from '../../../shared/ui/useShortcut';
import {
  CALL_CONTROL_AVAILABLE,
  isSoftphoneActionEnabled,
  softphoneActions,
  softphoneShortcut,
  type SoftphoneAction,
} from '../api/softphoneRules';

const icons: Record<SoftphoneAction, ReactNode> = {
  answer: <PhoneOutlined />,
  hangUp: <PoweroffOutlined />,
  hold: <PauseCircleOutlined />,
  retrieve: <PlayCircleOutlined />,
  mute: <AudioMutedOutlined />,
  transfer: <SwapOutlined />,
  consult: <MessageOutlined />,
  conference: <UsergroupAddOutlined />,
  dial: <NumberOutlined />,
};

/** Softphone buttons (R-UI-3): icon + text, Alt shortcuts shown in tooltips. */
export function SoftphoneToolbar() {
  const { t } = useTranslation();
  const agentState = useMyAgentState();
  return (
    <Space size={4} wrap role="toolbar" aria-label={t('softphone.toolbar')}>
      {softphoneActions.map((action) => (
        <SoftphoneButton
          key={action}
          action={action}
          label={t(`softphone.${action}`)}
          enabled={isSoftphoneActionEnabled(action, agentState)}
          hint={CALL_CONTROL_AVAILABLE ? undefined : t('softphone.later')}
        />
      ))}
    </Space>
  );
}

interface ButtonProps {
  action: SoftphoneAction;
  label: string;
  enabled: boolean;
  hint?: string;
}

function SoftphoneButton({ action, label, enabled, hint }: ButtonProps) {
  const code = softphoneShortcut[action];
  const onClick = () => {
    // Call commands arrive with the calls slice; enabled is always false until then.
  };
  useShortcut(code, onClick, enabled);
  const title = (
    <>
      {label} ({shortcutLabel(code)})
      {hint && <div style={{ opacity: 0.75, fontSize: 12 }}>{hint}</div>}
    </>
  );
  return (
    <Tooltip title={title} mouseEnterDelay={0.3}>
      <Button
        data-testid={`btn-${action}`}
        icon={icons[action]}
        disabled={!enabled}
        danger={action === 'hangUp'}
        onClick={onClick}
        aria-keyshortcuts={shortcutLabel(code)}
        size="small"
      >
        {label}
      </Button>
    </Tooltip>
  );
}
