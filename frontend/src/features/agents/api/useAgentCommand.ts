import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyAgentState } from '../../../shared/agentState/applyAgentState';
import { isApiError } from '../../../shared/api/ApiError';
import { apiPost } from '../../../shared/api/client';
import { queryKeys } from '../../../shared/api/queryKeys';
import { reopenTagPrompts } from '../../../shared/calls/tagPrompt';
import type { AgentState } from '../../../shared/api/types';
import { problemMessage } from '../../../shared/ui/problemMessage';
import type { AgentCommand } from './stateRules';

export interface AgentCommandInput {
  command: AgentCommand;
  reasonCode?: string;
}

export function postAgentCommand(agentId: string, { command, reasonCode }: AgentCommandInput) {
  const body = command === 'not-ready' ? { reasonCode } : {};
  return apiPost<AgentState>(`/api/agents/${encodeURIComponent(agentId)}/${command}`, body);
}

/** Sends one state command; the answer goes straight into the caches. 409 → refetch + tell. */
export function useAgentCommand(agentId: string | undefined) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useMutation({
    mutationKey: ['agent-command', agentId],
    mutationFn: (input: AgentCommandInput) => {
      if (!agentId) throw new Error('not signed in');
      return postAgentCommand(agentId, input);
    },
    onSuccess: (state) => applyAgentState(queryClient, state),
    onError: (error) => {
      if (isApiError(error, 409) && agentId) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.agent(agentId) });
      }
      if (isApiError(error, 422)) reopenTagPrompts(queryClient); // e.g. "Tag call … first" (R-TAG-2)
      void message.error({ content: problemMessage(error, t), key: 'agent-command' });
    },
  });
}
