/**
 * Sends (or drafts) a referral from a transition to a partner service (the hospital only). The service must
 * be active in the directory; the patient's consent must name the service's organization
 * (`referral-consent.ts`), and the consent relied on is kept on the referral (FHIR: the ServiceRequest's
 * supportingInfo). The acknowledgement deadline comes from the service's promise (`ack-deadline.ts`). In one
 * transaction: idempotency key, referral, its first history event, the packet version it carries, audit,
 * and the e-mail to the partner's intake staff through the outbox; the access decision is audited with the
 * send in that transaction (`auditedWrite`).
 */
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { preparedPerDb } from '../../db/prepared.ts';
import { referralEvents, referrals, services } from '../../db/schema/index.ts';
import type { AcknowledgementPromise } from '../../domain/directory/service.ts';
import { ackDeadline } from '../../domain/transitions/ack-deadline.ts';
import type { ReferralView } from '../../domain/transitions/views.ts';
import { invalid } from '../../lib/errors.ts';
import { auditedWrite } from '../consent/audited-write.ts';
import { partnershipPathway } from '../followup/partnership-pathway.ts';
import type { Actor, Deps } from '../context.ts';
import { claimIdempotencyKey, type IdempotencyRequest } from '../idempotency/claim-idempotency-key.ts';
import { getReferral } from './get-referral.ts';
import { notifyReferral } from './notify-referral.ts';
import { openTransition } from './open-transition.ts';
import { consentForReferral } from './referral-consent.ts';
import { referralView } from './referral-view.ts';
import type { CreateReferralInput } from './schemas.ts';

export const PARTNER_ROLES = ['cbo_intake', 'liaison'];

const serviceById = preparedPerDb((db) =>
  db
    .select()
    .from(services)
    .where(and(eq(services.networkId, sql.placeholder('networkId')), eq(services.id, sql.placeholder('id'))))
    .prepare('service_by_id'),
);

export async function sendReferral(
  deps: Deps,
  actor: Actor,
  transitionId: string,
  input: CreateReferralInput,
  idempotency?: IdempotencyRequest,
): Promise<{ view: ReferralView; replayed: boolean }> {
  const opened = await openTransition(deps, actor, transitionId, 'referral.send', 'Referral', {
    deferAudit: true,
  });
  return auditedWrite(deps, opened, async (audit) => {
    const { member, transition, patient, today } = opened;
    const [service] = await serviceById(deps.db).execute({
      networkId: member.networkId,
      id: input.serviceId,
    });
    if (!service || service.status !== 'active')
      throw invalid('serviceId', 'is not an active service of this network');
    if (service.organizationId === member.organizationId)
      throw invalid('serviceId', "is your own organization's service: a referral goes to a partner");
    const now = deps.clock.now();
    const consentId = consentForReferral(opened.facts, {
      receiverOrgId: service.organizationId,
      at: now,
      today,
    });
    const pathway = await partnershipPathway(deps.db, {
      networkId: member.networkId,
      hospitalOrgId: member.organizationId,
      partnerOrgId: service.organizationId,
    });
    const id = randomUUID();
    const status = input.send ? 'sent' : 'draft';
    const outcome = await deps.db.transaction(async (tx) => {
      const claim = await claimIdempotencyKey(tx, member, idempotency, id, now);
      if (claim.replayOf) {
        await audit(tx, now);
        return { replayed: true as const, id: claim.replayOf };
      }
      const [row] = await tx
        .insert(referrals)
        .values({
          networkId: member.networkId,
          id,
          transitionId: transition.id,
          patientId: patient.id,
          senderOrgId: member.organizationId,
          receiverOrgId: service.organizationId,
          serviceId: service.id,
          status,
          urgency: input.urgency,
          sentAt: input.send ? now : null,
          ackDueAt: input.send
            ? ackDeadline({
                sentAt: now,
                urgency: input.urgency,
                promise: (service.acknowledgement as AcknowledgementPromise | null) ?? undefined,
                timeZone: service.timezone,
                holidays: service.holidays,
              })
            : null,
          consentId,
          // The transition's derived columns and packet are kept current by every change to it; sending a
          // referral changes neither, so it carries the current packet version as it is.
          packetVersion: transition.packetVersion,
          pathwayId: pathway?.id ?? null,
          pathwayVersion: pathway?.version ?? null,
          createdBy: member.userId,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      if (!row) throw new Error('referral not stored');
      const [event] = await tx
        .insert(referralEvents)
        .values({
          networkId: member.networkId,
          referralId: id,
          seq: 1,
          fromStatus: null,
          toStatus: status,
          side: 'sender',
          actorMembershipId: member.membershipId,
          actorOrgId: member.organizationId,
          at: now,
          note: input.note ?? null,
        })
        .returning();
      if (!event) throw new Error('referral event not stored');
      if (input.send) {
        await notifyReferral(deps, tx, {
          networkId: member.networkId,
          referralId: id,
          event: 'sent',
          status,
          to: { organizationId: service.organizationId, membershipId: null, roles: PARTNER_ROLES },
          at: now,
        });
      }
      // Last: the audit chain's head stays locked until commit, so take it as late as possible.
      await audit(tx, now, {
        action: 'referral.send',
        entityType: 'referral',
        entityId: id,
        patientId: patient.id,
        purpose: 'TREAT',
        details: { status, receiverOrganizationId: service.organizationId, serviceId: service.id, consentId },
      });
      return { replayed: false as const, referral: row, event };
    });
    if (outcome.replayed) return { view: await getReferral(deps, actor, outcome.id), replayed: true };
    // The sender's view from what this request holds: the decision, the transition, the service, the one event.
    const view = await referralView(deps.db, { ...opened, referral: outcome.referral, side: 'sender' }, now, {
      events: [outcome.event],
      transition,
      service,
      isNew: true,
    });
    return { view, replayed: false };
  });
}
