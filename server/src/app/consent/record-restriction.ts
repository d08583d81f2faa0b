/**
 * Records a patient's request to restrict TPO disclosures (§2.26, P17) with its decision. An agreed
 * restriction becomes a deny provision the decision point applies before any consent; a paid-in-full
 * restriction of disclosure to a health plan cannot be declined (enforced in the input schema).
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { organizations, restrictions } from '../../db/schema/index.ts';
import type { RestrictionView } from '../../domain/consent/views.ts';
import { invalid } from '../../lib/errors.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { Actor, Deps } from '../context.ts';
import { openPatient } from './open-patient.ts';
import { restrictionViews } from './restriction-view.ts';
import type { RestrictionInput } from './schemas.ts';

export async function recordRestriction(
  deps: Deps,
  actor: Actor,
  patientId: string,
  input: RestrictionInput,
): Promise<RestrictionView> {
  const { member, patient, today } = await openPatient(deps, actor, patientId, {
    action: 'restriction.manage',
    category: 'demographics',
    purpose: 'TREAT',
    channel: 'web',
    description: 'Restriction request',
    holderOnly: true,
  });
  if (input.receivedOn > today) throw invalid('receivedOn', 'cannot be in the future');
  if (input.organizationId) {
    const [org] = await deps.db
      .select({ id: organizations.id })
      .from(organizations)
      .where(and(eq(organizations.networkId, member.networkId), eq(organizations.id, input.organizationId)));
    if (!org) throw invalid('organizationId', 'is not an organization of this network');
  }
  const now = deps.clock.now();
  const id = randomUUID();
  await deps.db.transaction(async (tx) => {
    await tx.insert(restrictions).values({
      networkId: member.networkId,
      id,
      patientId: patient.id,
      description: input.description,
      organizationId: input.organizationId,
      purposes: input.purposes,
      receivedOn: input.receivedOn,
      decision: input.decision,
      paidInFull: input.paidInFull,
      itemOrService: input.itemOrService ?? null,
      paidBy: input.paidBy ?? null,
      decidedBy: member.userId,
      decidedAt: now,
    });
    await appendAuditEvent(tx, member, now, {
      action: 'restriction.record',
      entityType: 'restriction',
      entityId: id,
      patientId: patient.id,
      details: { decision: input.decision, purposes: input.purposes, organizationId: input.organizationId },
    });
  });
  const views = await restrictionViews(deps, member.networkId, patient.id);
  const view = views.find((v) => v.id === id);
  if (!view) throw new Error('restriction vanished');
  return view;
}
