/**
 * The records of a partnership workspace, each written by a party's manager (org admin, program manager,
 * liaison) with an audit event: agreements (with the signed document), liaisons and backups, deliveries
 * (the ledger of what one side actually provided the other), meetings with action items, shared goals,
 * and each side's quarterly self-assessment. People named (liaisons, action-item owners) must be members
 * of one of the two organizations; a delivery's provider must be one of them.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import {
  memberships,
  partnershipActionItems,
  partnershipAgreements,
  partnershipAssessments,
  partnershipDeliveries,
  partnershipGoals,
  partnershipLiaisons,
  partnershipMeetings,
  partnerships,
} from '../../db/schema/index.ts';
import { assessmentScore, quarterOf } from '../../domain/partnerships/vocabulary.ts';
import { invalid, notFound } from '../../lib/errors.ts';
import type { Actor, Deps } from '../context.ts';
import { isParty, partnershipFor, writeAudited, type PartnershipRow } from './access.ts';
import { getPartnership, networkToday } from './manage-partnerships.ts';
import type {
  AgreementInput,
  AssessmentInput,
  DeliveryInput,
  GoalInput,
  LiaisonInput,
  MeetingInput,
} from './schemas.ts';

/** Checks that every user is an active member of one of the partnership's organizations. */
async function requireMembersOfParties(
  tx: Tx,
  p: PartnershipRow,
  userIds: string[],
  field: string,
  organizationId?: string,
) {
  if (userIds.length === 0) return;
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        inArray(memberships.userId, userIds),
        eq(memberships.status, 'active'),
        inArray(
          memberships.organizationId,
          organizationId ? [organizationId] : [p.hospitalOrgId, p.cboOrgId],
        ),
      ),
    );
  const found = new Set(rows.map((r) => r.userId));
  if (userIds.some((id) => !found.has(id)))
    throw invalid(
      field,
      organizationId
        ? 'must be a member of that organization'
        : 'must be a member of one of the two organizations',
    );
}

type Change = (
  tx: Tx,
  now: Date,
  p: PartnershipRow,
  actor: { userId: string; organizationId: string },
) => Promise<void>;

/** Loads the partnership for `partnership.manage`, applies the change with its audit event, returns the view. */
async function manage(deps: Deps, actor: Actor, id: string, change: string, apply: Change) {
  const { member, partnership } = await partnershipFor(deps, actor, id, 'partnership.manage');
  await writeAudited(
    deps,
    member,
    { action: 'partnership.manage', partnershipId: partnership.id, details: { change } },
    async (tx, now) => {
      await apply(tx, now, partnership, member);
      // The workspace changed: the partnership's "last changed" follows (its version does not: that
      // guards status and notes only).
      await tx
        .update(partnerships)
        .set({ updatedAt: now })
        .where(and(eq(partnerships.networkId, partnership.networkId), eq(partnerships.id, partnership.id)));
    },
  );
  return getPartnership(deps, member, partnership.id);
}

export const addAgreement = (deps: Deps, actor: Actor, id: string, input: AgreementInput) =>
  manage(deps, actor, id, 'agreement', async (tx, now, p, by) => {
    await tx.insert(partnershipAgreements).values({
      networkId: p.networkId,
      id: randomUUID(),
      partnershipId: p.id,
      kind: input.kind,
      title: input.title,
      effectiveOn: input.effectiveOn,
      expiresOn: input.expiresOn ?? null,
      documentName: input.document?.name ?? null,
      documentType: input.document?.contentType ?? null,
      document: input.document ? Buffer.from(input.document.data, 'base64') : null,
      createdBy: by.userId,
      createdAt: now,
      updatedAt: now,
    });
  });

/** The signed document of an agreement (parties only). */
export async function agreementDocument(deps: Deps, actor: Actor, id: string, agreementId: string) {
  const { partnership } = await partnershipFor(deps, actor, id, 'partnership.read');
  const [row] = /^[0-9a-f-]{36}$/i.test(agreementId)
    ? await deps.db
        .select({
          name: partnershipAgreements.documentName,
          type: partnershipAgreements.documentType,
          data: partnershipAgreements.document,
        })
        .from(partnershipAgreements)
        .where(
          and(
            eq(partnershipAgreements.networkId, partnership.networkId),
            eq(partnershipAgreements.partnershipId, partnership.id),
            eq(partnershipAgreements.id, agreementId),
          ),
        )
    : [];
  if (!row?.data || !row.name || !row.type) throw notFound('Document');
  return { name: row.name, contentType: row.type, data: row.data };
}

export const setLiaison = (deps: Deps, actor: Actor, id: string, input: LiaisonInput) =>
  manage(deps, actor, id, 'liaison', async (tx, now, p) => {
    if (!isParty(p, input.organizationId))
      throw invalid('organizationId', 'must be one of the two organizations');
    await requireMembersOfParties(tx, p, [input.userId], 'userId', input.organizationId);
    await tx
      .insert(partnershipLiaisons)
      .values({
        networkId: p.networkId,
        id: randomUUID(),
        partnershipId: p.id,
        organizationId: input.organizationId,
        userId: input.userId,
        role: input.role,
        createdAt: now,
      })
      .onConflictDoUpdate({
        target: [
          partnershipLiaisons.networkId,
          partnershipLiaisons.partnershipId,
          partnershipLiaisons.userId,
        ],
        set: { role: input.role, organizationId: input.organizationId },
      });
  });

