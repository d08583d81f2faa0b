/** Input schemas of patient registration and search (REST validates with these and publishes them in OpenAPI). */
import { z } from 'zod';
import { ADMINISTRATIVE_SEXES, INSURANCE_KINDS, PHONE_USES } from '../../domain/patients/vocabulary.ts';
import { REQUEST_PURPOSES } from '../../domain/consent/vocabulary.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const phoneInput = z.strictObject({
  number: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ().-]{7,25}$/, 'must be a phone number (digits, spaces, + ( ) . -)'),
  use: z.enum(PHONE_USES).default('mobile'),
  /** Safe contact: may we leave a voicemail on this number? */
  voicemailOk: z.boolean().default(false),
  /** Safe contact: may we send text messages to this number? */
  textOk: z.boolean().default(false),
});

export const addressInput = z.strictObject({
  street: text(200),
  city: text(100),
  state: z
    .string()
    .trim()
    .regex(/^[A-Z]{2}$/, 'must be a two-letter state code'),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{5}(-\d{4})?$/, 'must be a ZIP code'),
});

export const registerPatientInput = z.strictObject({
  givenName: text(100),
  familyName: text(100),
  birthDate: z.iso.date(),
  sex: z.enum(ADMINISTRATIVE_SEXES),
  genderIdentity: optionalText(100),
  /** The registering organization's medical record number. */
  mrn: optionalText(64),
  phones: z.array(phoneInput).max(5).default([]),
  address: addressInput.nullable().optional(),
  /** No fixed address; then `address` must be absent. */
  unhoused: z.boolean().default(false),
  /** BCP 47 language tag, e.g. `en`, `es`, `pt-BR`. */
  preferredLanguage: z
    .string()
    .trim()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en or es')
    .default('en'),
  insurance: z
    .strictObject({
      kind: z.enum(INSURANCE_KINDS),
      payerName: optionalText(200),
      memberId: optionalText(64),
    })
    .nullable()
    .optional(),
  /** Register even though patients with the same name and date of birth exist in this organization. */
  confirmNotDuplicate: z.boolean().default(false),
});
export type RegisterPatientInput = z.output<typeof registerPatientInput>;

export const searchPatientsQuery = z.strictObject({
  /** Name words (given and/or family, any order) or an MRN. Empty: the patients the organization can see. */
  q: z.string().trim().max(200).default(''),
  birthDate: z.iso.date().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type SearchPatientsQuery = z.output<typeof searchPatientsQuery>;

/** Purpose of use of a read (v3-ActReason); `TREAT` unless stated. `ETREAT` needs an emergency access. */
export const purposeQuery = z.strictObject({
  purpose: z.enum(REQUEST_PURPOSES).exclude(['HLEGAL']).default('TREAT'),
});
