/**
 * Reads the audit trail, newest first: an org admin sees the events of their own organization's
 * members, a network convener the whole network. Reading the trail is itself audited.
 */
import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import { auditEvents } from '../../db/schema/index.ts';
import { grantedScope } from '../../domain/identity/permissions.ts';
import { authorize, requireMember } from '../authorize.ts';
import type { Actor, Deps } from '../context.ts';
import { appendAuditEvent } from './append-audit-event.ts';

export async function listAuditEvents(
  deps: Deps,
  actor: Actor,
  input: { limit?: number | undefined; before?: number | undefined },
) {
  const member = requireMember(actor);
  await authorize(deps, member, 'audit.read', { what: 'Audit trail' });
  const filters: SQL[] = [eq(auditEvents.chain, member.networkId)];
  if (grantedScope(member.roles, 'audit.read') !== 'network') {
    filters.push(eq(auditEvents.actorOrganizationId, member.organizationId));
  }
  if (input.before !== undefined) filters.push(lt(auditEvents.seq, input.before));
  const rows = await deps.db
    .select()
    .from(auditEvents)
    .where(and(...filters))
    .orderBy(desc(auditEvents.seq))
    .limit(Math.min(input.limit ?? 50, 500));
  await deps.db.transaction((tx) =>
    appendAuditEvent(tx, member, deps.clock.now(), { action: 'audit.read', details: { count: rows.length } }),
  );
  return rows.map((e) => ({
    seq: e.seq,
    at: e.at.toISOString(),
    action: e.action,
    outcome: e.outcome,
    entityType: e.entityType,
    entityId: e.entityId,
    patientId: e.patientId,
    purpose: e.purpose,
    actorUserId: e.actorUserId,
    actorOrganizationId: e.actorOrganizationId,
    via: e.via,
    requestId: e.requestId,
  }));
}
