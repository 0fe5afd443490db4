import { EyeOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AgentState } from '../../../shared/api/types';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { useSupervise, type SupervisionVerb } from '../api/useSupervision';

export const supervisionSteps: { verb: SupervisionVerb; label: string }[] = [
  { verb: 'monitor', label: 'supervision.monitor' },
  { verb: 'whisper', label: 'supervision.whisper' },
  { verb: 'barge', label: 'supervision.barge' },
  { verb: 'intercept', label: 'supervision.intercept' },
  { verb: 'force-release', label: 'supervision.release' },
];

/** R-SUP-1…4 from the monitor's row: a menu (Enter opens it, arrows move) on a talking agent's call. */
export function SupervisionMenu({ agent }: { agent: AgentState }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const supervise = useSupervise();
  const callId = agent.currentCallId;
  const label = t('supervision.menu', { name: agent.name });
  return (
    <Dropdown
      trigger={['click']}
      disabled={supervise.isPending || agent.state !== 'talking' || !callId}
      menu={{
        items: supervisionSteps.map((s) => ({
          key: s.verb,
          danger: s.verb === 'force-release',
          label: <span data-testid={`supervise-${s.verb}-${agent.agentId}`}>{t(s.label)}</span>,
        })),
        onClick: ({ key }) =>
          callId &&
          supervise.mutate(
            { callId, agentId: agent.agentId, verb: key as SupervisionVerb },
            { onError: (error) => void message.error({ content: problemMessage(error, t), key: `supervise-${agent.agentId}` }) },
          ),
      }}
    >
      <Button
        size="small"
        type="text"
        icon={<EyeOutlined />}
        aria-label={label}
        title={label}
        data-testid={`supervise-${agent.agentId}`}
        disabled={supervise.isPending || agent.state !== 'talking' || !callId}
      />
    </Dropdown>
  );
}
