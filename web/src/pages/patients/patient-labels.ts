/**
 * Words and small rules of the patients area: labels for every code (patient and consent vocabulary),
 * calendar days, lists in plain language ("treatment, payment and health care operations"), the
 * consent summary sentence per recipient, and which patient actions the session's permissions allow.
 */
import { useTranslation } from 'react-i18next';
import {
  CONSENT_ELEMENTS,
  CONSENT_LANGUAGES,
  CONSENT_PURPOSES,
  CONSENT_STATES,
  CONSENT_TYPES,
  DATA_CATEGORIES,
  RECIPIENT_KINDS,
  SIGNATURE_METHODS,
  SIGNER_CAPACITIES,
  WRITTEN_REQUEST_METHODS,
  type ConsentRecipientView,
  type ConsentState,
  type ConsentView,
} from '../../api/consents.ts';
import {
  ACCESS_BASES,
  ADMINISTRATIVE_SEXES,
  INSURANCE_KINDS,
  PHONE_USES,
  type PatientListItem,
} from '../../api/patients.ts';
import { useSession } from '../../session/session-context.ts';

const known = <T extends string>(list: readonly T[], code: unknown): code is T =>
  typeof code === 'string' && list.includes(code as T);

/** Today's local date as `YYYY-MM-DD` (the value of a date input). */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The local date `years` years before `now`, as `YYYY-MM-DD`. */
export function yearsAgoIso(years: number, now = new Date()): string {
  const date = new Date(now);
  date.setFullYear(date.getFullYear() - years);
  return todayIso(date);
}

export const orNull = (value: string) => (value.trim() ? value.trim() : null);

export const fullName = (p: Pick<PatientListItem, 'givenName' | 'familyName'>) =>
  `${p.givenName} ${p.familyName}`;

export const STATE_COLORS: Record<ConsentState, string> = {
  active: 'teal',
  suspended: 'orange',
  expired: 'gray',
  revoked: 'red',
  entered_in_error: 'gray',
};

/** The state one recipient of a consent is in: revoked for them alone, or the consent's own state. */
export const recipientState = (consent: ConsentView, recipient: ConsentRecipientView): ConsentState =>
  recipient.revokedAt && consent.state === 'active' ? 'revoked' : consent.state;

/** Recipients a revocation can still name: those not revoked yet, on a consent that is in force. */
export const revocableRecipients = (consent: ConsentView) =>
  consent.state === 'active' || consent.state === 'suspended'
    ? consent.recipients.filter((r) => !r.revokedAt)
    : [];

/** The expiry event a single TPO consent may name to say it lasts until revoked. */
export const NO_EXPIRY = 'none';

