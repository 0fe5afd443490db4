import { useSkillGroupName } from '../../../shared/ui/useSkillGroupName';
import { ApiOutlined } from '@ant-design/icons';
import { Badge, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMyAgentState } from '../../../shared/agentState/useMyAgentState';
import { useMe } from '../../../shared/auth/useMe';
import { useHubStatus, type HubStatus } from '../../../shared/signalr/SignalRProvider';
import { AgentStateTag } from '../../../shared/ui/AgentStateTag';
import { durationSince, formatDuration } from '../../../shared/ui/formatDuration';
import { useNow } from '../../../shared/ui/useNow';
import { useReasonName } from '../../../shared/ui/useReasonName';
import styles from './StatusBar.module.css';

const hubBadge: Record<HubStatus, 'success' | 'processing' | 'warning' | 'error' | 'default'> = {
  connected: 'success',
  connecting: 'processing',
  reconnecting: 'warning',
  disconnected: 'error',
  idle: 'default',
};

/** Bottom status bar (R-UI-2): work ID, name, skill groups, extension, agent state. */
export function StatusBar() {
  const { t } = useTranslation();
  const groupName = useSkillGroupName();
  const me = useMe().data;
  const agentState = useMyAgentState();
  const hub = useHubStatus();
  if (!me) return null;
  const extension = agentState?.extension ?? me.extension;
  const skillGroups = agentState?.skillGroups?.length ? agentState.skillGroups : me.skillGroups;

  return (
    <div className={styles.bar} role="status" aria-label={t('status.label')}>
      <Field label={t('status.workId')} testId="status-work-id">
        {me.id}
      </Field>
      <Field label={t('status.name')} testId="status-name">
        {me.name}
      </Field>
      <Field label={t('status.skillGroups')} testId="status-skill-groups">
        {skillGroups.length ? skillGroups.map((g) => <Tag key={g} className={styles.tag}>{groupName(g)}</Tag>) : t('status.none')}
      </Field>
      <Field label={t('status.extension')} testId="status-extension">
        {extension ?? t('status.none')}
      </Field>
      {agentState !== null && (
        <Field label={t('status.state')}>
          <StateValue />
        </Field>
      )}
      <span className={styles.spacer} />
      <span data-testid="status-connection" data-status={hub} className={styles.hub}>
        <ApiOutlined aria-hidden />
        <Badge status={hubBadge[hub]} text={t(`status.hub.${hub}`)} />
      </span>
    </div>
  );
}

function Field({ label, testId, children }: { label: string; testId?: string; children: React.ReactNode }) {
  return (
    <span className={styles.field}>
      <Typography.Text type="secondary">{label}:</Typography.Text>
      <span data-testid={testId} className={styles.value}>
        {children}
      </span>
    </span>
  );
}

function StateValue() {
  const { t } = useTranslation();
  const agentState = useMyAgentState();
  const reasonName = useReasonName();
  const now = useNow();
  const state = agentState?.state ?? 'signedOut';
  return (
    <Space size={6} data-testid="status-state" data-state={state}>
      <AgentStateTag state={state} />
      {state === 'notReady' && agentState?.reasonCode && (
        <span data-testid="status-reason">{reasonName(agentState.reasonCode)}</span>
      )}
      {agentState && <span className={styles.duration}>{formatDuration(durationSince(agentState.since, now))}</span>}
      {agentState?.changedBy && (
        <Typography.Text type="warning" data-testid="status-changed-by">
          {t('forcing.setBy', { by: agentState.changedBy })}
        </Typography.Text>
      )}
    </Space>
  );
}
