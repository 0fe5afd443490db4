import { useSkillGroupName } from '../../../shared/ui/useSkillGroupName';
import { PhoneOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Skeleton, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/ApiError';
import { useMe } from '../../../shared/auth/useMe';
import { useCallCommand } from '../../../shared/calls/callCommands';
import { useCall } from '../../../shared/calls/useMyCalls';
import { durationSince, formatDuration } from '../../../shared/ui/formatDuration';
import { PhoneNumber } from '../../../shared/ui/PhoneNumber';
import { problemMessage } from '../../../shared/ui/problemMessage';
import { useNow } from '../../../shared/ui/useNow';
import { useCallCustomer } from '../api/useCallCustomer';
import { useScreenPop } from '../api/useScreenPop';
import { IvrTrail, ScreenPopView } from './ScreenPopView';

interface Props {
  callId: string;
  /** The customer search, composed in by the app (features do not import each other). */
  renderSearch: (onPick: (customerId: string) => void) => ReactNode;
  /** The work-order dispatch form for the pop's customer (R-SVC-3), composed in by the app. */
  renderWorkOrder?: (customer: { id: string; name: string } | null) => ReactNode;
}

/** A call's desktop tab: who calls, which number, IVR trail, queue, the call's state, and its screen pop. */
export function CallPanel({ callId, renderSearch, renderWorkOrder }: Props) {
  const { t } = useTranslation();
  const [chosen, choose] = useCallCustomer(callId);
  const call = useCall(callId);
  // an internal call between agents has no customer to pop
  const hasPop = call?.kind !== 'internal';
  const base = useScreenPop(callId, null, hasPop);
  const chosenPop = useScreenPop(callId, chosen, hasPop && !!chosen);
  const pop = chosen ? chosenPop : base;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid={`call-panel-${callId}`}>
      <CallHeader callId={callId} />
      {!hasPop ? (
        <Alert type="info" showIcon title={t('call.internal')} />
      ) : pop.data ? (
        <ScreenPopView
          pop={pop.data}
          onChooseCustomer={choose}
          onBackToList={chosen && base.data?.match === 'multiple' ? () => choose(null) : undefined}
          search={renderSearch(choose)}
        />
      ) : pop.isError ? (
        <Alert
          type={isApiError(pop.error, 404) ? 'info' : 'error'}
          showIcon
          data-testid="pop-unavailable"
          title={isApiError(pop.error, 404) ? t('pop.notYet') : problemMessage(pop.error, t)}
          action={
            <Button size="small" onClick={() => void pop.refetch()}>
              {t('app.retry')}
            </Button>
          }
        />
      ) : (
        <Skeleton active paragraph={{ rows: 6 }} />
      )}
      {hasPop && pop.data && renderWorkOrder?.(pop.data.customer ? { id: pop.data.customer.id, name: pop.data.customer.name } : null)}
    </Space>
  );
}

function CallHeader({ callId }: { callId: string }) {
  const { t, i18n } = useTranslation();
  const groupName = useSkillGroupName();
  const me = useMe().data;
  const call = useCall(callId);
  const pop = useScreenPop(callId, null, call?.kind !== 'internal').data;
  const command = useCallCommand();
  const now = useNow();
  const leg = call?.parties.find((p) => p.agentId === me?.id);
  const state = call?.ended || (call && !leg) ? 'ended' : (leg?.state ?? 'unknown');
  const ringing = state === 'ringing';
  // a consult / help / internal call is between agents: the caller is the colleague
  const colleague =
    call && call.kind !== 'inbound' && call.kind !== 'outbound'
      ? call.parties.find((p) => p.agentId !== me?.id)?.agentId
      : undefined;
  const ani = colleague ? null : (call?.ani ?? pop?.ani);
  const direction = call?.direction ?? 'inbound';
  const outbound = direction === 'outbound';

  return (
    <Card size="small" data-testid="call-header" styles={{ body: { paddingBlock: 10 } }}>
      {ringing && (
        <Alert
          type="success"
          showIcon
          icon={<PhoneOutlined />}
          data-testid="call-ringing"
          style={{ marginBottom: 10 }}
          title={
            <Typography.Text strong>
              {colleague ? t('call.ringingAgent', { agent: colleague, kind: t(`call.kinds.${call?.kind}`, { defaultValue: call?.kind }) }) : t('call.ringing', { number: ani ?? '—' })}
            </Typography.Text>
          }
          action={
            <Button
              type="primary"
              size="large"
              color="green"
              variant="solid"
              icon={<PhoneOutlined />}
              loading={command.isPending}
              onClick={() => command.mutate({ verb: 'answer', callId })}
              data-testid="call-answer"
            >
              {t('softphone.answer')} (Alt+A)
            </Button>
          }
        />
      )}
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 4 }}
        items={[
          {
            key: 'direction',
            label: t('call.direction'),
            children: (
              <Tag data-testid="call-direction" data-direction={direction} color={direction === 'outbound' ? 'green' : direction === 'inbound' ? 'blue' : 'default'}>
                {t(`call.directions.${direction}`)}
              </Tag>
            ),
          },
          {
            key: 'ani',
            // an outbound call's number is the one the agent dialled, not a caller
            label: outbound ? t('call.calledNumber') : t('call.caller'),
            children: <span data-testid="call-ani">{colleague ? t('call.withAgent', { agent: colleague }) : <PhoneNumber number={ani} />}</span>,
          },
          ...(outbound ? [] : [{ key: 'dnis', label: t('call.dialed'), children: <span data-testid="call-dnis">{call?.dnis ?? pop?.dnis ?? '—'}</span> }]),
          { key: 'ivr', label: t('call.ivrTrail'), children: <IvrTrail trail={pop?.ivrTrail ?? call?.ivrTrail} /> },
          { key: 'queue', label: t('call.queue'), children: <span data-testid="call-queue">{call?.queue ? groupName(call.queue) : '—'}</span> },
          {
            key: 'state',
            label: t('call.state'),
            children: (
              <>
                <Tag data-testid="call-state" data-state={state} color={stateColor[state]}>
                  {t(`call.states.${state}`)}
                </Tag>
                {call?.supervisor && call.supervisor.mode !== 'monitor' && state !== 'ended' && (
                  <Tag color="purple" data-testid="call-supervisor" data-mode={call.supervisor.mode}>
                    {t(agentSeesSupervisor[call.supervisor.mode], { supervisor: call.supervisor.supervisorId })}
                  </Tag>
                )}
              </>
            ),
          },
          {
            key: 'started',
            label: t('call.started'),
            children: call ? (
              <span style={{ fontVariantNumeric: 'tabular-nums' }}>
                {new Date(call.startedAt).toLocaleTimeString(i18n.language)}
                {state !== 'ended' && ` · ${formatDuration(durationSince(call.startedAt, now))}`}
              </span>
            ) : (
              '—'
            ),
          },
          ...(call?.consultFor || (pop && pop.aboutCallId !== callId)
            ? [{ key: 'about', label: t('call.about'), children: call?.consultFor ?? pop?.aboutCallId }]
            : []),
        ]}
      />
    </Card>
  );
}

/** What the agent is told of a supervisor on the call (a silent monitor is never sent to the agent). */
const agentSeesSupervisor: Record<string, string> = {
  monitor: 'supervision.agentWhisper',
  whisper: 'supervision.agentWhisper',
  barge: 'supervision.agentBarge',
  intercept: 'supervision.agentIntercept',
};

const stateColor: Record<string, string> = {
  ringing: 'green',
  talking: 'processing',
  held: 'orange',
  ended: 'default',
  unknown: 'default',
};
