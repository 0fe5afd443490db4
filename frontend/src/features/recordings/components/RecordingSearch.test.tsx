import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { queryKeys } from '../../../shared/api/queryKeys';
import { me, renderWith, testQueryClient } from '../../../test/render';
import type { Recording } from '../api/types';
import { RecordingSearch } from './RecordingSearch';

const row: Recording = {
  id: 'SIM-1', callId: 'SIM-1', agentId: 'agent1', startedAt: '2026-12-03T02:00:00+00:00', durationSeconds: 65, ani: '13912340001',
  dnis: '96000', direction: 'inbound', queue: 'broadband', purpose: 'consultation', audioUrl: '/api/recordings/SIM-1/audio',
};

function setup(roles: Parameters<typeof me>[0], language: 'en' | 'zh-CN' = 'en', audioStatus = 200) {
  const fetch = vi.fn(async (input: RequestInfo | URL) => {
    const url = String(input);
    if (url.includes('/audio')) {
      return audioStatus === 200
        ? new Response(new Uint8Array(44 + 8000), { status: 200, headers: { 'Content-Type': 'audio/wav' } })
        : new Response(JSON.stringify({ status: 403, title: 'Forbidden' }), { status: 403, headers: { 'Content-Type': 'application/problem+json' } });
    }
    const body = url.startsWith('/api/recordings?') ? [row]
      : url.includes('/accesses') ? [{ userId: 'supervisor1', userName: '李班长', kind: 'play', at: '2026-12-03T03:00:00+00:00' }]
      : url.includes('/api/call-purposes') ? [{ code: 'consultation', name: 'Consultation', nameZh: '咨询', subtypes: [] }]
      : [];
    return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetch);
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:x', revokeObjectURL: () => {} }));
  const client = testQueryClient();
  client.setQueryData(queryKeys.me, me(roles));
  renderWith(<RecordingSearch />, { client, language });
  return fetch;
}

afterEach(() => vi.unstubAllGlobals());

describe('RecordingSearch', () => {
  it('searches by caller number and center days, shows the row, plays it in the player', async () => {
    const user = userEvent.setup({ delay: null });
    const fetch = setup(['agent']);
    expect(await screen.findByText('13912340001')).toBeInTheDocument();
    expect(screen.getByText('2026-12-03 10:00:00')).toBeInTheDocument(); // center time
    expect(screen.getByText('01:05')).toBeInTheDocument();
    expect(screen.getByText('Consultation')).toBeInTheDocument();
    expect(screen.queryByTestId('recording-accesses-SIM-1')).not.toBeInTheDocument(); // agents do not audit

    await user.type(screen.getByTestId('recording-ani'), '1391234');
    await user.click(screen.getByTestId('recording-search-submit'));
    await waitFor(() => expect(fetch.mock.calls.map((c) => String(c[0]))).toContain('/api/recordings?ani=1391234'));

    await user.click(screen.getByTestId('recording-play-SIM-1'));
    expect(await screen.findByTestId('recording-audio')).toHaveAttribute('src', 'blob:x');
    expect(fetch.mock.calls.map((c) => String(c[0]))).toContain('/api/recordings/SIM-1/audio');
  }, 60_000);

  it('says so when the user may not hear the recording, in Chinese too', async () => {
    const user = userEvent.setup({ delay: null });
    setup(['supervisor'], 'zh-CN', 403);
    await user.click(await screen.findByTestId('recording-play-SIM-1'));
    expect(await screen.findByTestId('recording-error')).toBeInTheDocument();
    expect(screen.getAllByText('主叫号码').length).toBeGreaterThan(0);
    await user.click(screen.getByTestId('recording-accesses-SIM-1'));
    expect(await screen.findByText('李班长 (supervisor1)')).toBeInTheDocument();
    expect(screen.getByTestId('recording-accesses')).toHaveTextContent('播放');
  }, 60_000);
});
