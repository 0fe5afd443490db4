import { screen, waitFor } from '@testing-library/react';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, me } from '../test/render';
import { createQueryClient } from './queryClient';
import { App } from './App';

vi.mock('../shared/signalr/createDesktopConnection', async (importOriginal) => {
  const original = await importOriginal<typeof import('../shared/signalr/createDesktopConnection')>();
  return {
    ...original,
    createDesktopConnection: () => ({
      state: 'Disconnected',
      start: () => new Promise(() => {}), // never connects in this test
      stop: async () => {},
      on: () => {},
      off: () => {},
      onreconnecting: () => {},
      onreconnected: () => {},
      onclose: () => {},
    }),
  };
});

describe('App', () => {
  it('shows the login page when /api/me is 401, the center title from settings, and the desktop after login', async () => {
    localStorage.setItem('callcenter.lang', 'en');
    let signedIn = false;
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      if (url === '/api/settings/public') return jsonResponse(200, { centerTitle: 'Cable TV Hotline' });
      if (url === '/api/me') return signedIn ? jsonResponse(200, me()) : jsonResponse(401, { status: 401 });
      if (url === '/api/auth/login' && init?.method === 'POST') {
        signedIn = true;
        return jsonResponse(200, me());
      }
      if (url === '/api/announcements') return jsonResponse(200, []);
      if (url === '/api/reason-codes') return jsonResponse(200, [{ code: 'break', name: 'Break' }]);
      return jsonResponse(404, { status: 404 });
    });
    vi.stubGlobal('fetch', fetchMock);
    const user = userEvent.setup({ delay: null });
    render(<App queryClient={createQueryClient()} />);

    expect(await screen.findByTestId('login-username')).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('Cable TV Hotline'));
    expect(screen.getByTestId('login-center-title')).toHaveTextContent('Cable TV Hotline');

    await user.type(screen.getByTestId('login-username'), 'agent1');
    await user.type(screen.getByTestId('login-password'), 'secret{Enter}');

    expect(await screen.findByTestId('status-state')).toHaveAttribute('data-state', 'ready');
    expect(screen.getByTestId('center-title')).toHaveTextContent('Cable TV Hotline');
    expect(window.location.pathname).toBe('/');
  });

  it('logs out through the user menu, and a 401 later (session expired) also returns to the login page', async () => {
    localStorage.setItem('callcenter.lang', 'en');
    window.history.replaceState(null, '', '/');
    let announcementsStatus = 200;
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      if (url === '/api/settings/public') return jsonResponse(200, { centerTitle: 'CC' });
      if (url === '/api/me') return jsonResponse(200, me());
      if (url === '/api/auth/logout' && init?.method === 'POST') return new Response(null, { status: 204 });
      if (url === '/api/announcements') return jsonResponse(announcementsStatus, announcementsStatus === 200 ? [] : { status: 401 });
      return jsonResponse(200, []);
    });
    vi.stubGlobal('fetch', fetchMock);
    const user = userEvent.setup({ delay: null });
    const client = createQueryClient();
    const { unmount } = render(<App queryClient={client} />);

    await user.click(await screen.findByTestId('user-menu'));
    await user.click(await screen.findByTestId('btn-logout'));
    expect(await screen.findByTestId('login-username')).toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledWith('/api/auth/logout', expect.objectContaining({ method: 'POST' }));
    unmount();

    // Signed in again, then the server says 401 to an ordinary request.
    window.history.replaceState(null, '', '/');
    announcementsStatus = 401;
    render(<App queryClient={createQueryClient()} />);
    expect(await screen.findByTestId('login-username')).toBeInTheDocument();
    expect(screen.queryByTestId('status-state')).not.toBeInTheDocument();
  });
});
