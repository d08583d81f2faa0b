/**
 * How Handoff's directory facts that HSDS 3.0 has no field for travel in HSDS: as `attribute` rows that
 * link a service to a term of one taxonomy of ours, with the fact in `value`. Import and export both read
 * this one table, so the two directions cannot drift; `docs/hsds-mapping.md` is its human-readable form.
 *
 * Facts HSDS does have a field for use that field instead (name, description, status, url, email,
 * minimum_age/maximum_age, languages, phones, schedules, service_areas, service_at_location → location
 * with address and coordinates, organization). Those are mapped in the import and export modules.
 *
 * Term ids are stable strings (`handoff-<code>` with `:` → `-`), so the same term has the same id in every
 * export, and a re-import of our own export recognises it. Values are plain strings: `true`/`false` for
 * flags, a code for enumerations, `all` or `;`-separated plan names for insurance.
 *
 * Strictness on import, written down: a flag whose attribute is missing is `false` (a service claims
 * nothing the data does not say), a missing harm-reduction stance is `unstated`, and a missing gender
 * list means every gender (HSDS data says who is excluded in `eligibility_description`, which we cannot
 * read; we never exclude on a guess).
 */
import {
  ACCESSIBILITY_FEATURES,
  GENDERS,
  HARM_REDUCTION_STANCES,
  INTAKE_PREREQUISITES,
  MEDICATIONS,
  SERVICE_KINDS,
  UNINSURED_TERMS,
  CAPACITY_STATUSES,
} from '../../domain/directory/vocabulary.ts';

/** Our taxonomy, as an HSDS `taxonomy` row. */
export const HANDOFF_TAXONOMY = {
  id: 'handoff-moud-directory',
  name: 'Handoff MOUD directory terms',
  description:
    'Facts a hospital navigator needs to hand a patient on medication for opioid use disorder to a community service: ' +
    'service kind, which medications it starts, continues or accepts, intake policies, eligibility and live capacity.',
  uri: 'urn:handoff:hsds:taxonomy:moud-directory',
  version: '1',
} as const;

/** The `link_type` of an attribute: what the term describes. */
export type TermLinkType =
  | 'service_kind'
  | 'medication'
  | 'policy'
  | 'intake_prerequisite'
  | 'eligibility'
  | 'accessibility'
  | 'referral'
  | 'capacity';

/** What the attribute's `value` holds. */
export type TermValue =
  | { kind: 'none' } // presence is the fact
  | { kind: 'boolean' } // 'true' | 'false'
  | { kind: 'code'; codes: readonly string[] }
  | { kind: 'plans' } // 'all' or plan names separated by ';'
  | { kind: 'integer' }
  | { kind: 'number' }
  | { kind: 'date' } // YYYY-MM-DD
  | { kind: 'instant' } // ISO 8601 with offset
  | { kind: 'text' };

export interface HandoffTerm {
  /** The term `code`, e.g. `medication:methadone:accepts_current`. */
  code: string;
  name: string;
  description: string;
  linkType: TermLinkType;
  value: TermValue;
}

const MEDICATION_NAMES: Record<(typeof MEDICATIONS)[number], string> = {
  buprenorphine: 'buprenorphine',
  methadone: 'methadone',
  naltrexone_xr: 'extended-release injectable naltrexone',
};

function medicationTerms(): HandoffTerm[] {
  return MEDICATIONS.flatMap((m) => [
    {
      code: `medication:${m}:start`,
      name: `Starts ${MEDICATION_NAMES[m]}`,
      description: `The service can start ${MEDICATION_NAMES[m]} (induction, first dose).`,
      linkType: 'medication' as const,
      value: { kind: 'boolean' as const },
    },
    {
      code: `medication:${m}:continue`,
      name: `Continues ${MEDICATION_NAMES[m]}`,
      description: `The service can continue ${MEDICATION_NAMES[m]} started elsewhere.`,
      linkType: 'medication' as const,
      value: { kind: 'boolean' as const },
    },
    {
      code: `medication:${m}:accepts_current`,
      name: `Accepts people taking ${MEDICATION_NAMES[m]}`,
      description: `The service admits people currently taking ${MEDICATION_NAMES[m]} (whoever prescribes it).`,
      linkType: 'medication' as const,
      value: { kind: 'boolean' as const },
    },
  ]);
}

const boolean = { kind: 'boolean' } as const;

