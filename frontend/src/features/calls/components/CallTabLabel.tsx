import { ArrowUpOutlined, PhoneFilled, PhoneOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ScreenPop } from '../../../shared/api/callTypes';
import { queryKeys } from '../../../shared/api/queryKeys';
import { useMe } from '../../../shared/auth/useMe';
import { useCall } from '../../../shared/calls/useMyCalls';

/** A call tab's title: the caller's number (or the pop's customer), green while it rings at me. */
export function CallTabLabel({ callId }: { callId: string }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const call = useCall(callId);
  const pop = useQuery<ScreenPop>({ queryKey: queryKeys.screenPop(callId), enabled: false }).data;
  const leg = call?.parties.find((p) => p.agentId === me?.id);
  const ringing = !call?.ended && leg?.state === 'ringing';
  // a consult / help / internal call: name the colleague, not the dialed target
  const colleague = call && call.kind !== 'inbound' && call.kind !== 'outbound'
    ? call.parties.find((p) => p.agentId !== me?.id)?.agentId
    : undefined;
  const number = colleague ? t('call.withAgent', { agent: colleague }) : (call?.ani ?? pop?.ani ?? callId.slice(0, 8));
  const who = pop?.match === 'single' && pop.customer ? ` · ${pop.customer.name}` : '';
  return (
    <span
      data-testid={`call-tab-${callId}`}
      data-state={call?.ended || (call && !leg) ? 'ended' : (leg?.state ?? 'unknown')}
      style={ringing ? { color: '#389e0d', fontWeight: 600 } : undefined}
      title={t(call?.direction === 'outbound' ? 'call.tabTitleOutbound' : 'call.tabTitle', { number })}
      data-direction={call?.direction}
    >
      {ringing ? <PhoneFilled /> : call?.direction === 'outbound' ? <ArrowUpOutlined aria-label={t('call.directions.outbound')} /> : <PhoneOutlined />} {number}
      {who}
    </span>
  );
}
