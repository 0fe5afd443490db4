import { useSkillGroupName } from '../../../shared/ui/useSkillGroupName';
import { Card, Descriptions, Empty, Space, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMyAgentState, useMyStateHistory } from '../../../shared/agentState/useMyAgentState';
import { useMe } from '../../../shared/auth/useMe';
import { agentStateColor } from '../../../shared/ui/agentStateStyle';
import { AgentStateTag } from '../../../shared/ui/AgentStateTag';
import { durationSince, formatDuration } from '../../../shared/ui/formatDuration';
import { useNow } from '../../../shared/ui/useNow';
import { useReasonName } from '../../../shared/ui/useReasonName';

/** "My state" tab: the current state in large, and the changes seen live this session. */
export function MyStatePanel() {
  const { t, i18n } = useTranslation();
  const groupName = useSkillGroupName();
  const me = useMe().data;
  const agentState = useMyAgentState();
  const history = useMyStateHistory(me?.id);
  const reasonName = useReasonName();
  const now = useNow();

  if (agentState === null) {
    return <Empty description={t('myState.notAnAgent')} />;
  }
  const state = agentState?.state ?? 'signedOut';
  const time = (iso: string | null) => (iso ? new Date(iso).toLocaleTimeString(i18n.language) : '—');

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 900 }}>
      <Card size="small" title={t('myState.current')} data-testid="my-state-card">
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Space size={16} align="center" wrap>
            <span
              data-testid="my-state"
              data-state={state}
              style={{ fontSize: 22, fontWeight: 600, color: agentStateColor[state] }}
            >
              {t(`state.${state}`)}
            </span>
            {state === 'notReady' && agentState?.reasonCode && (
              <Typography.Text>{reasonName(agentState.reasonCode)}</Typography.Text>
            )}
            {agentState && (
              <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {formatDuration(durationSince(agentState.since, now))}
              </Typography.Text>
            )}
          </Space>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2, md: 3 }}
            items={[
              { key: 'since', label: t('myState.since'), children: agentState ? time(agentState.since) : '—' },
              { key: 'ext', label: t('status.extension'), children: agentState?.extension ?? me?.extension ?? '—' },
              {
                key: 'groups',
                label: t('status.skillGroups'),
                children: (agentState?.skillGroups?.length ? agentState.skillGroups : me?.skillGroups ?? []).map(groupName).join(', ') || '—',
              },
            ]}
          />
        </Space>
      </Card>
      <Card size="small" title={t('myState.history')}>
        {history.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('myState.historyEmpty')} />
        ) : (
          <Timeline
            data-testid="my-state-history"
            items={history.map((h) => ({
              key: h.revision,
              color: agentStateColor[h.state],
              content: (
                <Space size={8}>
                  <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {time(h.since)}
                  </Typography.Text>
                  <AgentStateTag state={h.state} />
                  {h.reasonCode && <span>{reasonName(h.reasonCode)}</span>}
                </Space>
              ),
            }))}
          />
        )}
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0, fontSize: 12 }}>
          {t('myState.historyHint')}
        </Typography.Paragraph>
      </Card>
    </Space>
  );
}
