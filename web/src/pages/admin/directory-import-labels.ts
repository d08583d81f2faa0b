/** Words and numbers of the directory import page: format and state labels, numbers in the active language. */
import { useTranslation } from 'react-i18next';
import type { ImportFormat, ImportState } from '../../api/directory-imports.ts';

export const STATE_COLORS: Record<ImportState, string> = {
  running: 'blue',
  succeeded: 'teal',
  failed: 'red',
};

export function useImportLabels() {
  const { t, i18n } = useTranslation();
  const numbers = new Intl.NumberFormat(i18n.resolvedLanguage ?? 'en');
  return {
    format: (format: ImportFormat | string) =>
      format === 'hsds-csv' || format === 'hsds-json' || format === 'services-csv'
        ? t(`imports.format.${format}`)
        : format,
    state: (state: ImportState) => t(`imports.state.${state}`),
    number: (value: number) => numbers.format(value),
  };
}
