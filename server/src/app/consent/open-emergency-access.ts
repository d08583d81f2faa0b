/**
 * §2.51 medical emergency ("break glass", P19). A clinician states the recipient (medical personnel) and
 * their health care facility, the nature of the emergency and that prior written consent cannot be
 * obtained; the server sets the time. The documentation record — the four §2.51(c) items — is written at
 * once where the holding program sees it (its review list), and the grant lets this membership read the
 * patient with purpose `ETREAT` until it ends (`HANDOFF_EMERGENCY_ACCESS_HOURS`). Every read under it is
 * a ledgered disclosure. The holding program's reviewers (program managers and organization admins) are
 * told at once by e-mail, in the same transaction — organization names and a link, no patient data. An unknown patient is "not found" like everywhere else; an emergency access is
 * itself always audited and reviewed, which is what deters probing with it.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { emergencyAccesses, memberships, organizations, patients, users } from '../../db/schema/index.ts';
import type { EmergencyAccessView } from '../../domain/consent/views.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { enqueueEmail } from '../outbox/enqueue-email.ts';
import { authorize, requireMember } from '../authorize.ts';
import type { Actor, Deps } from '../context.ts';
import { emergencyAccessViews } from './emergency-access-view.ts';
import type { EmergencyAccessInput } from './schemas.ts';
import { isUuid } from '../../lib/uuid.ts';

export async function openEmergencyAccess(
  deps: Deps,
  actor: Actor,
  patientId: string,
  input: EmergencyAccessInput,
): Promise<EmergencyAccessView> {
  const member = requireMember(actor);
  await authorize(deps, member, 'emergency.access', {
    what: 'Patient',
    organizationId: member.organizationId,
  });
  const [patient] = isUuid(patientId)
    ? await deps.db
        .select({ id: patients.id, holderOrgId: patients.holderOrgId })
        .from(patients)
        .where(and(eq(patients.networkId, member.networkId), eq(patients.id, patientId)))
    : [];
  if (!patient) throw notFound('Patient');
  if (patient.holderOrgId === member.organizationId)
    throw new AppError('conflict', 'Your organization holds this record; no emergency access is needed');
  const now = deps.clock.now();
  const id = randomUUID();
  const reviewers = await reviewersOf(deps, member.networkId, patient.holderOrgId);
  const [actorOrg] = await deps.db
    .select({ name: organizations.name })
    .from(organizations)
    .where(and(eq(organizations.networkId, member.networkId), eq(organizations.id, member.organizationId)));
  await deps.db.transaction(async (tx) => {
    await tx.insert(emergencyAccesses).values({
      networkId: member.networkId,
      id,
      patientId: patient.id,
      holderOrgId: patient.holderOrgId,
      membershipId: member.membershipId,
      userId: member.userId,
      organizationId: member.organizationId,
      recipientName: input.recipientName,
      recipientAffiliation: input.recipientAffiliation,
      nature: input.nature,
      at: now,
      expiresAt: new Date(now.getTime() + deps.config.emergencyAccessMs),
    });
    await appendAuditEvent(tx, member, now, {
      action: 'emergency.access',
      entityType: 'emergency_access',
      entityId: id,
      patientId: patient.id,
      purpose: 'ETREAT',
      details: { holderOrganizationId: patient.holderOrgId, flagged: true },
    });
    for (const to of reviewers) {
      await enqueueEmail(tx, now, {
        networkId: member.networkId,
        dedupeKey: `emergency-access:${id}:${to}`,
        message: {
          to,
          subject: 'Medical emergency access to a record you hold (42 CFR 2.51): review needed',
          text:
            `A clinician at ${actorOrg?.name ?? 'another organization'} used medical-emergency access ` +
            `(42 CFR 2.51) to a patient record your organization holds. The access is documented with the ` +
            `recipient, their facility, the time and the nature of the emergency.\n\n` +
            `Review it: ${deps.config.publicUrl}/patients/emergency-review\n`,
        },
      });
    }
  });
  const [view] = await emergencyAccessViews(deps.db, member.networkId, { ids: [id] });
  if (!view) throw new Error('emergency access vanished');
  const { patientName: _patientName, ...access } = view;
  return access;
}

/** The holding organization's program managers and organization admins (active memberships). */
async function reviewersOf(deps: Deps, networkId: string, organizationId: string): Promise<string[]> {
  const rows = await deps.db
    .selectDistinct({ email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.networkId, networkId),
        eq(memberships.organizationId, organizationId),
        eq(memberships.status, 'active'),
        sql`${memberships.roles} && array['program_manager', 'org_admin']::text[]`,
      ),
    );
  return rows.map((r) => r.email).sort();
}
