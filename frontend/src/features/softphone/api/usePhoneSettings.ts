import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyAgentState } from '../../../shared/agentState/applyAgentState';
import { api } from '../../../shared/api/client';
import type { AgentState } from '../../../shared/api/types';
import { problemMessage } from '../../../shared/ui/problemMessage';

export type ForwardingMode = 'off' | 'unconditional' | 'noAnswer' | 'busy' | 'timeWindow';
export const forwardingModes: readonly ForwardingMode[] = ['off', 'unconditional', 'noAnswer', 'busy', 'timeWindow'];

export interface Forwarding {
  mode: ForwardingMode;
  number?: string;
  noAnswerSeconds?: number;
  /** HH:mm (local time of the center) */
  from?: string;
  to?: string;
}

/** What this agent last saved here: the agent-state DTO does not echo these settings back. */
export interface PhoneSettingsMemory {
  autoAnswer: boolean;
  forwarding: Forwarding;
}

const memoryKey = (agentId: string) => `callcenter.phoneSettings.${agentId}`;

export function readPhoneSettings(agentId: string): PhoneSettingsMemory {
  try {
    const parsed = JSON.parse(localStorage.getItem(memoryKey(agentId)) ?? 'null') as PhoneSettingsMemory | null;
    if (parsed && typeof parsed.autoAnswer === 'boolean' && parsed.forwarding?.mode) return parsed;
  } catch {
    // fall through
  }
  return { autoAnswer: false, forwarding: { mode: 'off' } };
}

function remember(agentId: string, change: Partial<PhoneSettingsMemory>) {
  localStorage.setItem(memoryKey(agentId), JSON.stringify({ ...readPhoneSettings(agentId), ...change }));
}

const seconds = (hhmm?: string) => (hhmm && /^\d{2}:\d{2}$/.test(hhmm) ? `${hhmm}:00` : hhmm);

export type PhoneSettingChange =
  | { kind: 'autoAnswer'; on: boolean }
  | { kind: 'forwarding'; forwarding: Forwarding }
  | { kind: 'skillGroups'; skillGroups: string[] };

function send(agentId: string, change: PhoneSettingChange): Promise<AgentState> {
  const base = `/api/agents/${encodeURIComponent(agentId)}`;
  switch (change.kind) {
    case 'autoAnswer':
      return api<AgentState>(`${base}/auto-answer`, { method: 'PUT', body: { on: change.on } });
    case 'forwarding': {
      const f = change.forwarding;
      const body =
        f.mode === 'off'
          ? { mode: 'off' }
          : {
              mode: f.mode,
              number: f.number,
              noAnswerSeconds: f.mode === 'noAnswer' ? f.noAnswerSeconds : undefined,
              from: f.mode === 'timeWindow' ? seconds(f.from) : undefined,
              to: f.mode === 'timeWindow' ? seconds(f.to) : undefined,
            };
      return api<AgentState>(`${base}/forwarding`, { method: 'PUT', body });
    }
    case 'skillGroups':
      return api<AgentState>(`${base}/skill-groups`, { method: 'POST', body: { skillGroups: change.skillGroups } });
  }
}

/** R-PHONE-2 auto-answer, R-PHONE-13 forwarding, R-PHONE-12 active skill groups. */
export function usePhoneSettings(agentId: string) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useMutation({
    mutationFn: (change: PhoneSettingChange) => send(agentId, change),
    onSuccess: (state, change) => {
      if (state?.agentId) applyAgentState(queryClient, state);
      if (change.kind === 'autoAnswer') remember(agentId, { autoAnswer: change.on });
      if (change.kind === 'forwarding') remember(agentId, { forwarding: change.forwarding });
      void message.success({ content: t('phoneSettings.saved'), key: 'phone-settings' });
    },
    onError: (error) => void message.error({ content: problemMessage(error, t), key: 'phone-settings' }),
  });
}
