/**
 * Input schemas of transitions, referrals and messages (REST validates with these and publishes them in
 * OpenAPI; the web client uses their inferred types). Cross-field rules (a formulation that belongs to the
 * medication, a bridge that carries its amount, discharge after admission) are refinements here, so a bad
 * request names the field and changes nothing.
 */
import { z } from 'zod';
import {
  ATTACHMENT_TYPES,
  BRIDGE_KINDS,
  CANCEL_REASONS,
  CARE_NEEDS,
  DECLINE_REASONS,
  DISPOSITIONS,
  ENCOUNTER_TYPES,
  FAILURE_REASONS,
  FORMULATIONS,
  FORMULATIONS_OF,
  MAX_BRIDGE_DAYS,
  MAX_METHADONE_DOSES,
  MEDICATIONS,
  OUD_IDENTIFIED_BY,
  REFERRAL_STATUSES,
  TRANSITION_STATUSES,
  URGENCIES,
} from '../../domain/transitions/vocabulary.ts';
import { INJECTION_DAYS } from '../../domain/transitions/coverage.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const instant = z.iso.datetime({ offset: true });
const optionalInstant = instant.nullable().optional();
const id = z.uuid();

export const moudPlanInput = z
  .strictObject({
    medication: z.enum(MEDICATIONS),
    formulation: z.enum(FORMULATIONS),
    dose: text(100),
    firstDoseAt: optionalInstant,
    lastDoseAt: optionalInstant,
    bridge: z.strictObject({
      kind: z.enum(BRIDGE_KINDS),
      /** Prescription: days supply (1–30). */
      days: z.int().min(1).max(MAX_BRIDGE_DAYS).nullable().optional(),
      /** 72-hour rule: methadone doses dispensed (1–3). */
      doses: z.int().min(1).max(MAX_METHADONE_DOSES).nullable().optional(),
    }),
    naloxoneGiven: z.boolean(),
    notes: optionalText(2000),
  })
  .superRefine((plan, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });
    if (!FORMULATIONS_OF[plan.medication].includes(plan.formulation))
      issue(['formulation'], `is not a formulation of ${plan.medication}`);
    const { kind, days, doses } = plan.bridge;
    if (kind === 'prescription' && !days) issue(['bridge', 'days'], 'a prescription needs its days supply');
    if (kind !== 'prescription' && days)
      issue(['bridge', 'days'], `only a prescription has days (not ${kind})`);
    if (kind === 'methadone_72h' && plan.medication !== 'methadone')
      issue(['bridge', 'kind'], 'the 72-hour rule dispenses methadone only');
    if (kind === 'methadone_72h' && !doses)
      issue(['bridge', 'doses'], 'say how many doses were dispensed (1–3)');
    if (kind !== 'methadone_72h' && doses) issue(['bridge', 'doses'], 'doses are for the 72-hour rule only');
    if (kind === 'prescription' && plan.medication === 'methadone')
      issue(['bridge', 'kind'], 'methadone for OUD cannot be bridged by prescription; use the 72-hour rule');
    if (kind === 'injection' && INJECTION_DAYS[plan.formulation] === undefined)
      issue(['formulation'], 'an injection bridge needs an extended-release injection formulation');
    if (kind === 'injection' && !plan.lastDoseAt) issue(['lastDoseAt'], 'say when the injection was given');
    if (plan.firstDoseAt && plan.lastDoseAt && plan.firstDoseAt > plan.lastDoseAt)
      issue(['lastDoseAt'], 'must not be before the first dose');
  });

export type MoudPlanInput = z.infer<typeof moudPlanInput>;

export const careTeamInput = z.strictObject({
  navigatorMembershipId: id.nullable().optional(),
  peerMembershipId: id.nullable().optional(),
  clinicianMembershipId: id.nullable().optional(),
});

const transitionFields = {
  encounterType: z.enum(ENCOUNTER_TYPES),
  admittedAt: instant,
  expectedDischargeAt: optionalInstant,
  dischargedAt: optionalInstant,
  oudIdentifiedBy: z.enum(OUD_IDENTIFIED_BY),
  disposition: z.enum(DISPOSITIONS).nullable().optional(),
  careTeam: careTeamInput.default({}),
  careNeeds: z.array(z.enum(CARE_NEEDS)).max(CARE_NEEDS.length).default([]),
  moudPlan: moudPlanInput.nullable().optional(),
};

const dischargeAfterAdmission = (
  value: { admittedAt?: string; dischargedAt?: string | null; expectedDischargeAt?: string | null },
  ctx: z.RefinementCtx,
) => {
  for (const field of ['dischargedAt', 'expectedDischargeAt'] as const) {
    const at = value[field];
    if (at && value.admittedAt && Date.parse(at) < Date.parse(value.admittedAt))
      ctx.addIssue({ code: 'custom', path: [field], message: 'must not be before admission' });
  }
};

