/** English/Español switch; the choice is stored in localStorage and sets `<html lang>`. */
import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage, LANGUAGES, setLanguage, type Language } from '../i18n/index.ts';

const NAMES: Record<Language, string> = { en: 'English', es: 'Español' };

export function LanguageSwitch() {
  const { t } = useTranslation();
  return (
    <NativeSelect
      aria-label={t('frame.language')}
      value={currentLanguage()}
      onChange={(event) => void setLanguage(event.currentTarget.value as Language)}
      size="xs"
      data={LANGUAGES.map((language) => ({ value: language, label: NAMES[language] }))}
    />
  );
}
