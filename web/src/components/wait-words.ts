/** Says how long to wait ("4 minutes") from a number of seconds, in the active language. */
import type { TFunction } from 'i18next';

export function waitWords(seconds: number, t: TFunction): string {
  if (seconds < 60) return t('duration.seconds', { count: Math.max(1, Math.ceil(seconds)) });
  if (seconds < 3600) return t('duration.minutes', { count: Math.ceil(seconds / 60) });
  return t('duration.hours', { count: Math.ceil(seconds / 3600) });
}
