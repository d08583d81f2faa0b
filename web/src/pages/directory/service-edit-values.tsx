/**
 * The service edit form's values: every writable field of a service as the form holds it (text as
 * typed, lists as chosen), read from a service view and turned back into the `PUT /services/{id}` body
 * (`serviceInput` in `server/src/app/directory/schemas.ts`). The server validates; this only converts.
 * Facts the form does not show (site, location) travel back unchanged.
 */
import {
  WEEKDAYS,
  type AccessibilityFeature,
  type AcknowledgementUnit,
  type Gender,
  type HarmReductionStance,
  type IntakePrerequisite,
  type Medication,
  type MedicationPolicy,
  type PlanAcceptance,
  type Service,
  type ServiceEligibility,
  type ServiceKind,
  type ServiceStatus,
  type UninsuredTerms,
  type Weekday,
  type WeeklyHours,
} from '../../api/directory.ts';

/** Insurance a service takes from one kind of payer: none, every plan, or the plans listed. */
export type PlanMode = 'none' | 'all' | 'some';
export const PLAN_MODES: readonly PlanMode[] = ['none', 'all', 'some'];
export const PAYERS = ['medicaid', 'medicare', 'commercial'] as const;
export type Payer = (typeof PAYERS)[number];

export interface ServiceFormValues {
  name: string;
  description: string;
  kind: ServiceKind;
  status: ServiceStatus;
  medications: Record<Medication, MedicationPolicy>;
  harmReduction: HarmReductionStance;
  prerequisites: IntakePrerequisite[];
  walkIn: boolean;
  sameDayIntake: boolean;
  nextDayIntake: boolean;
  telehealth: boolean;
  minAge: string;
  maxAge: string;
  gendersAny: boolean;
  genders: Gender[];
  /** False: the service has not stated which insurance it takes. */
  insuranceStated: boolean;
  plans: Record<Payer, { mode: PlanMode; list: string }>;
  uninsured: UninsuredTerms | '';
  languages: string[];
  accessibility: AccessibilityFeature[];
  /** False: intake hours are not published. */
  hoursPublished: boolean;
  /** Per weekday, ranges separated by `;` (e.g. `08:00-12:00;13:00-16:00`); empty when closed. */
  hours: Record<Weekday, string>;
  timezone: string;
  /** Dates (YYYY-MM-DD) separated by commas. */
  holidays: string;
  referralChannel: string;
  acknowledgementAmount: string;
  acknowledgementUnit: AcknowledgementUnit | '';
  phone: string;
  email: string;
  url: string;
}

const planOf = (value: PlanAcceptance | undefined): { mode: PlanMode; list: string } =>
  value === undefined
    ? { mode: 'none', list: '' }
    : value === 'all'
      ? { mode: 'all', list: '' }
      : { mode: 'some', list: value.join(', ') };

