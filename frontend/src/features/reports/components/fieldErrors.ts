import { isApiError } from '../../../shared/api/ApiError';

/**
 * A 400's field errors split into those a field on screen shows (by field name, case-insensitive:
 * "from", "To", "groupBy", a filter) and the rest, which go to the page's alert.
 */
export function fieldErrors(error: unknown, fields: string[]): { byField: Record<string, string>; other: string[] } {
  const byField: Record<string, string> = {};
  const other: string[] = [];
  if (!isApiError(error, 400)) return { byField, other };
  for (const [name, messages] of Object.entries(error.problem.errors ?? {})) {
    const field = fields.find((f) => f.toLowerCase() === name.toLowerCase());
    if (field) byField[field] = [byField[field], ...messages].filter(Boolean).join(' ');
    else other.push(...messages);
  }
  return { byField, other };
}
