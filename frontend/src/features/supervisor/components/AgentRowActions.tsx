import { CheckCircleOutlined, CoffeeOutlined, LogoutOutlined, PauseCircleOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Dropdown, Space, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { apiPost } from '../../../shared/api/client';
import { queryKeys } from '../../../shared/api/queryKeys';
import type { AgentState } from '../../../shared/api/types';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { PAUSE_REASON, reasonLabel, useReasonCodes } from '../../../shared/ui/useReasonName';

type Force = { command: 'ready' | 'sign-out' } | { command: 'not-ready'; reasonCode: string };

/** R-SUP-5: force ready, not ready with a reason, pause (not ready with the reserved reason "pause"), or sign-out, from the monitor's row (buttons: reachable by Tab, Enter). */
export function AgentRowActions({ agent }: { agent: AgentState }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const reasons = useReasonCodes();
  const force = useMutation({
    mutationFn: (f: Force) =>
      apiPost<AgentState>(`/api/agents/${encodeURIComponent(agent.agentId)}/${f.command}`, f.command === 'not-ready' ? { reasonCode: f.reasonCode } : {}),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.agents }),
    onError: (error) => void message.error({ content: problemMessage(error, t), key: `force-${agent.agentId}` }),
  });
  const s = agent.state;
  const busy = force.isPending;
  const name = agent.name;
  return (
    <Space size={2}>
      <Tooltip title={t('forcing.ready', { name })}>
        <Button
          size="small"
          type="text"
          icon={<CheckCircleOutlined />}
          aria-label={t('forcing.ready', { name })}
          data-testid={`force-ready-${agent.agentId}`}
          disabled={busy || !(s === 'notReady' || s === 'wrapUp')}
          onClick={() => force.mutate({ command: 'ready' })}
        />
      </Tooltip>
      <Dropdown
        trigger={['click']}
        disabled={busy || !(s === 'ready' || s === 'notReady' || s === 'wrapUp')}
        menu={{
          items: (reasons.data ?? []).map((r) => ({ key: r.code, label: <span data-testid={`force-reason-${r.code}`}>{reasonLabel(r, i18n.language)}</span> })),
          onClick: ({ key }) => force.mutate({ command: 'not-ready', reasonCode: key }),
        }}
      >
        <Button
          size="small"
          type="text"
          icon={<CoffeeOutlined />}
          aria-label={t('forcing.notReady', { name })}
          title={t('forcing.notReady', { name })}
          data-testid={`force-not-ready-${agent.agentId}`}
          disabled={busy || !(s === 'ready' || s === 'notReady' || s === 'wrapUp')}
        />
      </Dropdown>
      <Tooltip title={t('forcing.pause', { name })}>
        <Button
          size="small"
          type="text"
          icon={<PauseCircleOutlined />}
          aria-label={t('forcing.pause', { name })}
          data-testid={`force-pause-${agent.agentId}`}
          disabled={busy || !(s === 'ready' || s === 'notReady' || s === 'wrapUp') || (s === 'notReady' && agent.reasonCode === PAUSE_REASON)}
          onClick={() => force.mutate({ command: 'not-ready', reasonCode: PAUSE_REASON })}
        />
      </Tooltip>
      <Tooltip title={t('forcing.signOut', { name })}>
        <Button
          size="small"
          type="text"
          danger
          icon={<LogoutOutlined />}
          aria-label={t('forcing.signOut', { name })}
          data-testid={`force-sign-out-${agent.agentId}`}
          disabled={busy || s === 'signedOut' || s === 'talking'}
          onClick={() => force.mutate({ command: 'sign-out' })}
        />
      </Tooltip>
    </Space>
  );
}
