import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWith } from '../../../test/render';
import type { AgentDay, AuditEvent } from '../api/types';
import { AgentDayAudit } from './AgentDayAudit';

// The chart is echarts' job; what it is given is ours: the bands' option.
vi.mock('echarts-for-react', () => ({
  default: ({ option }: { option: { series: { data: { value: number[]; itemStyle: { color: string } }[] }[] } }) => (
    <div data-testid="echarts-bands">
      {option.series[0].data.map((d, i) => (
        <span key={i} data-testid="band" data-from={d.value[1]} data-to={d.value[2]} data-color={d.itemStyle.color} />
      ))}
    </div>
  ),
}));

const ev = (revision: number, type: string, at: string, data: object = {}): AuditEvent => ({
  position: String(1000 + revision), streamId: 'agent-agent1', revision, eventId: `e${revision}`, type, at,
  recordedAt: at, actor: 'agent1', source: 'agent', correlationId: null, causationId: null, data: { agentId: 'agent1', at, ...data },
});

const day: AgentDay = {
  agentId: 'agent1', agentName: 'Agent One', day: '2026-10-14', from: '2026-10-14T00:00:00+08:00', to: '2026-10-15T00:00:00+08:00',
  inProgress: false, firstSignedInAt: '2026-10-14T08:00:00+08:00', lastSignedOutAt: '2026-10-14T08:10:00+08:00', signedInMs: 600_000,
  events: [
    ev(7, 'AgentSignedIn.v1', '2026-10-14T08:00:00+08:00'),
    ev(8, 'AgentBecameReady.v1', '2026-10-14T08:01:00+08:00'),
    ev(9, 'AgentCallStarted.v1', '2026-10-14T08:02:00+08:00', { callId: 'c1' }),
    ev(10, 'AgentCallEnded.v1', '2026-10-14T08:05:00+08:00', { callId: 'c1' }),
    ev(11, 'AgentBecameNotReady.v1', '2026-10-14T08:06:00+08:00', { reasonCode: 'lunch' }),
    ev(12, 'AgentSignedOut.v1', '2026-10-14T08:10:00+08:00'),
  ],
  timeline: [
    { state: 'notReady', reasonCode: null, start: '2026-10-14T08:00:00+08:00', end: '2026-10-14T08:01:00+08:00', durationMs: 60_000, clippedStart: false, clippedEnd: false, since: null, callIds: [] },
    { state: 'ready', reasonCode: null, start: '2026-10-14T08:01:00+08:00', end: '2026-10-14T08:02:00+08:00', durationMs: 60_000, clippedStart: false, clippedEnd: false, since: null, callIds: [] },
    { state: 'talking', reasonCode: null, start: '2026-10-14T08:02:00+08:00', end: '2026-10-14T08:05:00+08:00', durationMs: 180_000, clippedStart: false, clippedEnd: false, since: null, callIds: ['c1'] },
    { state: 'wrapUp', reasonCode: null, start: '2026-10-14T08:05:00+08:00', end: '2026-10-14T08:06:00+08:00', durationMs: 60_000, clippedStart: false, clippedEnd: false, since: null, callIds: [] },
    { state: 'notReady', reasonCode: 'lunch', start: '2026-10-14T08:06:00+08:00', end: '2026-10-14T08:10:00+08:00', durationMs: 240_000, clippedStart: false, clippedEnd: false, since: null, callIds: [] },
  ],
  totals: [
    { state: 'notReady', reasonCode: null, durationMs: 300_000, periods: 2 },
    { state: 'talking', reasonCode: null, durationMs: 180_000, periods: 1 },
    { state: 'ready', reasonCode: null, durationMs: 60_000, periods: 1 },
    { state: 'wrapUp', reasonCode: null, durationMs: 60_000, periods: 1 },
  ],
  notReadyReasons: [
    { state: 'notReady', reasonCode: 'lunch', durationMs: 240_000, periods: 1 },
    { state: 'notReady', reasonCode: null, durationMs: 60_000, periods: 1 },
  ],
  calls: [{
    callId: 'c1', direction: 'inbound', internal: false, caller: '13900001111', queue: 'broadband', offeredAt: '2026-10-14T08:01:58+08:00',
    answeredAt: '2026-10-14T08:02:00+08:00', endedAt: '2026-10-14T08:05:00+08:00', talkMs: 150_000, holdMs: 30_000, holds: 1,
    purpose: 'repair', subtype: 'no-signal', surveyScore: 5,
    events: [{ ...ev(0, 'CallArrived.v1', '2026-10-14T08:01:50+08:00', { ani: '13900001111' }), streamId: 'call-c1', eventId: 'c1-0', actor: 'pbx', source: 'pbx' }],
  }],
  read: { startRevision: 7, openingEvents: 0, dayEvents: 6, callEvents: 1 },
};

