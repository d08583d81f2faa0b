/** Maps an API error to a translated sentence (by problem type, then by HTTP status). */
import type { TFunction } from 'i18next';
import { isApiError } from '../api/api-error.ts';

export function describeError(error: unknown, t: TFunction): string {
  if (!isApiError(error)) return t('errors.unexpected');
  if (error.status === 0) return t('errors.network');
  if (error.is('invalid-credentials')) return t('errors.invalidCredentials');
  if (error.is('totp-required')) return t('errors.totpRequired');
  if (error.is('totp-enrollment-required')) return t('errors.totpEnrollmentRequired');
  if (error.is('csrf')) return t('errors.csrf');
  switch (error.status) {
    case 400:
    case 422:
      return t('errors.validation');
    case 401:
      return t('errors.unauthenticated');
    case 403:
      return t('errors.forbidden');
    case 404:
      return t('errors.notFound');
    case 409:
      return t('errors.conflict');
    case 412:
      return t('errors.preconditionFailed');
    case 429:
      return t('errors.tooManyRequests');
    default:
      return error.status >= 500 ? t('errors.server') : t('errors.unexpected');
  }
}