export const removeLiaison = (deps: Deps, actor: Actor, id: string, liaisonId: string) =>
  manage(deps, actor, id, 'liaison.remove', async (tx, _now, p) => {
    const removed = await tx
      .delete(partnershipLiaisons)
      .where(
        and(
          eq(partnershipLiaisons.networkId, p.networkId),
          eq(partnershipLiaisons.partnershipId, p.id),
          eq(partnershipLiaisons.id, liaisonId),
        ),
      )
      .returning({ id: partnershipLiaisons.id });
    if (removed.length === 0) throw notFound('Liaison');
  });

export const recordDelivery = (deps: Deps, actor: Actor, id: string, input: DeliveryInput) =>
  manage(deps, actor, id, 'delivery', async (tx, now, p, by) => {
    if (!isParty(p, input.providerOrganizationId))
      throw invalid('providerOrganizationId', 'must be one of the two organizations');
    await tx.insert(partnershipDeliveries).values({
      networkId: p.networkId,
      id: randomUUID(),
      partnershipId: p.id,
      providerOrgId: input.providerOrganizationId,
      kind: input.kind,
      quantity: input.quantity,
      deliveredOn: input.deliveredOn,
      note: input.note ?? null,
      recordedBy: by.userId,
      createdAt: now,
    });
  });

export const addMeeting = (deps: Deps, actor: Actor, id: string, input: MeetingInput) =>
  manage(deps, actor, id, 'meeting', async (tx, now, p, by) => {
    const owners = input.actionItems.flatMap((a) => a.ownerUserId ?? []);
    await requireMembersOfParties(tx, p, [...new Set(owners)], 'actionItems.ownerUserId');
    const meetingId = randomUUID();
    await tx.insert(partnershipMeetings).values({
      networkId: p.networkId,
      id: meetingId,
      partnershipId: p.id,
      heldOn: input.heldOn,
      title: input.title,
      attendees: input.attendees,
      notes: input.notes ?? null,
      createdBy: by.userId,
      createdAt: now,
    });
    if (input.actionItems.length > 0) {
      await tx.insert(partnershipActionItems).values(
        input.actionItems.map((a) => ({
          networkId: p.networkId,
          id: randomUUID(),
          partnershipId: p.id,
          meetingId,
          description: a.description,
          ownerUserId: a.ownerUserId ?? null,
          dueOn: a.dueOn ?? null,
          createdAt: now,
          updatedAt: now,
        })),
      );
    }
  });

export const setActionItemDone = (deps: Deps, actor: Actor, id: string, itemId: string, done: boolean) =>
  manage(deps, actor, id, 'action_item', async (tx, now, p) => {
    const updated = await tx
      .update(partnershipActionItems)
      .set({ doneAt: done ? now : null, updatedAt: now })
      .where(
        and(
          eq(partnershipActionItems.networkId, p.networkId),
          eq(partnershipActionItems.partnershipId, p.id),
          eq(partnershipActionItems.id, itemId),
        ),
      )
      .returning({ id: partnershipActionItems.id });
    if (updated.length === 0) throw notFound('Action item');
  });

export const addGoal = (deps: Deps, actor: Actor, id: string, input: GoalInput) =>
  manage(deps, actor, id, 'goal', async (tx, now, p) => {
    await tx.insert(partnershipGoals).values({
      networkId: p.networkId,
      id: randomUUID(),
      partnershipId: p.id,
      metric: input.metric,
      target: input.target,
      description: input.description ?? null,
      createdAt: now,
      updatedAt: now,
    });
  });

/** The active organization's answer for a quarter (default: this quarter); answering again replaces it. */
export async function submitAssessment(deps: Deps, actor: Actor, id: string, input: AssessmentInput) {
  const { member } = await partnershipFor(deps, actor, id, 'partnership.manage');
  const quarter = input.quarter ?? quarterOf(await networkToday(deps, member.networkId));
  return manage(deps, actor, id, 'assessment', async (tx, now, p, by) => {
    const values = {
      answers: input.answers,
      score: assessmentScore(input.answers),
      comment: input.comment ?? null,
      submittedBy: by.userId,
      submittedAt: now,
    };
    await tx
      .insert(partnershipAssessments)
      .values({
        networkId: p.networkId,
        id: randomUUID(),
        partnershipId: p.id,
        organizationId: by.organizationId,
        quarter,
        ...values,
      })
      .onConflictDoUpdate({
        target: [
          partnershipAssessments.networkId,
          partnershipAssessments.partnershipId,
          partnershipAssessments.organizationId,
          partnershipAssessments.quarter,
        ],
        set: values,
      });
  });
}
