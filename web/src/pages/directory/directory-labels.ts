/**
 * Words of the directory in the active language: vocabulary labels, capacity with its freshness, and
 * one plain sentence for every match reason code (fits, warnings, conflicts), filled from the reason's
 * params. An unknown code falls back to the server's English message rather than showing a code.
 */
import { useTranslation } from 'react-i18next';
import {
  ACCESSIBILITY_FEATURES,
  CONFLICT_CODES,
  FIT_CODES,
  GENDERS,
  INSURANCE_KINDS,
  MEDICATIONS,
  OTHER_NEEDS,
  SERVICE_KINDS,
  WARNING_CODES,
  type CapacityView,
  type EffectiveCapacityStatus,
  type MatchItem,
  type Reason,
} from '../../api/directory.ts';

const known = <T extends string>(list: readonly T[], code: unknown): code is T =>
  typeof code === 'string' && list.includes(code as T);

export const CAPACITY_COLORS: Record<EffectiveCapacityStatus, string> = {
  accepting: 'teal',
  waitlist: 'yellow',
  not_accepting: 'red',
  assessment_required: 'blue',
  unknown: 'gray',
};

/** Languages offered in the need form; the sentence labels come from `Intl.DisplayNames`. */
export const FORM_LANGUAGES = ['en', 'es', 'ar', 'zh', 'ru', 'uk', 'so', 'vi', 'fr', 'pt'] as const;

type CapacityLike = Pick<CapacityView, 'status' | 'freshness' | 'ageDays' | 'expectedWaitDays'>;

