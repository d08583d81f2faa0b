/** Input schemas of the partnership workspace (REST validates with these and publishes them in OpenAPI). */
import { z } from 'zod';
import {
  AGREEMENT_KINDS,
  ASSESSMENT_ITEMS,
  DELIVERY_KINDS,
  GOAL_METRICS,
  LIAISON_ROLES,
  PARTNERSHIP_STATUSES,
} from '../../domain/partnerships/vocabulary.ts';

const day = z.iso.date();
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const createPartnershipInput = z.strictObject({
  /** The partner: a CBO when the active organization is a hospital or health system, and vice versa. */
  partnerOrganizationId: z.uuid(),
  status: z.enum(PARTNERSHIP_STATUSES).default('exploring'),
  startedOn: day.nullable().optional(),
  notes: optionalText(4000),
});
export type CreatePartnershipInput = z.output<typeof createPartnershipInput>;

export const updatePartnershipInput = z
  .strictObject({
    status: z.enum(PARTNERSHIP_STATUSES).optional(),
    startedOn: day.nullable().optional(),
    notes: optionalText(4000),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change' });
export type UpdatePartnershipInput = z.output<typeof updatePartnershipInput>;

/** Largest attached document, before base64 (the request body limit is 1 MB). */
export const MAX_DOCUMENT_BYTES = 700_000;

export const agreementInput = z
  .strictObject({
    kind: z.enum(AGREEMENT_KINDS),
    title: text(200),
    effectiveOn: day,
    /** Null: open-ended. */
    expiresOn: day.nullable().optional(),
    document: z
      .strictObject({
        name: text(200),
        contentType: z.enum(['application/pdf', 'image/png', 'image/jpeg', 'text/plain']),
        /** Base64 of the file. */
        data: z.base64().max(Math.ceil(MAX_DOCUMENT_BYTES / 3) * 4, 'document larger than 700 kB'),
      })
      .optional(),
  })
  .refine((a) => !a.expiresOn || a.expiresOn >= a.effectiveOn, {
    message: 'expiresOn must not be before effectiveOn',
    path: ['expiresOn'],
  });
export type AgreementInput = z.output<typeof agreementInput>;

export const liaisonInput = z.strictObject({
  userId: z.uuid(),
  /** The side the person stands for: one of the two partner organizations, where they are a member. */
  organizationId: z.uuid(),
  role: z.enum(LIAISON_ROLES),
});
export type LiaisonInput = z.output<typeof liaisonInput>;

export const deliveryInput = z.strictObject({
  /** The side that delivered. */
  providerOrganizationId: z.uuid(),
  kind: z.enum(DELIVERY_KINDS),
  quantity: z.number().int().min(1).max(10_000).default(1),
  deliveredOn: day,
  note: optionalText(1000),
});
export type DeliveryInput = z.output<typeof deliveryInput>;

const actionItem = z.strictObject({
  description: text(500),
  ownerUserId: z.uuid().nullable().optional(),
  dueOn: day.nullable().optional(),
});

export const meetingInput = z.strictObject({
  heldOn: day,
  title: text(200),
  attendees: z.array(text(200)).min(1).max(50),
  notes: optionalText(10_000),
  actionItems: z.array(actionItem).max(50).default([]),
});
export type MeetingInput = z.output<typeof meetingInput>;

export const actionItemUpdate = z.strictObject({ done: z.boolean() });

export const goalInput = z.strictObject({
  metric: z.enum(GOAL_METRICS),
  /** Percent of referrals, 0–100. */
  target: z.number().min(0).max(100),
  description: optionalText(500),
});
export type GoalInput = z.output<typeof goalInput>;

export const assessmentInput = z.strictObject({
  /** Defaults to the current quarter; a side may answer again in the same quarter (the last answer counts). */
  quarter: z
    .string()
    .regex(/^\d{4}-Q[1-4]$/, 'must look like 2026-Q4')
    .optional(),
  answers: z.strictObject(
    Object.fromEntries(ASSESSMENT_ITEMS.map((item) => [item, z.number().int().min(1).max(5)])) as Record<
      (typeof ASSESSMENT_ITEMS)[number],
      z.ZodNumber
    >,
  ),
  comment: optionalText(2000),
});
export type AssessmentInput = z.output<typeof assessmentInput>;
