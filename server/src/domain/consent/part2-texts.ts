/**
 * The 42 CFR Part 2 texts Handoff prints and shows, kept as versioned, reviewed configuration
 * (`server/config/part2-texts.json`; P12 in `../shared/design/part2-privacy.md`): the §2.32 statements
 * word for word, and per language the fixed wording of a consent form and of the disclosure reports,
 * including the words for every code. This module only describes and checks that document; reading the
 * file is the caller's job. A missing or empty text is refused, so a disclosure never goes out without
 * its notice (fail closed).
 */
import { z } from 'zod';
import {
  CONSENT_TYPES,
  DATA_CATEGORIES,
  RECIPIENT_KINDS,
  REQUEST_PURPOSES,
  SIGNATURE_METHODS,
  SIGNER_CAPACITIES,
} from './vocabulary.ts';
import type { ConsentState } from './views.ts';

const text = z
  .string({ error: (issue) => (issue.input === undefined ? 'is missing' : 'must be text') })
  .refine((value) => value.trim() !== '', { error: 'must not be empty' });

const isoDate = text.refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value), {
  error: 'must be a date (YYYY-MM-DD)',
});

/** An object whose keys are all required, non-empty texts. */
const texts = <const K extends string>(keys: readonly K[]) =>
  z.object(Object.fromEntries(keys.map((key) => [key, text])) as Record<K, typeof text>);

const CONSENT_STATES = [
  'active',
  'revoked',
  'expired',
  'suspended',
  'entered_in_error',
] as const satisfies readonly ConsentState[];

const consentFormTexts = z.object({
  title: text,
  subtitle: text,
  intro: text,
  /** Section headings: one per §2.31(a) element (1–10), plus the other sections of the form. */
  headings: texts([
    'patient',
    'discloser',
    'information',
    'recipients',
    'purpose',
    'revocation',
    'expiration',
    'signature',
    'date',
    'tpoStatements',
    'counselingNotes',
    'notice',
    'record',
  ]),
  labels: texts([
    'name',
    'birthDate',
    'organization',
    'consentType',
    'categories',
    'description',
    'purposes',
    'recipientKind',
    'revokedOn',
    'howToRevoke',
    'expiresOn',
    'expiryEvent',
    'expiryEventOn',
    'signerName',
    'capacity',
    'authority',
    'signatureMethod',
    'signedOn',
    'consentId',
    'state',
    'noticeVersion',
    'recordedAt',
    'recordedBy',
    'revokedAt',
    'suspendedAt',
    'generatedAt',
    'none',
    /** "Page {n} of {m}". */
    'page',
  ]),
  /** Statements the form carries, in the regulation's words where it prescribes them (see `provenance`). */
  statements: texts([
    'revoke',
    'tpoPurpose',
    'tpoRecipients',
    'tpoRedisclosure',
    'tpoConsequences',
    'hipaaRedisclosure',
    'fundraising',
    'counselingNotesCombination',
    'counselingNotesNoConditioning',
    'intermediary',
    'intermediaryList',
    'signatureCapacity',
  ]),
  /** Prompts of the fillable paper form. */
  blank: texts([
    'instructions',
    'informationHint',
    'recipientsHint',
    'purposeHint',
    'revokeHow',
    'expirationHint',
    'refusalConsequences',
    'signatureLine',
    'printedNameLine',
    'capacityLine',
    'authorityLine',
    'dateLine',
  ]),
  /** Accounting of disclosures (§2.25) and the intermediary list (§2.24). */
  report: texts([
    'title',
    'intermediaryTitle',
    'basis',
    'intermediaryBasis',
    'patient',
    'holder',
    'period',
    /** "{from} to {to}". */
    'periodRange',
    'generatedAt',
    'user',
    'generalDesignation',
    'emergency',
    'empty',
  ]).extend({
    columns: texts(['date', 'recipient', 'description', 'purpose', 'consent']),
  }),
  /** Words for the stored codes (`vocabulary.ts`). */
  codes: z.object({
    purposes: texts(REQUEST_PURPOSES),
    categories: texts(DATA_CATEGORIES),
    consentTypes: texts(CONSENT_TYPES),
    states: texts(CONSENT_STATES),
    recipientKinds: texts(RECIPIENT_KINDS),
    signatureMethods: texts(SIGNATURE_METHODS),
    capacities: texts(SIGNER_CAPACITIES),
  }),
});

export const part2TextsSchema = z.object({
  /** Recorded with each consent (P18), e.g. "2026-11-30.1". */
  version: text.refine((value) => /^\d{4}-\d{2}-\d{2}\.\d+$/.test(value), {
    error: 'must look like YYYY-MM-DD.n',
  }),
  reviewed: z.object({ on: isoDate, by: text, status: text }),
  sources: z.array(text).min(1, { error: 'must list at least one source' }),
  /** Which passages were compared with a dated copy of eCFR and which were not. */
  provenance: z
    .array(
      z.object({
        key: text,
        part: text,
        status: z.enum(['checked', 'unverified', 'handoff-wording', 'translation']),
        source: text.optional(),
      }),
    )
    .min(1, { error: 'must say which texts are checked and which unverified' }),
  /** §2.32(a)(1) Statement 1, verbatim; "\n" separates its paragraphs. */
  statement1: text,
  /** §2.32(a)(2) Statement 2, verbatim. */
  statement2: text,
  consentForm: z.object({
    en: consentFormTexts,
    es: consentFormTexts.extend({
      /** Spanish translations printed after the official English statements. */
      courtesyTranslation: z.object({ label: text, statement1: text, statement2: text }),
    }),
  }),
});

export type Part2Texts = z.infer<typeof part2TextsSchema>;
export type ConsentFormTexts = z.infer<typeof consentFormTexts>;

/** Checks parsed JSON against the schema; throws an Error that names every missing or empty text. */
export function parsePart2Texts(json: unknown): Part2Texts {
  const result = part2TextsSchema.safeParse(json);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(document)'} ${issue.message}`,
  );
  throw new Error(`Invalid Part 2 notice texts: ${problems.join('; ')}`);
}
