import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../../test/render';
import { ApiError } from './ApiError';
import { api, apiGet, apiPost } from './client';
import { readXsrfToken } from './xsrf';

function mockFetch(response: () => Response) {
  const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => response());
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const headersOf = (init: RequestInit | undefined) => (init?.headers ?? {}) as Record<string, string>;

describe('api client', () => {
  afterEach(() => {
    document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  });

  it('sends the XSRF-TOKEN cookie value as X-XSRF-TOKEN on POST, read at request time', async () => {
    const fetchMock = mockFetch(() => jsonResponse(200, { ok: true }));
    document.cookie = 'other=1';
    document.cookie = 'XSRF-TOKEN=first%2Btoken';
    await apiPost('/api/agents/agent1/ready');
    document.cookie = 'XSRF-TOKEN=second';
    await apiPost('/api/agents/agent1/sign-out');

    expect(headersOf(fetchMock.mock.calls[0][1])['X-XSRF-TOKEN']).toBe('first+token');
    expect(headersOf(fetchMock.mock.calls[1][1])['X-XSRF-TOKEN']).toBe('second');
    expect(fetchMock.mock.calls[0][1]?.credentials).toBe('same-origin');
    expect(fetchMock.mock.calls[0][1]?.method).toBe('POST');
    expect(fetchMock.mock.calls[0][1]?.body).toBe('{}');
  });

  it('sends the header on PUT and DELETE but not on GET', async () => {
    const fetchMock = mockFetch(() => jsonResponse(200, {}));
    document.cookie = 'XSRF-TOKEN=abc';
    await apiGet('/api/me');
    await api('/api/settings', { method: 'PUT', body: { centerTitle: 'x' } });
    await api('/api/things/1', { method: 'DELETE' });

    expect(headersOf(fetchMock.mock.calls[0][1])['X-XSRF-TOKEN']).toBeUndefined();
    expect(headersOf(fetchMock.mock.calls[1][1])['X-XSRF-TOKEN']).toBe('abc');
    expect(headersOf(fetchMock.mock.calls[2][1])['X-XSRF-TOKEN']).toBe('abc');
  });

  it('turns problem details into an ApiError carrying status, detail and field errors', async () => {
    mockFetch(() =>
      jsonResponse(
        400,
        { title: 'Validation failed', status: 400, errors: { reasonCode: ['Unknown reason code.'] } },
        'application/problem+json',
      ),
    );
    const error = (await apiPost('/api/agents/agent1/not-ready', { reasonCode: 'nap' }).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.fieldMessages).toEqual(['Unknown reason code.']);
  });

  it('copes with an empty 204 and with a non-JSON error body', async () => {
    mockFetch(() => new Response(null, { status: 204 }));
    await expect(apiPost('/api/auth/logout')).resolves.toBeUndefined();
    mockFetch(() => new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    await expect(apiGet('/api/me')).rejects.toMatchObject({ status: 502, message: 'Bad Gateway' });
  });

  it('reads the token among other cookies', () => {
    expect(readXsrfToken('a=1; XSRF-TOKEN=t%3D1; b=2')).toBe('t=1');
    expect(readXsrfToken('a=1')).toBeNull();
  });
});
