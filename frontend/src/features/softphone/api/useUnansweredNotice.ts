import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useEffect, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveCall } from '../../../shared/api/callTypes';
import type { ColleaguePresence } from './useAgentDirectory';

/**
 * Tells the agent when a call they placed (consult, help, internal) ended while still ringing at
 * the colleague — the PBX gives up after its ring time — unless the agent hung it up themselves.
 */
export function useUnansweredNotice(calls: LiveCall[], meId: string, hungUpByMe: RefObject<Set<string>>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const previous = useRef<LiveCall[]>(calls);
  useEffect(() => {
    for (const c of previous.current) {
      if (calls.some((x) => x.callId === c.callId) || hungUpByMe.current.has(c.callId) || c.kind === 'inbound') continue;
      const dialer = c.parties.find((p) => p.agentId === meId && p.state !== 'ringing');
      const ringing = c.parties.find((p) => p.agentId !== meId && p.state === 'ringing');
      if (!dialer || !ringing) continue;
      const colleagues = queryClient.getQueryData<ColleaguePresence[]>(['agents', 'presence']);
      const name = colleagues?.find((a) => a.agentId === ringing.agentId)?.name ?? ringing.agentId;
      void message.warning({ content: t('softphone.unanswered', { name }), key: `unanswered-${c.callId}`, duration: 10 });
    }
    previous.current = calls;
  }, [calls, meId, hungUpByMe, message, t, queryClient]);
}
