import type { ProblemDetails } from './types';

/** A non-2xx answer from the API, carrying the RFC 9457 problem details when present. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDetails;

  constructor(status: number, problem: ProblemDetails) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  /** Field-level validation messages flattened to one list. */
  get fieldMessages(): string[] {
    return Object.values(this.problem.errors ?? {}).flat();
  }
}

export function isApiError(e: unknown, status?: number): e is ApiError {
  return e instanceof ApiError && (status === undefined || e.status === status);
}
