import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { queryKeys } from '../../../shared/api/queryKeys';
import { me, renderWith, testQueryClient } from '../../../test/render';
import { VoiceMessages, type VoiceMessage } from './VoiceMessages';

const message: VoiceMessage = {
  callId: 'vm-1', ani: '13900000001', queue: 'broadband', durationSeconds: 7, at: '2026-12-03T02:00:00+00:00', audioUrl: '/api/voice-messages/vm-1/audio',
  handledBy: null, handledAt: null,
};

afterEach(() => vi.unstubAllGlobals());

describe('VoiceMessages', () => {
  it('lists the open messages, plays one, calls the caller back and marks it handled', async () => {
    const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      void init;
      const url = String(input);
      const body = url.startsWith('/api/voice-messages?') || url === '/api/voice-messages' ? [message] : url === '/api/calls/dial' ? { callId: 'C9' } : { callId: 'vm-1', handledBy: 'agent1' };
      return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
    });
    vi.stubGlobal('fetch', fetch);
    const client = testQueryClient();
    client.setQueryData(queryKeys.me, me(['agent']));
    renderWith(<VoiceMessages />, { client, language: 'zh-CN' });
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByTestId('voice-message-play-vm-1'));
    expect(await screen.findByTestId('voice-message-audio')).toHaveAttribute('src', '/api/voice-messages/vm-1/audio');
    await user.click(screen.getByTestId('voice-message-call-vm-1'));
    await waitFor(() => expect(fetch.mock.calls.find((c) => String(c[0]) === '/api/calls/dial')?.[1]?.body).toBe(JSON.stringify({ number: '13900000001' })));
    await user.click(screen.getByTestId('voice-message-handled-vm-1'));
    await waitFor(() => expect(fetch.mock.calls.map((c) => String(c[0]))).toContain('/api/voice-messages/vm-1/handled'));
    expect(fetch.mock.calls.map((c) => String(c[0]))).toContain('/api/voice-messages?handled=false');
    expect(screen.getByText('待处理', { selector: '.ant-tag' })).toBeInTheDocument();
  }, 60_000);
});