/** Every term of our taxonomy, in a stable order. */
export const HANDOFF_TERMS: readonly HandoffTerm[] = [
  {
    code: 'service_kind',
    name: 'Kind of service',
    description: 'What the service is (opioid treatment program, office-based treatment, recovery housing…).',
    linkType: 'service_kind',
    value: { kind: 'code', codes: SERVICE_KINDS },
  },
  ...medicationTerms(),
  {
    code: 'policy:harm_reduction',
    name: 'Harm-reduction stance',
    description: 'supportive, neutral, abstinence_only or unstated.',
    linkType: 'policy',
    value: { kind: 'code', codes: HARM_REDUCTION_STANCES },
  },
  ...INTAKE_PREREQUISITES.map((p): HandoffTerm => ({
    code: `prerequisite:${p}`,
    name: `Requires ${p.replaceAll('_', ' ')} before intake`,
    description: `Intake requires: ${p.replaceAll('_', ' ')}. Present only when required.`,
    linkType: 'intake_prerequisite',
    value: { kind: 'none' },
  })),
  {
    code: 'policy:walk_in',
    name: 'Walk-in',
    description: 'Walk-in intake during intake hours.',
    linkType: 'policy',
    value: boolean,
  },
  {
    code: 'policy:same_day_intake',
    name: 'Same-day intake',
    description: 'Intake the same day.',
    linkType: 'policy',
    value: boolean,
  },
  {
    code: 'policy:next_day_intake',
    name: 'Next-day intake',
    description: 'Intake the next day.',
    linkType: 'policy',
    value: boolean,
  },
  {
    code: 'policy:telehealth',
    name: 'Telehealth',
    description: 'Intake or care by telehealth.',
    linkType: 'policy',
    value: boolean,
  },
  ...(['medicaid', 'medicare', 'commercial'] as const).map((k): HandoffTerm => ({
    code: `insurance:${k}`,
    name: `Accepts ${k}`,
    description: `Accepts ${k} plans: "all" or the plan names separated by ";". Absent: not accepted.`,
    linkType: 'eligibility',
    value: { kind: 'plans' },
  })),
  {
    code: 'insurance:uninsured',
    name: 'Serves uninsured people',
    description: 'How uninsured people are served: free, sliding_scale or full_fee. Absent: not stated.',
    linkType: 'eligibility',
    value: { kind: 'code', codes: UNINSURED_TERMS },
  },
  ...GENDERS.map((g): HandoffTerm => ({
    code: `gender:${g}`,
    name: `Serves ${g}`,
    description: `Serves people of gender ${g}. No gender attribute at all: serves every gender.`,
    linkType: 'eligibility',
    value: { kind: 'none' },
  })),
  ...ACCESSIBILITY_FEATURES.map((a): HandoffTerm => ({
    code: `accessibility:${a}`,
    name: a.replaceAll('_', ' '),
    description: `Accessibility: ${a.replaceAll('_', ' ')}.`,
    linkType: 'accessibility',
    value: { kind: 'none' },
  })),
  {
    code: 'timezone',
    name: 'Time zone of the intake hours',
    description:
      'The IANA time zone (e.g. America/Chicago) the schedules are in. HSDS schedules carry only a UTC offset, ' +
      'which cannot follow daylight saving time.',
    linkType: 'policy',
    value: { kind: 'text' },
  },
  {
    code: 'service_area:radius_km',
    name: 'Serves people living within (km)',
    description: 'The service area as a radius in kilometres around the service location.',
    linkType: 'eligibility',
    value: { kind: 'number' },
  },
  {
    code: 'service_area:zip',
    name: 'Serves people living in ZIP code',
    description: 'A ZIP code of the service area; one attribute per ZIP code.',
    linkType: 'eligibility',
    value: { kind: 'text' },
  },
  {
    code: 'referral:channel',
    name: 'How to refer',
    description: 'The referral channel the service asks for (e.g. Direct address, fax, phone).',
    linkType: 'referral',
    value: { kind: 'text' },
  },
  {
    code: 'holiday',
    name: 'Closed for intake on',
    description: 'A date (YYYY-MM-DD) the service is closed for intake; one attribute per date.',
    linkType: 'policy',
    value: { kind: 'date' },
  },
  {
    code: 'referral:acknowledgement',
    name: 'Promised acknowledgement time',
    description:
      'How soon a referral is acknowledged: "<amount> <unit>", unit minutes|hours|business_hours|business_days.',
    linkType: 'referral',
    value: { kind: 'text' },
  },
  {
    code: 'capacity:status',
    name: 'Capacity',
    description:
      'Live capacity reported by the service: accepting, waitlist, not_accepting or assessment_required.',
    linkType: 'capacity',
    value: { kind: 'code', codes: CAPACITY_STATUSES },
  },
  {
    code: 'capacity:expected_wait_days',
    name: 'Expected wait (days)',
    description: 'With capacity waitlist: the expected wait in days.',
    linkType: 'capacity',
    value: { kind: 'integer' },
  },
  {
    code: 'capacity:reported_at',
    name: 'Capacity reported at',
    description:
      'When the capacity was reported (ISO 8601). Consumers should treat a status older than 7 days as unknown.',
    linkType: 'capacity',
    value: { kind: 'instant' },
  },
];

/** The stable HSDS id of a term (`handoff-medication-methadone-start`). */
export function termId(code: string): string {
  return `handoff-${code.replaceAll(':', '-').replaceAll('_', '-')}`;
}

const BY_CODE = new Map(HANDOFF_TERMS.map((t) => [t.code, t]));
const BY_ID = new Map(HANDOFF_TERMS.map((t) => [termId(t.code), t]));

/** A term by its code, or by its HSDS id (as found in an attribute's `taxonomy_term_id`). */
export function findTerm(codeOrId: string): HandoffTerm | undefined {
  return BY_CODE.get(codeOrId) ?? BY_ID.get(codeOrId);
}
