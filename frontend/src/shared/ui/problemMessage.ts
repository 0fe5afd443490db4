import type { TFunction } from 'i18next';
import { isApiError } from '../api/ApiError';

/** A user-facing sentence for a failed request (problem details when the server gave them). */
export function problemMessage(error: unknown, t: TFunction): string {
  if (!isApiError(error)) return t('errors.network');
  const { status, problem } = error;
  const fields = error.fieldMessages;
  switch (status) {
    case 400:
      return fields.length ? fields.join(' ') : problem.detail ?? problem.title ?? t('errors.validation');
    case 401:
      return t('errors.unauthorized');
    case 403:
      return t('errors.forbidden');
    case 404:
      return problem.detail ?? t('errors.notFound');
    case 409:
      return t('errors.conflict');
    case 422:
      return problem.detail ?? problem.title ?? t('errors.rule');
    case 502:
    case 503:
    case 504:
      return problem.detail ?? t('errors.network'); // usually a proxy in front of a stopped server
    default:
      return problem.detail ?? problem.title ?? t('errors.server', { status });
  }
}
