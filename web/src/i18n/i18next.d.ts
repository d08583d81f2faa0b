/** Types translation keys against the English bundle, so a missing key fails the type check. */
import 'i18next';
import type directoryEn from './directory.en.json';
import type en from './en.json';
import type followupEn from './followup.en.json';
import type importsEn from './imports.en.json';
import type partnershipsEn from './partnerships.en.json';
import type patientsEn from './patients.en.json';
import type transitionsEn from './transitions.en.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: typeof en & {
        directory: typeof directoryEn;
        followup: typeof followupEn;
        imports: typeof importsEn;
        partnerships: typeof partnershipsEn;
        patients: typeof patientsEn;
        transitions: typeof transitionsEn;
      };
    };
  }
}
