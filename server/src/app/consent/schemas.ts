/**
 * Input schemas of consent capture, revocation, restrictions, emergency access and the accounting report.
 * The consent body is deliberately lenient about the §2.31 elements (they default to empty): a missing
 * element is answered by the domain check with 422 and a list naming every missing element, not by a 400.
 * Wrong types and unknown fields are still 400.
 */
import { z } from 'zod';
import {
  CONSENT_LANGUAGES,
  CONSENT_PURPOSES,
  CONSENT_TYPES,
  DATA_CATEGORIES,
  MAX_SIGNATURE_BYTES,
  RECIPIENT_KINDS,
  RESTRICTION_TERMINATION_BASES,
  SIGNATURE_FILE_TYPES,
  SIGNATURE_METHODS,
  SIGNER_CAPACITIES,
  TPO_PURPOSES,
  WRITTEN_REQUEST_METHODS,
} from '../../domain/consent/vocabulary.ts';

const day = z.iso.date();
const words = (max: number) => z.string().trim().max(max).default('');
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const recordConsentInput = z.strictObject({
  type: z.enum(CONSENT_TYPES),
  /** Element 3, in words ("specific and meaningful"). */
  information: words(2000),
  categories: z.array(z.enum(DATA_CATEGORIES)).max(DATA_CATEGORIES.length).default([]),
  recipients: z
    .array(
      z.strictObject({
        kind: z.enum(RECIPIENT_KINDS),
        organizationId: z.uuid().nullable().optional(),
        description: optionalText(500),
      }),
    )
    .max(25)
    .default([]),
  purposes: z.array(z.enum(CONSENT_PURPOSES)).max(CONSENT_PURPOSES.length).default([]),
  purposeDescription: words(1000),
  revocationAcknowledged: z.boolean().default(false),
  revocationHow: words(1000),
  /** Last day the consent is valid. */
  expiresOn: day.nullable().default(null),
  /** An expiry event instead, e.g. "end of treatment" (or "none" for a TPO consent). */
  expiryEvent: z.string().trim().max(300).nullable().default(null),
  signature: z
    .strictObject({
      method: z.enum(SIGNATURE_METHODS),
      signerName: words(200),
      capacity: z.enum(SIGNER_CAPACITIES).default('patient'),
      authority: optionalText(300),
      /** The drawn signature or the scanned paper form. */
      image: z
        .strictObject({
          contentType: z.enum(SIGNATURE_FILE_TYPES),
          data: z.base64().max(Math.ceil(MAX_SIGNATURE_BYTES / 3) * 4, 'larger than 600 kB'),
        })
        .nullable()
        .optional(),
    })
    .nullable()
    .default(null),
  signedOn: day.nullable().default(null),
  redisclosureStatement: z.boolean().default(false),
  refusalConsequences: z.string().trim().max(1000).nullable().default(null),
  hipaaRedisclosureStatement: z.boolean().default(false),
  programFundraises: z.boolean().default(false),
  fundraisingOptOutStatement: z.boolean().default(false),
  intermediary: z.boolean().default(false),
  language: z.enum(CONSENT_LANGUAGES).default('en'),
});
export type RecordConsentInput = z.output<typeof recordConsentInput>;

/** Revocation is in writing (P10): the written request is described; absent recipients mean the whole consent. */
export const revokeConsentInput = z.strictObject({
  recipientIds: z.array(z.uuid()).min(1).max(25).optional(),
  writtenRequest: z.strictObject({
    method: z.enum(WRITTEN_REQUEST_METHODS),
    receivedOn: day,
    note: optionalText(1000),
  }),
});
export type RevokeConsentInput = z.output<typeof revokeConsentInput>;

export const suspectConsentInput = z.strictObject({ reason: z.string().trim().min(1).max(1000) });
export const expiryEventInput = z.strictObject({ occurredOn: day });

export const restrictionInput = z
  .strictObject({
    description: z.string().trim().min(1).max(1000),
    /** The recipient restricted; null: every recipient. */
    organizationId: z.uuid().nullable().default(null),
    purposes: z
      .array(z.enum(CONSENT_PURPOSES))
      .min(1)
      .refine((ps) => ps.every((p) => TPO_PURPOSES.includes(p)), {
        message: 'restrictions cover treatment, payment and health care operations (§2.26)',
      }),
    receivedOn: day,
    decision: z.enum(['agreed', 'declined']),
    /** §2.26(a)(6): paid in full, restriction of disclosure to a health plan — cannot be declined. */
    paidInFull: z.boolean().default(false),
    itemOrService: optionalText(300),
    paidBy: optionalText(200),
  })
  .refine((r) => !(r.paidInFull && r.decision === 'declined'), {
    message: 'a paid-in-full restriction on disclosure to a health plan must be agreed (§2.26(a)(6))',
    path: ['decision'],
  })
  .refine((r) => !r.paidInFull || (r.itemOrService && r.paidBy), {
    message: 'a paid-in-full restriction records the item or service and who paid',
    path: ['itemOrService'],
  });
export type RestrictionInput = z.output<typeof restrictionInput>;

export const emergencyAccessInput = z.strictObject({
  /** §2.51(c)(1): the medical personnel receiving the information and their health care facility. */
  recipientName: z.string().trim().min(1).max(200),
  recipientAffiliation: z.string().trim().min(1).max(200),
  /** §2.51(c)(4): the nature of the emergency. */
  nature: z.string().trim().min(1).max(2000),
  /** §2.51(a)(1): the patient's prior written consent cannot be obtained. */
  consentUnobtainable: z.literal(true),
});
export type EmergencyAccessInput = z.output<typeof emergencyAccessInput>;

export const disclosureReportQuery = z.strictObject({
  format: z.enum(['json', 'csv', 'pdf']).default('json'),
  /** First day of the period; default three years before today (§2.25). */
  from: day.optional(),
  to: day.optional(),
  /** `intermediary`: only disclosures made under a general designation (§2.24). */
  kind: z.enum(['all', 'intermediary']).default('all'),
});
export type DisclosureReportQuery = z.output<typeof disclosureReportQuery>;

export const terminateRestrictionInput = z.strictObject({
  basis: z.enum(RESTRICTION_TERMINATION_BASES),
  /** The written request, or who documented the oral agreement and when. */
  note: z.string().trim().min(1).max(1000),
});

export const listRequestInput = z.strictObject({
  /** The day the patient's written request was received (§2.24(a)(1)); due 30 days later. */
  receivedOn: day,
  note: optionalText(1000),
});
