import { ApiError } from './ApiError';
import type { ProblemDetails } from './types';
import { isUnsafeMethod, readXsrfToken, XSRF_HEADER } from './xsrf';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** Idempotency-Key (decision 0023): a retried create with the same key creates one thing. */
  idempotencyKey?: string;
}

/**
 * The one API client: same-origin cookies, JSON in and out, the XSRF header on every unsafe
 * method (read from the cookie at request time), problem details turned into ApiError.
 */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  if (isUnsafeMethod(method)) {
    const token = readXsrfToken();
    if (token) headers[XSRF_HEADER] = token;
  }

  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
  });

  if (!response.ok) throw new ApiError(response.status, await readProblem(response));
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

async function readProblem(response: Response): Promise<ProblemDetails> {
  try {
    const text = await response.text();
    if (text) {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object') return { status: response.status, ...parsed };
    }
  } catch {
    // not JSON: fall through to a generic problem
  }
  return { status: response.status, title: response.statusText || `HTTP ${response.status}` };
}

export const apiGet = <T>(path: string, signal?: AbortSignal) => api<T>(path, { signal });
export const apiPost = <T>(path: string, body: unknown = {}, idempotencyKey?: string) =>
  api<T>(path, { method: 'POST', body, idempotencyKey });
export const apiPut = <T>(path: string, body: unknown) => api<T>(path, { method: 'PUT', body });
