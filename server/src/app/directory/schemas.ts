/**
 * Input schemas of the directory: a service as a partner writes it, a capacity report, and a match
 * request. REST validates with these (and publishes them in OpenAPI); CSV and HSDS imports validate each
 * row with the same `serviceInput`, so a service is held to one standard however it arrives.
 *
 * Strictness choices, written down:
 * - Intake hours and holidays must parse and the time zone must be a real IANA zone (`scheduleProblems`):
 *   a service whose hours cannot be read would otherwise silently never match a discharge window.
 * - Methadone start/continue on a service that is not an OTP is refused on write (only an OTP may
 *   dispense it); matching also ignores such a claim in data written before this rule.
 * - Age bounds: 0–120 and min ≤ max. Languages are BCP 47-like tags, stored lower-case.
 */
import { z } from 'zod';
import { normalizeZip, scheduleProblems } from '../../domain/directory/index.ts';
import {
  ACCESSIBILITY_FEATURES,
  ACKNOWLEDGEMENT_UNITS,
  CAPACITY_STATUSES,
  GENDERS,
  HARM_REDUCTION_STANCES,
  INSURANCE_KINDS,
  INTAKE_PREREQUISITES,
  MEDICATION_PHASES,
  MEDICATIONS,
  OTHER_NEEDS,
  SERVICE_KINDS,
  UNINSURED_TERMS,
  WEEKDAYS,
} from '../../domain/directory/vocabulary.ts';

/** HSDS 3.0 service statuses. Only `active` services are matched. */
export const SERVICE_STATUSES = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

const medicationPolicy = z.strictObject({
  start: z.boolean(),
  continue: z.boolean(),
  acceptsCurrent: z.boolean(),
});

const planAcceptance = z.union([z.literal('all'), z.array(text(100)).min(1).max(50)]);

const languageTag = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en or es-MX')
  .transform((tag) => tag.toLowerCase());

const zip = z
  .string()
  .trim()
  .refine((value) => normalizeZip(value) !== undefined, 'must be a US ZIP code');

export const servicePolicies = z.strictObject({
  harmReduction: z.enum(HARM_REDUCTION_STANCES),
  prerequisites: z.array(z.enum(INTAKE_PREREQUISITES)).max(INTAKE_PREREQUISITES.length),
  walkIn: z.boolean(),
  sameDayIntake: z.boolean(),
  nextDayIntake: z.boolean(),
  telehealth: z.boolean(),
});

export const serviceEligibility = z
  .strictObject({
    minAge: z.number().int().min(0).max(120).optional(),
    maxAge: z.number().int().min(0).max(120).optional(),
    genders: z.union([z.literal('any'), z.array(z.enum(GENDERS)).min(1).max(GENDERS.length)]),
    insurance: z
      .strictObject({
        medicaid: planAcceptance.optional(),
        medicare: planAcceptance.optional(),
        commercial: planAcceptance.optional(),
        uninsured: z.enum(UNINSURED_TERMS).optional(),
      })
      .optional(),
    languages: z.array(languageTag).max(40),
    accessibility: z.array(z.enum(ACCESSIBILITY_FEATURES)).max(ACCESSIBILITY_FEATURES.length),
  })
  .refine((e) => e.minAge === undefined || e.maxAge === undefined || e.minAge <= e.maxAge, {
    message: 'minAge must not exceed maxAge',
    path: ['maxAge'],
  });

export const serviceLocation = z.strictObject({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  serviceArea: z
    .strictObject({
      radiusKm: z.number().positive().max(2000).optional(),
      zips: z.array(zip).max(500).optional(),
    })
    .optional(),
});

const weeklyHours = z.partialRecord(z.enum(WEEKDAYS), z.array(z.string().max(11)).max(6));

const serviceFields = z.strictObject({
  siteId: z.uuid(),
  name: text(200),
  description: optionalText(4000),
  kind: z.enum(SERVICE_KINDS),
  status: z.enum(SERVICE_STATUSES).default('active'),
  medications: z.strictObject({
    buprenorphine: medicationPolicy,
    methadone: medicationPolicy,
    naltrexone_xr: medicationPolicy,
  }),
  policies: servicePolicies,
  eligibility: serviceEligibility,
  /** Absent or null: the site's coordinates, when the site has them. */
  location: serviceLocation.nullable().optional(),
  /** Absent: the site's time zone, else the network's. */
  timezone: z.string().min(1).max(64).optional(),
  /** Null or absent: intake hours not published (unknown); `{}`: never open. */
  intakeHours: weeklyHours.nullable().optional(),
  holidays: z.array(z.string().max(10)).max(366).default([]),
  acknowledgement: z
    .strictObject({ amount: z.number().int().min(1).max(1000), unit: z.enum(ACKNOWLEDGEMENT_UNITS) })
    .nullable()
    .optional(),
  referralChannel: optionalText(500),
  phone: optionalText(40),
  email: z.email().max(200).nullable().optional(),
  url: z.url().max(500).nullable().optional(),
});

