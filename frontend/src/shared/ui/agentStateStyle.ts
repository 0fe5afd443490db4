import type { AgentStateKey } from '../api/types';

/** One clear colour per agent state, used by tags, the status bar and the monitor. */
export const agentStateColor: Record<AgentStateKey, string> = {
  ready: '#389e0d',
  notReady: '#d46b08',
  talking: '#1677ff',
  wrapUp: '#722ed1',
  signedOut: '#8c8c8c',
};

/** antd preset Tag colours matching the above. */
export const agentStateTagColor: Record<AgentStateKey, string> = {
  ready: 'success',
  notReady: 'orange',
  talking: 'processing',
  wrapUp: 'purple',
  signedOut: 'default',
};