function setup(language: 'en' | 'zh-CN' = 'en') {
  const fetch = vi.fn(async (input: RequestInfo | URL) => {
    const url = String(input);
    const body = url.includes('/api/audit/') ? day
      : url.includes('/api/agents') ? [{ agentId: 'agent1', name: 'Agent One' }, { agentId: 'agent2', name: 'Agent Two' }]
      : url.includes('/api/reason-codes') ? [{ code: 'lunch', name: 'Lunch', nameZh: '午餐', sortOrder: 1 }]
      : [];
    return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetch);
  renderWith(<AgentDayAudit initialAgentId="agent1" initialDay="2026-10-14" />, { language });
  return fetch;
}

afterEach(() => vi.unstubAllGlobals());

describe('AgentDayAudit', () => {
  it('asks for the chosen agent and center day and shows a coloured band per state', async () => {
    const fetch = setup();
    const bands = await screen.findAllByTestId('band');
    expect(fetch.mock.calls.map((c) => String(c[0]))).toContain('/api/audit/agents/agent1/days/2026-10-14');
    expect(bands).toHaveLength(5);
    expect(bands.map((b) => b.dataset.color)).toEqual(['#d46b08', '#389e0d', '#1677ff', '#722ed1', '#d46b08']);
    expect(bands[2].dataset.from).toBe(String(8 * 3_600_000 + 2 * 60_000)); // 08:02 from the center's midnight
    expect(screen.getByTestId('audit-signed-in')).toHaveTextContent('10:00');
    expect(screen.getByTestId('audit-call-count')).toHaveTextContent('1');
  });

  it('totals each state and each not-ready reason', async () => {
    setup();
    const totals = await screen.findByTestId('audit-totals');
    expect(within(totals).getByTestId('total-talking-')).toHaveTextContent('03:00');
    expect(within(totals).getByTestId('total-notReady-lunch')).toHaveTextContent('04:00');
    expect(within(totals).getByText('Lunch')).toBeInTheDocument();
    expect(within(totals).getByTestId('total-signed-in')).toHaveTextContent('10:00');
  });

  it('lists the calls with their legs and the events with who caused them, data on expanding', async () => {
    const user = userEvent.setup({ delay: null });
    setup();
    await user.click(await screen.findByRole('tab', { name: /Calls handled/ }));
    const calls = screen.getByTestId('audit-calls');
    expect(within(calls).getByText('13900001111')).toBeInTheDocument();
    expect(within(calls).getByText('02:30')).toBeInTheDocument(); // talk
    expect(within(calls).getByText('00:30 (1)')).toBeInTheDocument(); // hold
    expect(within(calls).getByText('Repair / No signal')).toBeInTheDocument();

    await user.click(screen.getByRole('tab', { name: /Events/ }));
    const events = screen.getByTestId('audit-events');
    expect(within(events).getAllByRole('row')).toHaveLength(7);
    expect(within(events).getByText('AgentBecameNotReady')).toBeInTheDocument();
    expect(within(events).getByText('08:06:00.000')).toBeInTheDocument();
    await user.click(within(events).getAllByRole('button', { name: /expand/i })[4]);
    expect(screen.getByTestId('event-data-e11')).toHaveTextContent('"reasonCode": "lunch"');
  });

  it('speaks Chinese', async () => {
    setup('zh-CN');
    expect((await screen.findAllByText('签入时长')).length).toBeGreaterThan(0);
    expect(within(screen.getByTestId('audit-totals')).getByText('午餐')).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: /各状态合计/ })).toBeInTheDocument();
  });
});
