import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CallRef } from '../api/callTypes';
import { apiPost } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import { useMe } from '../auth/useMe';
import { problemMessage } from '../ui/problemMessage';
import { rememberNumber } from './frequentNumbers';

/** One-call buttons: POST /api/calls/{callId}/{verb} with no body (docs/telephony.md). */
export type CallVerb = 'answer' | 'pick-up' | 'hold' | 'retrieve' | 'mute' | 'unmute' | 'hang-up';

/** Who to call, transfer to or consult: exactly one of agent, skill group, number. */
export interface CallTarget {
  targetAgentId?: string;
  targetQueue?: string;
  targetNumber?: string;
}

export type CallCommand =
  | { verb: CallVerb; callId: string }
  | { verb: 'dial'; number?: string; targetAgentId?: string; targetQueue?: string }
  | { verb: 'consult'; callId: string; target: CallTarget; purpose: 'transfer' | 'help' }
  | { verb: 'transfer'; callId: string; target?: CallTarget; consultCallId?: string }
  | { verb: 'conference' | 'connect-and-release'; callId: string; consultCallId: string };

const path = (callId: string, verb: string) => `/api/calls/${encodeURIComponent(callId)}/${verb}`;

export function postCallCommand(command: CallCommand): Promise<CallRef> {
  switch (command.verb) {
    case 'dial': {
      const { verb: _, ...body } = command;
      return apiPost<CallRef>('/api/calls/dial', body);
    }
    case 'consult':
      return apiPost<CallRef>(path(command.callId, 'consult'), { ...command.target, purpose: command.purpose });
    case 'transfer':
      return apiPost<CallRef>(
        path(command.callId, 'transfer'),
        command.consultCallId ? { consultCallId: command.consultCallId } : { ...command.target },
      );
    case 'conference':
    case 'connect-and-release':
      return apiPost<CallRef>(path(command.callId, command.verb), { consultCallId: command.consultCallId });
    default:
      return apiPost<CallRef>(path(command.callId, command.verb));
  }
}

/**
 * Sends softphone commands. The answer only says the PBX took it; the new call state arrives
 * as `callChanged`. A refusal (404/403/422) is shown, and my calls are refetched.
 */
export function useCallCommand() {
  const queryClient = useQueryClient();
  const me = useMe().data;
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useMutation({
    mutationKey: ['call-command'],
    mutationFn: postCallCommand,
    onSuccess: (_ref, command) => {
      if (command.verb === 'dial' && command.number) rememberNumber(command.number);
      if (command.verb === 'consult' && command.target.targetNumber) rememberNumber(command.target.targetNumber);
    },
    onError: (error) => {
      if (me) void queryClient.invalidateQueries({ queryKey: queryKeys.calls(me.id) });
      void message.error({ content: problemMessage(error, t), key: 'call-command' });
    },
  });
}
