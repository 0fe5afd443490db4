import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AlarmStatus } from '../../../shared/api/alarmTypes';
import { ALARM_CHANGED, registerCacheSync } from '../../../shared/signalr/hubEvents';
import { FakeHub } from '../../../test/fakeHub';
import { jsonResponse, renderWith, signedInClient } from '../../../test/render';
import { AlarmBanner } from './AlarmBanner';

const alarm = (overrides: Partial<AlarmStatus> = {}): AlarmStatus => ({
  area: 'east',
  areaName: '城东',
  level: 3,
  count: 7,
  windowMinutes: 60,
  since: '2026-11-20T06:00:00Z',
  changedAt: '2026-11-20T06:00:00Z',
  ...overrides,
});

function renderBanner(active: AlarmStatus[], language: 'en' | 'zh-CN' = 'en') {
  const fetchMock = vi.fn(async (url: string) => (url === '/api/alarms/active' ? jsonResponse(200, active) : jsonResponse(404)));
  vi.stubGlobal('fetch', fetchMock);
  const client = signedInClient();
  const hub = new FakeHub();
  registerCacheSync(hub, client);
  renderWith(<AlarmBanner />, { client, language });
  return { hub, fetchMock };
}

describe('alarm banner (R-ALARM-2)', () => {
  it('keeps a push that arrives while the first fetch is in flight', async () => {
    let answer: (r: Response) => void = () => {};
    vi.stubGlobal('fetch', vi.fn(() => new Promise<Response>((resolve) => (answer = resolve))));
    const client = signedInClient();
    const hub = new FakeHub();
    registerCacheSync(hub, client);
    renderWith(<AlarmBanner />, { client });
    await waitFor(() => expect(fetch).toHaveBeenCalled());
    act(() => hub.emit(ALARM_CHANGED, alarm({ level: 2 })));
    await act(async () => answer(jsonResponse(200, []))); // the snapshot was read before the change
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.getByTestId('alarm-east')).toHaveAttribute('data-level', '2');
  });

  it('shows an alarmChanged push at once, coloured by level, most severe first, and drops it on level 0', async () => {
    const { hub, fetchMock } = renderBanner([]);
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    expect(screen.queryByTestId('alarm-banner')).not.toBeInTheDocument();

    act(() => hub.emit(ALARM_CHANGED, alarm()));
    const east = await screen.findByTestId('alarm-east', {}, { timeout: 1_000 }); // from the push itself, within a second
    expect(east).toHaveAttribute('data-level', '3');
    expect(east).toHaveTextContent('East · Level 3 alarm · 7 work-order calls in the last 60 min');
    expect(east.className).toMatch(/level3/);

    act(() => hub.emit(ALARM_CHANGED, alarm({ area: 'west', areaName: '城西', level: 1, count: 30, changedAt: '2026-11-20T06:05:00Z' })));
    const west = await screen.findByTestId('alarm-west', {}, { timeout: 1_000 });
    expect(west).toHaveAttribute('data-level', '1');
    expect(west.className).toMatch(/level1/);
    expect(west.className).toMatch(/ant-alert-error/);
    const order = [...screen.getByTestId('alarm-banner').querySelectorAll('[data-testid^="alarm-"]')].map((e) => e.getAttribute('data-testid'));
    expect(order).toEqual(['alarm-west', 'alarm-east']);

    act(() => hub.emit(ALARM_CHANGED, alarm({ level: 2, count: 15, changedAt: '2026-11-20T06:10:00Z' })));
    await waitFor(() => expect(screen.getByTestId('alarm-east')).toHaveAttribute('data-level', '2'), { timeout: 1_000 });
    expect(screen.getByTestId('alarm-east').className).toMatch(/level2/);

    act(() => hub.emit(ALARM_CHANGED, alarm({ level: 0, count: 1, changedAt: '2026-11-20T06:20:00Z' })));
    await waitFor(() => expect(screen.queryByTestId('alarm-east')).not.toBeInTheDocument(), { timeout: 1_000 });
    expect(screen.getByTestId('alarm-west')).toBeInTheDocument();

    act(() => hub.emit(ALARM_CHANGED, alarm({ area: 'west', level: 0, changedAt: '2026-11-20T06:30:00Z' })));
    await waitFor(() => expect(screen.queryByTestId('alarm-banner')).not.toBeInTheDocument(), { timeout: 1_000 });
    expect(fetchMock).toHaveBeenCalledTimes(1); // every change came from the pushes
  });

  it('ignores a push older than what it shows', async () => {
    const { hub } = renderBanner([alarm({ level: 2, changedAt: '2026-11-20T06:10:00Z' })]);
    expect(await screen.findByTestId('alarm-east')).toHaveAttribute('data-level', '2');
    act(() => hub.emit(ALARM_CHANGED, alarm({ level: 0, changedAt: '2026-11-20T06:00:00Z' })));
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.getByTestId('alarm-east')).toHaveAttribute('data-level', '2');
  });

  it('reads in Chinese: area · level · window and count', async () => {
    renderBanner([alarm()], 'zh-CN');
    expect(await screen.findByTestId('alarm-east')).toHaveTextContent('城东 · 三级告警 · 1小时内 7 个派工来电');
  });
});

describe('alarm banner collapses (issue 16)', () => {
  it('collapses to one line naming the most severe alarm; a new or more severe alarm opens it again, a milder change does not', async () => {
    const user = (await import('@testing-library/user-event')).default.setup({ delay: null });
    const { hub } = renderBanner([alarm({ area: 'west', areaName: '城西', level: 2, count: 12 }), alarm()]);
    await screen.findByTestId('alarm-west');
    await user.click(screen.getByTestId('alarms-collapse'));
    expect(screen.getByTestId('alarm-banner')).toHaveAttribute('data-collapsed', 'true');
    expect(screen.queryByTestId('alarm-east')).not.toBeInTheDocument();
    expect(screen.getByTestId('alarms-summary')).toHaveTextContent('2 outage alarms, the most severe: West · Level 2 alarm');

    act(() => hub.emit(ALARM_CHANGED, alarm({ level: 3, count: 6, changedAt: '2026-11-20T06:02:00Z' }))); // same level: stays collapsed
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.getByTestId('alarm-banner')).toHaveAttribute('data-collapsed', 'true');

    act(() => hub.emit(ALARM_CHANGED, alarm({ level: 1, count: 22, changedAt: '2026-11-20T06:05:00Z' }))); // more severe: opens
    await waitFor(() => expect(screen.getByTestId('alarm-banner')).toHaveAttribute('data-collapsed', 'false'));
    expect(screen.getByTestId('alarm-east')).toHaveAttribute('data-level', '1');

    await user.click(screen.getByTestId('alarms-collapse'));
    await user.click(screen.getByTestId('alarms-expand'));
    expect(screen.getByTestId('alarm-west')).toBeInTheDocument();
  });
});