export function usePatientLabels() {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTimes = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const lists = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  let languages: Intl.DisplayNames | undefined;
  try {
    languages = new Intl.DisplayNames([locale], { type: 'language' });
  } catch {
    languages = undefined;
  }
  const day = (value: string | null | undefined) => {
    if (!value) return '—';
    const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? value : dates.format(date);
  };
  const labels = {
    sex: (code: string) => (known(ADMINISTRATIVE_SEXES, code) ? t(`patients.vocab.sex.${code}`) : code),
    phoneUse: (code: string) => (known(PHONE_USES, code) ? t(`patients.vocab.phoneUse.${code}`) : code),
    insuranceKind: (code: string) =>
      known(INSURANCE_KINDS, code) ? t(`patients.vocab.insuranceKind.${code}`) : code,
    access: (code: string) => (known(ACCESS_BASES, code) ? t(`patients.vocab.access.${code}`) : code),
    consentType: (code: string) =>
      known(CONSENT_TYPES, code) ? t(`patients.vocab.consentType.${code}`) : code,
    category: (code: string) => (known(DATA_CATEGORIES, code) ? t(`patients.vocab.category.${code}`) : code),
    purpose: (code: string) =>
      known(CONSENT_PURPOSES, code) || code === 'ETREAT' ? t(`patients.vocab.purpose.${code}`) : code,
    recipientKind: (code: string) =>
      known(RECIPIENT_KINDS, code) ? t(`patients.vocab.recipientKind.${code}`) : code,
    signatureMethod: (code: string) =>
      known(SIGNATURE_METHODS, code) ? t(`patients.vocab.signatureMethod.${code}`) : code,
    capacity: (code: string) =>
      known(SIGNER_CAPACITIES, code) ? t(`patients.vocab.capacity.${code}`) : code,
    consentLanguage: (code: string) =>
      known(CONSENT_LANGUAGES, code) ? t(`patients.vocab.consentLanguage.${code}`) : code,
    state: (code: string) => (known(CONSENT_STATES, code) ? t(`patients.vocab.state.${code}`) : code),
    element: (code: string) => (known(CONSENT_ELEMENTS, code) ? t(`patients.vocab.element.${code}`) : code),
    writtenMethod: (code: string) =>
      known(WRITTEN_REQUEST_METHODS, code) ? t(`patients.vocab.writtenMethod.${code}`) : code,
    /** A BCP 47 tag as a language name in the active language (`es` → "Spanish"). */
    languageName: (tag: string) => {
      try {
        return languages?.of(tag) ?? tag;
      } catch {
        return tag;
      }
    },
    /** A calendar day `YYYY-MM-DD` in the active language (no time zone shift). */
    day,
    dateTime: (value: string | null | undefined) => {
      if (!value) return '—';
      const date = new Date(value);
      return Number.isNaN(date.getTime()) ? value : dateTimes.format(date);
    },
    /** The phrase with its first letter in upper case, for a label standing alone ("Treatment"). */
    capital: (phrase: string) => phrase.charAt(0).toLocaleUpperCase(locale) + phrase.slice(1),
    /** "a, b and c" in the active language. */
    list: (values: readonly string[]) => (values.length ? lists.format(values) : '—'),
    /** "until 12 March 2027", "until the end of treatment", "until revoked". */
    until: (c: { expiresOn: string | null; expiryEvent: string | null }) => {
      if (c.expiresOn) return t('patients.consents.untilDate', { date: day(c.expiresOn) });
      const event = c.expiryEvent?.trim();
      if (!event || event.toLowerCase() === NO_EXPIRY) return t('patients.consents.untilRevoked');
      return t('patients.consents.untilEvent', { event });
    },
  };
  return labels;
}

export type PatientLabels = ReturnType<typeof usePatientLabels>;

/** The name of a consent recipient: the organization, or the class / designation in words. */
export function useRecipientName() {
  const { t } = useTranslation();
  return (r: Pick<ConsentRecipientView, 'kind' | 'organizationName' | 'description'>) => {
    if (r.kind === 'organization') return r.organizationName ?? t('patients.consents.unknownOrganization');
    return r.description ?? '—';
  };
}

/** "<Org> can see <categories> for <purposes> until <date/event>." */
export function useScopeSentence() {
  const { t } = useTranslation();
  const labels = usePatientLabels();
  return (
    recipient: string,
    scope: {
      categories: readonly string[];
      purposes: readonly string[];
      expiresOn: string | null;
      expiryEvent: string | null;
    },
  ) =>
    t('patients.consents.sentence', {
      recipient,
      categories: labels.list(scope.categories.map(labels.category)),
      purposes: labels.list(scope.purposes.map(labels.purpose)),
      until: labels.until(scope),
    });
}

/** What the session's permissions allow in the patients area (the server decides; the UI avoids offering refusals). */
export function usePatientAccess() {
  const session = useSession();
  const can = (permission: string) => session.permissions.includes(permission);
  return {
    canRead: can('patient.read'),
    canRegister: can('patient.register'),
    canRecordConsent: can('consent.record'),
    canRevoke: can('consent.revoke'),
    canReport: can('disclosure.report'),
    canManageRestrictions: can('restriction.manage'),
    canEmergency: can('emergency.access'),
  };
}
