import { Empty } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMyAgentState } from '../shared/agentState/useMyAgentState';
import { useMyCalls } from '../shared/calls/useMyCalls';

/** "Current call" menu item: the call I am on now (else the last one I have to tag). */
export function CurrentCall({ render }: { render: (callId: string) => ReactNode }) {
  const { t } = useTranslation();
  const state = useMyAgentState();
  const calls = useMyCalls();
  const callId = state?.currentCallId ?? calls.at(-1)?.callId ?? state?.untaggedCallId ?? null;
  if (!callId) return <Empty data-testid="no-current-call" description={t('call.noneNow')} style={{ marginTop: 48 }} />;
  return <>{render(callId)}</>;
}