/** The form's values for a service as the API returns it. */
export function formValuesOf(service: Service): ServiceFormValues {
  const e = service.eligibility;
  const hours = Object.fromEntries(
    WEEKDAYS.map((day) => [day, (service.intakeHours?.[day] ?? []).join(';')]),
  ) as Record<Weekday, string>;
  return {
    name: service.name,
    description: service.description ?? '',
    kind: service.kind,
    status: service.status,
    medications: {
      buprenorphine: { ...service.medications.buprenorphine },
      methadone: { ...service.medications.methadone },
      naltrexone_xr: { ...service.medications.naltrexone_xr },
    },
    harmReduction: service.policies.harmReduction,
    prerequisites: [...service.policies.prerequisites],
    walkIn: service.policies.walkIn,
    sameDayIntake: service.policies.sameDayIntake,
    nextDayIntake: service.policies.nextDayIntake,
    telehealth: service.policies.telehealth,
    minAge: e.minAge === undefined ? '' : String(e.minAge),
    maxAge: e.maxAge === undefined ? '' : String(e.maxAge),
    gendersAny: e.genders === 'any',
    genders: e.genders === 'any' ? [] : [...e.genders],
    insuranceStated: e.insurance !== undefined,
    plans: {
      medicaid: planOf(e.insurance?.medicaid),
      medicare: planOf(e.insurance?.medicare),
      commercial: planOf(e.insurance?.commercial),
    },
    uninsured: e.insurance?.uninsured ?? '',
    languages: [...e.languages],
    accessibility: [...e.accessibility],
    hoursPublished: service.intakeHours !== null,
    hours,
    timezone: service.timezone,
    holidays: service.holidays.join(', '),
    referralChannel: service.referralChannel ?? '',
    acknowledgementAmount: service.acknowledgement ? String(service.acknowledgement.amount) : '',
    acknowledgementUnit: service.acknowledgement?.unit ?? '',
    phone: service.phone ?? '',
    email: service.email ?? '',
    url: service.url ?? '',
  };
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** Splits a list typed with commas, semicolons or new lines. */
export const splitList = (value: string): string[] =>
  value
    .split(/[;,\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');

/** A typed number, or the text itself so the server names the problem; undefined when empty. */
function numberOrText(value: string): number | string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : trimmed;
}

function planAcceptanceOf(plan: { mode: PlanMode; list: string }): PlanAcceptance | undefined {
  if (plan.mode === 'all') return 'all';
  if (plan.mode === 'some') return splitList(plan.list);
  return undefined;
}

/** The `PUT /services/{id}` body for the form's values (the service supplies what the form does not show). */
export function serviceInputOf(service: Service, v: ServiceFormValues): Record<string, unknown> {
  const insurance: NonNullable<ServiceEligibility['insurance']> = {};
  for (const payer of PAYERS) {
    const accepted = planAcceptanceOf(v.plans[payer]);
    if (accepted !== undefined) insurance[payer] = accepted;
  }
  if (v.uninsured) insurance.uninsured = v.uninsured;
  const eligibility: Record<string, unknown> = {
    genders: v.gendersAny ? 'any' : v.genders,
    languages: v.languages.map((tag) => tag.trim()).filter((tag) => tag !== ''),
    accessibility: v.accessibility,
  };
  const minAge = numberOrText(v.minAge);
  const maxAge = numberOrText(v.maxAge);
  if (minAge !== undefined) eligibility.minAge = minAge;
  if (maxAge !== undefined) eligibility.maxAge = maxAge;
  if (v.insuranceStated) eligibility.insurance = insurance;

  let intakeHours: WeeklyHours | null = null;
  if (v.hoursPublished) {
    intakeHours = {};
    for (const day of WEEKDAYS) {
      const ranges = splitList(v.hours[day]);
      if (ranges.length > 0) intakeHours[day] = ranges;
    }
  }
  const amount = numberOrText(v.acknowledgementAmount);
  const acknowledgement =
    amount === undefined && !v.acknowledgementUnit
      ? null
      : { amount: amount ?? null, unit: v.acknowledgementUnit || null };

  const input: Record<string, unknown> = {
    siteId: service.siteId,
    name: v.name,
    description: orNull(v.description),
    kind: v.kind,
    status: v.status,
    medications: v.medications,
    policies: {
      harmReduction: v.harmReduction,
      prerequisites: v.prerequisites,
      walkIn: v.walkIn,
      sameDayIntake: v.sameDayIntake,
      nextDayIntake: v.nextDayIntake,
      telehealth: v.telehealth,
    },
    eligibility,
    location: service.location,
    intakeHours,
    holidays: splitList(v.holidays),
    acknowledgement,
    referralChannel: orNull(v.referralChannel),
    phone: orNull(v.phone),
    email: orNull(v.email),
    url: orNull(v.url),
  };
  if (v.timezone.trim() !== '') input.timezone = v.timezone.trim();
  return input;
}

/** The server's field paths each part of the form answers for, so its errors show next to the field. */
export const FIELD_PATHS = {
  name: ['name'],
  description: ['description'],
  kind: ['kind'],
  status: ['status'],
  medications: ['medications'],
  harmReduction: ['policies.harmReduction'],
  prerequisites: ['policies.prerequisites'],
  policyFlags: ['policies.walkIn', 'policies.sameDayIntake', 'policies.nextDayIntake', 'policies.telehealth'],
  minAge: ['eligibility.minAge'],
  maxAge: ['eligibility.maxAge'],
  genders: ['eligibility.genders'],
  medicaid: ['eligibility.insurance.medicaid'],
  medicare: ['eligibility.insurance.medicare'],
  commercial: ['eligibility.insurance.commercial'],
  uninsured: ['eligibility.insurance.uninsured', 'eligibility.insurance'],
  languages: ['eligibility.languages'],
  accessibility: ['eligibility.accessibility'],
  hours: ['intakeHours'],
  timezone: ['timezone'],
  holidays: ['holidays'],
  referralChannel: ['referralChannel'],
  acknowledgementAmount: ['acknowledgement.amount', 'acknowledgement'],
  acknowledgementUnit: ['acknowledgement.unit'],
  phone: ['phone'],
  email: ['email'],
  url: ['url'],
} as const;
export type FormField = keyof typeof FIELD_PATHS;

/** True when the server's field path lies at or under the given path (`a.b` covers `a.b.0` and `a.b[0]`). */
export const pathUnder = (field: string, path: string): boolean =>
  field === path || field.startsWith(`${path}.`) || field.startsWith(`${path}[`);

/** The form field that shows a server error, if any. */
export function formFieldOf(field: string): FormField | undefined {
  // Most specific first: `acknowledgement.unit` before `acknowledgement`.
  let best: { key: FormField; length: number } | undefined;
  for (const [key, paths] of Object.entries(FIELD_PATHS) as [FormField, readonly string[]][]) {
    for (const path of paths) {
      if (pathUnder(field, path) && (!best || path.length > best.length)) best = { key, length: path.length };
    }
  }
  return best?.key;
}
