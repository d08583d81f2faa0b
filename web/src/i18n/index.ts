/**
 * i18next setup: English and Spanish bundled, the choice persisted in localStorage, and the
 * document's `lang` attribute kept in step with the active language. Large areas keep their strings in
 * their own files (`directory.*.json`, `imports.*.json`, `partnerships.*.json`,
 * `patients.*.json`, `transitions.*.json`, `followup.*.json`), mounted under the area's key.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import directoryEn from './directory.en.json';
import directoryEs from './directory.es.json';
import en from './en.json';
import es from './es.json';
import followupEn from './followup.en.json';
import followupEs from './followup.es.json';
import importsEn from './imports.en.json';
import importsEs from './imports.es.json';
import partnershipsEn from './partnerships.en.json';
import partnershipsEs from './partnerships.es.json';
import patientsEn from './patients.en.json';
import patientsEs from './patients.es.json';
import transitionsEn from './transitions.en.json';
import transitionsEs from './transitions.es.json';

export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'handoff.language';

const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);

function initialLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage may be unavailable (private mode); fall back to the browser's language.
  }
  return navigator.language.toLowerCase().startsWith('es') ? 'es' : 'en';
}

/** Switches the UI language and remembers it for the next visit. */
export async function setLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not persisted; the switch still applies to this page.
  }
  await i18n.changeLanguage(language);
}

export const currentLanguage = (): Language =>
  isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

void i18n.use(initReactI18next).init({
  resources: {
    en: {
      translation: {
        ...en,
        directory: directoryEn,
        followup: followupEn,
        imports: importsEn,
        partnerships: partnershipsEn,
        patients: patientsEn,
        transitions: transitionsEn,
      },
    },
    es: {
      translation: {
        ...es,
        directory: directoryEs,
        followup: followupEs,
        imports: importsEs,
        partnerships: partnershipsEs,
        patients: patientsEs,
        transitions: transitionsEs,
      },
    },
  },
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: LANGUAGES,
  interpolation: { escapeValue: false },
  initAsync: false,
});

document.documentElement.lang = currentLanguage();

export default i18n;
