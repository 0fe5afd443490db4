import { isApiError } from './ApiError';

/**
 * A 400's messages for the given form fields, as antd `form.setFields` wants them; the server may
 * name a field `level2` or `Level2`, so the match ignores case. Empty when the error is not a 400.
 */
export function fieldErrors<N extends string>(error: unknown, names: readonly N[]): { name: N; errors: string[] }[] {
  if (!isApiError(error, 400)) return [];
  const errors = error.problem.errors ?? {};
  return names
    .map((name) => ({ name, errors: Object.entries(errors).filter(([k]) => k.toLowerCase() === name.toLowerCase()).flatMap(([, v]) => v) }))
    .filter((f) => f.errors.length > 0);
}
