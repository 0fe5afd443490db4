import type { TFunction } from 'i18next';
import { isApiError } from '../api/ApiError';

/**
 * A user-facing sentence for a failed request, in the user's language: a coded rule (problem
 * details `code` + `args`) is translated as errorCode.{code}; the server's own English text is
 * shown only when the UI is in English (errors.serverText = "show"), else the status's sentence.
 */
export function problemMessage(error: unknown, t: TFunction): string {
  if (!isApiError(error)) return t('errors.network');
  const { status, problem } = error;
  if (problem.code) {
    const key = `errorCode.${problem.code}`;
    const text = t(key, { ...(problem.args ?? {}), defaultValue: '' });
    if (text) return text;
  }
  const own = t('errors.serverText') === 'show';
  const fields = error.fieldMessages;
  switch (status) {
    case 400:
      return own && fields.length ? fields.join(' ') : own ? problem.detail ?? problem.title ?? t('errors.validation') : t('errors.validation');
    case 401:
      return t('errors.unauthorized');
    case 403:
      return t('errors.forbidden');
    case 404:
      return own ? problem.detail ?? t('errors.notFound') : t('errors.notFound');
    case 409:
      return t('errors.conflict');
    case 422:
      return own ? problem.detail ?? problem.title ?? t('errors.rule') : t('errors.rule');
    case 502:
    case 503:
    case 504:
      return own ? problem.detail ?? t('errors.network') : t('errors.network'); // usually a proxy in front of a stopped server
    default:
      return own ? problem.detail ?? problem.title ?? t('errors.server', { status }) : t('errors.server', { status });
  }
}