export const createTransitionInput = z
  .strictObject({ patientId: id, ...transitionFields })
  .superRefine(dischargeAfterAdmission);
export type CreateTransitionInput = z.infer<typeof createTransitionInput>;

/** A change to a transition (with `If-Match`): only the fields sent change. */
export const updateTransitionInput = z
  .strictObject({
    encounterType: transitionFields.encounterType.optional(),
    admittedAt: instant.optional(),
    expectedDischargeAt: optionalInstant,
    dischargedAt: optionalInstant,
    oudIdentifiedBy: transitionFields.oudIdentifiedBy.optional(),
    disposition: transitionFields.disposition,
    careTeam: careTeamInput.optional(),
    careNeeds: z.array(z.enum(CARE_NEEDS)).max(CARE_NEEDS.length).optional(),
    moudPlan: moudPlanInput.nullable().optional(),
    /** Close the transition without a link, or reopen it. */
    status: z.enum(TRANSITION_STATUSES).optional(),
  })
  .superRefine(dischargeAfterAdmission);
export type UpdateTransitionInput = z.infer<typeof updateTransitionInput>;

export const createReferralInput = z.strictObject({
  serviceId: id,
  urgency: z.enum(URGENCIES).default('routine'),
  /** false keeps it a draft (not visible to the partner); true sends it now. */
  send: z.boolean().default(true),
  note: optionalText(2000),
});
export type CreateReferralInput = z.infer<typeof createReferralInput>;

const REASON_CODES = [...new Set([...DECLINE_REASONS, ...CANCEL_REASONS, ...FAILURE_REASONS])] as [
  string,
  ...string[],
];

export const appointmentInput = z.strictObject({
  at: instant,
  place: optionalText(300),
  notes: optionalText(1000),
});

export const referralStatusInput = z.strictObject({
  status: z.enum(REFERRAL_STATUSES),
  /** Declines, cancellations and failures: a reason code (of that kind) and words. */
  reason: z.strictObject({ code: z.enum(REASON_CODES), text: text(1000) }).optional(),
  appointment: appointmentInput.optional(),
  /** Reopen and entered-in-error need a note; any move may carry one. */
  note: optionalText(2000),
});
export type ReferralStatusInput = z.infer<typeof referralStatusInput>;

export const postMessageInput = z.strictObject({
  body: z.string().trim().max(5000).default(''),
  attachment: z
    .strictObject({
      fileName: text(200),
      mediaType: z.enum(ATTACHMENT_TYPES),
      /** The file, base64 (at most 5 MB decoded). */
      contentBase64: z.base64().max(7_000_000),
    })
    .optional(),
});
export type PostMessageInput = z.infer<typeof postMessageInput>;

export const markReadInput = z.strictObject({ upToSeq: z.int().min(1) });

const page = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
};

export const TRANSITION_SORTS = ['gap', 'coverage_end', 'admitted', 'ack_due'] as const;
export const transitionWorklistQuery = z.strictObject({
  /** mine: where I am on the care team · team: the whole organization's. */
  scope: z.enum(['mine', 'team']).default('team'),
  /** open (default: the caseload that needs work), linked, closed, or all. */
  status: z.enum([...TRANSITION_STATUSES, 'all']).default('open'),
  gap: z.enum(['gap', 'at_risk', 'covered', 'pending', 'no_plan', 'linked', 'flagged']).optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(TRANSITION_SORTS).default('gap'),
  ...page,
});
export type TransitionWorklistQuery = z.infer<typeof transitionWorklistQuery>;

export const INBOX_SORTS = ['urgency', 'ack_due', 'sent', 'appointment'] as const;
export const referralInboxQuery = z.strictObject({
  /** inbox: referrals to the active organization · outbox: referrals it sent. */
  box: z.enum(['inbox', 'outbox']).default('inbox'),
  status: z.enum(REFERRAL_STATUSES).optional(),
  /** open: still needs something from the partner (sent, accepted, scheduled, no-show). */
  open: z.stringbool().optional(),
  sort: z.enum(INBOX_SORTS).default('urgency'),
  ...page,
});
export type ReferralInboxQuery = z.infer<typeof referralInboxQuery>;

export const packetPdfQuery = z.strictObject({
  audience: z.enum(['patient', 'partner']).default('patient'),
  lang: z.enum(['en', 'es']).default('en'),
  /** Which referral the letter is about (its appointment and place); default: the first booked one. */
  referral: id.optional(),
});
