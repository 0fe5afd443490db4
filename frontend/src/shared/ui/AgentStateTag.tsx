import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AgentStateKey } from '../api/types';
import { agentStateTagColor } from './agentStateStyle';

/** Coloured tag naming an agent state in the current language. */
export function AgentStateTag({ state }: { state: AgentStateKey }) {
  const { t } = useTranslation();
  return (
    <Tag color={agentStateTagColor[state]} style={{ marginInlineEnd: 0 }}>
      {t(`state.${state}`)}
    </Tag>
  );
}
