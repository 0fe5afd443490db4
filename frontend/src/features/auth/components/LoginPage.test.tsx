import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { queryKeys } from '../../../shared/api/queryKeys';
import type { Me } from '../../../shared/api/types';
import { jsonResponse, me, renderWith } from '../../../test/render';
import { LoginPage } from './LoginPage';

function mockFetch(...responses: Response[]) {
  const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => responses.shift() ?? jsonResponse(500));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('LoginPage', () => {
  it('shows the error on 401 and posts the credentials with Enter', async () => {
    const fetchMock = mockFetch(
      jsonResponse(401, { title: 'Unauthorized', status: 401 }, 'application/problem+json'),
    );
    const user = userEvent.setup({ delay: null });
    renderWith(<LoginPage centerTitle="Hotline 96123" />);

    expect(screen.getByTestId('login-center-title')).toHaveTextContent('Hotline 96123');
    await user.type(screen.getByTestId('login-username'), ' agent1 ');
    await user.type(screen.getByTestId('login-password'), 'wrong{Enter}');

    expect(await screen.findByTestId('login-error')).toHaveTextContent('Wrong username or password.');
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/auth/login');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({ username: 'agent1', password: 'wrong' });
  });

  it('clears the error when the user edits, and signs in on 200', async () => {
    const user1 = me();
    mockFetch(jsonResponse(401, { status: 401 }), jsonResponse(200, user1));
    const onSignedIn = vi.fn();
    const user = userEvent.setup({ delay: null });
    const { client } = renderWith(<LoginPage centerTitle="CC" onSignedIn={onSignedIn} />);

    await user.type(screen.getByTestId('login-username'), 'agent1');
    await user.type(screen.getByTestId('login-password'), 'bad');
    await user.click(screen.getByTestId('login-submit'));
    await screen.findByTestId('login-error');

    await user.clear(screen.getByTestId('login-password'));
    expect(screen.queryByTestId('login-error')).not.toBeInTheDocument();
    await user.type(screen.getByTestId('login-password'), 'good{Enter}');

    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(user1, expect.anything(), undefined, expect.anything()));
    expect(client.getQueryData<Me>(queryKeys.me)?.id).toBe('agent1');
  });

  it('does not call the server without a username and password', async () => {
    const fetchMock = mockFetch();
    const user = userEvent.setup({ delay: null });
    renderWith(<LoginPage centerTitle="CC" />);
    await user.click(screen.getByTestId('login-submit'));
    expect(await screen.findByText('Enter your username')).toBeInTheDocument();
    expect(screen.getByText('Enter your password')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('says the server is unreachable when fetch fails', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const user = userEvent.setup({ delay: null });
    renderWith(<LoginPage centerTitle="CC" />);
    await user.type(screen.getByTestId('login-username'), 'agent1');
    await user.type(screen.getByTestId('login-password'), 'x{Enter}');
    expect(await screen.findByTestId('login-error')).toHaveTextContent('The server cannot be reached');
  });
});