export function useDirectoryLabels() {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  let languageNames: Intl.DisplayNames | undefined;
  try {
    languageNames = new Intl.DisplayNames([locale], { type: 'language' });
  } catch {
    languageNames = undefined;
  }
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });

  const kind = (code: string) => (known(SERVICE_KINDS, code) ? t(`directory.vocab.kind.${code}`) : code);
  const medication = (code: string) =>
    known(MEDICATIONS, code) ? t(`directory.vocab.medication.${code}`) : code;
  const medicationInSentence = (code: unknown) =>
    known(MEDICATIONS, code) ? t(`directory.vocab.medicationInSentence.${code}`) : String(code ?? '');
  const needInSentence = (code: unknown) =>
    known(OTHER_NEEDS, code) ? t(`directory.vocab.otherNeedInSentence.${code}`) : String(code ?? '');
  const insurance = (code: unknown) =>
    known(INSURANCE_KINDS, code) ? t(`directory.vocab.insurance.${code}`) : String(code ?? '');
  const feature = (code: unknown) =>
    known(ACCESSIBILITY_FEATURES, code) ? t(`directory.vocab.accessibility.${code}`) : String(code ?? '');
  const language = (tag: unknown) => {
    const code = String(tag ?? '');
    if (!code) return '';
    try {
      return languageNames?.of(code) ?? code;
    } catch {
      return code;
    }
  };
  const gendersInSentence = (served: unknown) =>
    String(served ?? '')
      .split(',')
      .map((g) => g.trim())
      .filter(Boolean)
      .map((g) => (known(GENDERS, g) ? t(`directory.vocab.genderInSentence.${g}`) : g))
      .join(', ');
  const ageAgo = (days: number | string | undefined) => {
    const n = typeof days === 'number' ? days : Number(days);
    if (days === undefined || days === '' || !Number.isFinite(n)) return '—';
    return n <= 0 ? t('directory.age.today') : t('directory.age.days', { count: n });
  };
  const ageRange = (min: unknown, max: unknown) => {
    const hasMin = min !== undefined && min !== '';
    const hasMax = max !== undefined && max !== '';
    if (hasMin && hasMax) return t('directory.reasons.ageRange.between', { min, max });
    if (hasMin) return t('directory.reasons.ageRange.min', { min });
    return t('directory.reasons.ageRange.max', { max });
  };
  const capacityStatus = (status: EffectiveCapacityStatus) => t(`directory.capacity.status.${status}`);

  /** The badge text: the status with its age, or why it is unknown. */
  const capacity = (c: CapacityLike) => {
    if (c.status === 'unknown') {
      if (c.freshness === 'stale') return t('directory.capacity.staleBadge', { age: ageAgo(c.ageDays) });
      if (c.freshness === 'future_dated') return t('directory.capacity.futureBadge');
      return t('directory.capacity.missingBadge');
    }
    return t('directory.capacity.freshBadge', { status: capacityStatus(c.status), age: ageAgo(c.ageDays) });
  };

  const insuranceWithPlan = (p: Record<string, string | number>) => {
    const label = insurance(p.insurance);
    return p.plan ? `${label} (${String(p.plan)})` : label;
  };

  /** One sentence for a reason; `item` adds what the params do not carry (capacity age, service kind). */
  function reason(
    kindOf: 'fit' | 'warning' | 'conflict',
    r: Reason,
    item?: Pick<MatchItem, 'capacity' | 'service'>,
  ) {
    const p = r.params ?? {};
    const medicationName = medicationInSentence(p.medication);
    if (kindOf === 'fit' && known(FIT_CODES, r.code)) {
      switch (r.code) {
        case 'offers_medication':
          return t('directory.reasons.fit.offers_medication', {
            verb:
              p.phase === 'start' ? t('directory.reasons.verb.start') : t('directory.reasons.verb.continue'),
            medication: medicationName,
          });
        case 'offers_need':
          return t('directory.reasons.fit.offers_need', { need: needInSentence(p.need) });
        case 'accepts_current_medication':
          return t('directory.reasons.fit.accepts_current_medication', { medication: medicationName });
        case 'capacity_accepting':
          return t('directory.reasons.fit.capacity_accepting', { age: ageAgo(p.ageDays) });
        case 'opens_in_window':
          return t('directory.reasons.fit.opens_in_window', { at: String(p.at ?? '') });
        case 'insurance_accepted':
          return t('directory.reasons.fit.insurance_accepted', { insurance: insuranceWithPlan(p) });
        case 'language_offered':
          return t('directory.reasons.fit.language_offered', { language: language(p.language) });
        case 'harm_reduction_supportive':
        case 'in_service_area':
        case 'next_day_intake':
        case 'same_day_intake':
        case 'telehealth':
        case 'uninsured_low_cost':
        case 'walk_in':
          return t(`directory.reasons.fit.${r.code}`);
      }
    }
    if (kindOf === 'warning' && known(WARNING_CODES, r.code)) {
      switch (r.code) {
        case 'capacity_unknown': {
          const freshness = item?.capacity.freshness ?? p.freshness;
          const detail =
            freshness === 'stale'
              ? t('directory.reasons.capacityDetail.stale', { age: ageAgo(item?.capacity.ageDays) })
              : freshness === 'future_dated'
                ? t('directory.reasons.capacityDetail.future_dated')
                : t('directory.reasons.capacityDetail.missing');
          return t('directory.reasons.warning.capacity_unknown', { detail });
        }
        case 'waitlist': {
          const days = Number(p.expectedWaitDays);
          return p.expectedWaitDays !== undefined && p.expectedWaitDays !== '' && Number.isFinite(days)
            ? t('directory.reasons.waitlistDays', { count: days })
            : t('directory.reasons.warning.waitlist');
        }
        case 'far_away':
          return t('directory.reasons.warning.far_away', { distance: numbers.format(Number(p.distanceKm)) });
        case 'closed_on_discharge_date':
          return t('directory.reasons.warning.closed_on_discharge_date', { date: String(p.date ?? '') });
        case 'insurance_plan_unconfirmed':
          return t('directory.reasons.warning.insurance_plan_unconfirmed', {
            insurance: insurance(p.insurance),
          });
        case 'language_unconfirmed':
        case 'language_via_interpreter':
          return t(`directory.reasons.warning.${r.code}`, { language: language(p.language) });
        case 'age_unconfirmed':
          return t('directory.reasons.warning.age_unconfirmed', { range: ageRange(p.minAge, p.maxAge) });
        case 'gender_unconfirmed':
          return t('directory.reasons.warning.gender_unconfirmed', { genders: gendersInSentence(p.served) });
        case 'abstinence_only_stance':
        case 'appointment_only':
        case 'assessment_required':
        case 'hours_unknown':
        case 'insurance_unconfirmed':
        case 'location_unknown':
        case 'outside_service_area':
        case 'requires_insurance':
        case 'requires_photo_id':
        case 'requires_provider_referral':
        case 'service_area_unconfirmed':
        case 'uninsured_full_fee':
          return t(`directory.reasons.warning.${r.code}`);
      }
    }
    if (kindOf === 'conflict' && known(CONFLICT_CODES, r.code)) {
      switch (r.code) {
        case 'need_not_offered':
          return t('directory.reasons.conflict.need_not_offered', { need: needInSentence(p.need) });
        case 'medication_not_offered':
          if (p.medication === 'methadone' && item && item.service.kind !== 'otp') {
            return t('directory.reasons.methadoneOnlyAtOtp');
          }
          return t('directory.reasons.conflict.medication_not_offered', {
            phase:
              p.phase === 'start'
                ? t('directory.reasons.phaseInSentence.start')
                : t('directory.reasons.phaseInSentence.continue'),
            medication: medicationName,
          });
        case 'medication_not_accepted':
          return t('directory.reasons.conflict.medication_not_accepted', { medication: medicationName });
        case 'not_accepting':
          return t('directory.reasons.conflict.not_accepting', { age: ageAgo(p.ageDays) });
        case 'closed_during_window':
          return t('directory.reasons.conflict.closed_during_window', {
            from: String(p.from ?? ''),
            to: String(p.to ?? ''),
          });
        case 'insurance_not_accepted':
          return t('directory.reasons.conflict.insurance_not_accepted', { insurance: insuranceWithPlan(p) });
        case 'age_not_eligible':
          return t('directory.reasons.conflict.age_not_eligible', { range: ageRange(p.minAge, p.maxAge) });
        case 'gender_not_eligible':
          return t('directory.reasons.conflict.gender_not_eligible', {
            genders: gendersInSentence(p.served),
          });
        case 'language_not_offered':
          return t('directory.reasons.conflict.language_not_offered', { language: language(p.language) });
        case 'accessibility_not_met':
          return t('directory.reasons.conflict.accessibility_not_met', { feature: feature(p.feature) });
        case 'requires_abstinence':
        case 'requires_insurance':
        case 'requires_negative_drug_screen':
        case 'requires_photo_id':
          return t(`directory.reasons.conflict.${r.code}`);
      }
    }
    return t('directory.reasons.unknownCode', { message: r.message });
  }

  return {
    kind,
    medication,
    insurance,
    feature,
    language,
    ageAgo,
    capacity,
    capacityStatus,
    distance: (km: number) => numbers.format(km),
    reason,
  };
}

export type DirectoryLabels = ReturnType<typeof useDirectoryLabels>;