/** Rules that span fields: the schedule must be readable, methadone only at an OTP. */
function checkService(
  ctx: z.core.$RefinementCtx<z.output<typeof serviceFields>>,
  value: z.output<typeof serviceFields>,
) {
  if (value.kind !== 'otp' && (value.medications.methadone.start || value.medications.methadone.continue)) {
    ctx.addIssue({
      code: 'custom',
      path: ['medications', 'methadone'],
      message: 'only an opioid treatment program (kind otp) can start or continue methadone',
    });
  }
  const problems = scheduleProblems({
    timezone: value.timezone ?? 'UTC',
    intakeHours: value.intakeHours ?? undefined,
    holidays: value.holidays,
  });
  for (const problem of problems) ctx.addIssue({ code: 'custom', path: ['intakeHours'], message: problem });
}

/** A service as written with `PUT /services/{id}`. */
export const serviceInput = serviceFields.superRefine((value, ctx) => checkService(ctx, value));
export type ServiceInput = z.output<typeof serviceInput>;

/** A new service (`POST /services`): the same, plus the owning organization. */
export const createServiceInput = serviceFields
  .extend({ organizationId: z.uuid() })
  .superRefine((value, ctx) => checkService(ctx, value));
export type CreateServiceInput = z.output<typeof createServiceInput>;

export const capacityInput = z
  .strictObject({
    status: z.enum(CAPACITY_STATUSES),
    /** Only with `waitlist`: the expected wait, in days. */
    expectedWaitDays: z.number().int().min(0).max(365).optional(),
  })
  .refine((c) => c.expectedWaitDays === undefined || c.status === 'waitlist', {
    message: 'expectedWaitDays is only for the waitlist status',
    path: ['expectedWaitDays'],
  });
export type CapacityInput = z.output<typeof capacityInput>;

const isoInstant = z.iso.datetime({ offset: true }).transform((value) => new Date(value));

export const matchInput = z
  .strictObject({
    medication: z.strictObject({ name: z.enum(MEDICATIONS), phase: z.enum(MEDICATION_PHASES) }).optional(),
    insurance: z
      .array(z.strictObject({ kind: z.enum(INSURANCE_KINDS), plan: text(100).optional() }))
      .max(4)
      .optional(),
    /** One of: `{zip}`, `{lat, lon}`, or `{address, zip?, lat?, lon?}`. Resolved offline. */
    home: z
      .strictObject({
        zip: z.string().trim().max(10).optional(),
        address: text(300).optional(),
        lat: z.number().optional(),
        lon: z.number().optional(),
      })
      .optional(),
    language: languageTag.optional(),
    age: z.number().int().min(0).max(120).optional(),
    gender: z.enum(GENDERS).optional(),
    otherNeeds: z.array(z.enum(OTHER_NEEDS)).max(OTHER_NEEDS.length).optional(),
    accessibility: z.array(z.enum(ACCESSIBILITY_FEATURES)).max(ACCESSIBILITY_FEATURES.length).optional(),
    prerequisites: z.partialRecord(z.enum(INTAKE_PREREQUISITES), z.boolean()).optional(),
    /** Intake wanted from `from` (e.g. the expected discharge) until `to`, or `withinHours` after `from`. */
    intakeWindow: z
      .strictObject({
        from: isoInstant,
        to: isoInstant.optional(),
        withinHours: z
          .number()
          .positive()
          .max(24 * 30)
          .optional(),
      })
      .refine((w) => !(w.to && w.withinHours), { message: 'give either to or withinHours, not both' })
      .refine((w) => !w.to || w.to > w.from, { message: 'to must be after from', path: ['to'] })
      .optional(),
    includeConflicts: z.boolean().default(false),
    limit: z.number().int().min(1).max(200).default(20),
  })
  .refine((m) => m.medication || (m.otherNeeds?.length ?? 0) > 0, {
    message: 'state a medication or at least one other need',
    path: ['medication'],
  });
export type MatchInput = z.output<typeof matchInput>;
