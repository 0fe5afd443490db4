import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, me, renderWith, signedInClient } from '../../../test/render';
import type { ProjectionInfo, ProjectionProgressMessage } from '../api/projectionTypes';
import { applyProjectionProgress } from '../api/useProjections';
import { ProjectionsPanel } from './ProjectionsPanel';

const row = (over: Partial<ProjectionInfo>): ProjectionInfo => ({
  name: 'screen-pops',
  rebuildable: true,
  version: 1,
  state: 'live',
  position: 1048577,
  eventAt: '2026-11-22T09:00:00+08:00',
  lag: { events: 0, atLeast: false, seconds: 0 },
  rebuild: null,
  ...over,
});

const list = [row({}), row({ name: 'calls-to-agents', rebuildable: false, version: null }), row({ name: 'agent-states', lag: { events: 1200, atLeast: false, seconds: 3.5 } })];

function setup(roles: Parameters<typeof me>[0], responses: Record<string, () => Response> = {}) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const key = `${init?.method ?? 'GET'} ${url}`;
    return responses[key]?.() ?? jsonResponse(200, list);
  });
  vi.stubGlobal('fetch', fetchMock);
  const client = signedInClient(me(roles, null));
  return { ...renderWith(<ProjectionsPanel />, { client }), fetchMock };
}

afterEach(() => vi.unstubAllGlobals());

describe('ProjectionsPanel', () => {
  it('lists read models with version, state and lag; reactors cannot be rebuilt', async () => {
    setup(['analyst']);
    expect(await screen.findByTestId('projection-state-screen-pops')).toHaveAttribute('data-state', 'live');
    expect(screen.getByTestId('projection-lag-agent-states')).toHaveTextContent('1,200 events · 3.5 s');
    expect(screen.queryByTestId('btn-rebuild-calls-to-agents')).not.toBeInTheDocument();
    expect(screen.getByText('Reactor (not rebuilt)')).toBeInTheDocument();
  });

  it('rebuilds after confirmation, then shows pushed progress with events/s and ETA until the switch', async () => {
    const user = userEvent.setup({ delay: null });
    const rebuilding = row({ state: 'rebuilding', rebuild: { version: 2, phase: 'building', position: null, processed: 0, total: 40000, eventsPerSecond: 0, etaSeconds: null, error: null, requestedAt: null, requestedBy: 'analyst' } });
    const { fetchMock, client } = setup(['analyst'], { 'POST /api/projections/screen-pops/rebuild': () => jsonResponse(202, rebuilding) });
    await user.click(await screen.findByTestId('btn-rebuild-screen-pops'));
    expect(fetchMock).not.toHaveBeenCalledWith(expect.stringContaining('/rebuild'), expect.anything()); // not before confirming
    await user.click(await screen.findByRole('button', { name: 'Rebuild now' }));
    await waitFor(() => expect(screen.getByTestId('projection-state-screen-pops')).toHaveAttribute('data-state', 'rebuilding'));
    expect(fetchMock.mock.calls.some(([url, init]) => String(url).endsWith('/api/projections/screen-pops/rebuild') && init?.method === 'POST')).toBe(true);
    expect(screen.getByTestId('btn-rebuild-screen-pops')).toBeDisabled();

    const progress: ProjectionProgressMessage = { name: 'screen-pops', version: 2, phase: 'building', position: 99, processed: 10000, total: 40000, eventsPerSecond: 25000, etaSeconds: 75, error: null, startedAt: '2026-11-22T09:00:00Z' };
    act(() => applyProjectionProgress(client, progress));
    const bar = screen.getByTestId('rebuild-progress-screen-pops');
    expect(await within(bar).findByText('v2 · 25,000 events/s · ETA 01:15')).toBeInTheDocument();
    expect(within(bar).getByText('25%')).toBeInTheDocument();

    const gets = () => fetchMock.mock.calls.filter(([url, init]) => String(url).endsWith('/api/projections') && (init?.method ?? 'GET') === 'GET').length;
    const before = gets();
    act(() => applyProjectionProgress(client, { ...progress, phase: 'switched', processed: 40000, etaSeconds: 0 }));
    await waitFor(() => expect(screen.getByTestId('projection-state-screen-pops')).toHaveAttribute('data-state', 'live'));
    expect(screen.queryByTestId('rebuild-progress-screen-pops')).not.toBeInTheDocument();
    await waitFor(() => expect(gets()).toBeGreaterThan(before)); // the list is fetched again after the switch
  });

  it('says so when a rebuild is already running (409), and supervisors may only look', async () => {
    const user = userEvent.setup({ delay: null });
    setup(['admin'], { 'POST /api/projections/agent-states/rebuild': () => jsonResponse(409, { status: 409, title: 'A rebuild of this projection is already running.' }) });
    await user.click(await screen.findByTestId('btn-rebuild-agent-states'));
    await user.click(await screen.findByRole('button', { name: 'Rebuild now' }));
    expect(await screen.findByText('A rebuild of agent-states is already running.')).toBeInTheDocument();
  });

  it('shows supervisors the list with the rebuild button disabled', async () => {
    setup(['supervisor']);
    expect(await screen.findByTestId('btn-rebuild-screen-pops')).toBeDisabled();
  });
});
