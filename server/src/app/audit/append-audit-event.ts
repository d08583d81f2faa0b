/**
 * Appends one event to the audit chain of the actor's network, inside the caller's transaction, so
 * the event commits with the change it describes or not at all. Locking the chain head orders
 * concurrent appends. `details` must never carry PHI, passwords or tokens: ids and codes only.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { auditChainHeads, auditEvents } from '../../db/schema/index.ts';
import { chainHash, GENESIS_HASH, type ChainedFields } from '../../domain/audit/chain.ts';
import type { Actor } from '../context.ts';

export type AuditOutcome = 'success' | 'denied' | 'failure';

export interface AuditInput {
  action: string;
  outcome?: AuditOutcome;
  /** Network the event belongs to, when the actor has none (operator, anonymous login). */
  networkId?: string | null;
  entityType?: string;
  entityId?: string;
  patientId?: string;
  purpose?: string;
  /** For events without a member actor: the user concerned (e.g. a failed login). */
  userId?: string;
  details?: Record<string, unknown>;
}

export async function appendAuditEvent(tx: Tx, actor: Actor, at: Date, input: AuditInput): Promise<void> {
  const member = actor.kind === 'member' ? actor : undefined;
  const networkId = input.networkId !== undefined ? input.networkId : (member?.networkId ?? null);
  const chain = networkId ?? 'system';
  await tx.insert(auditChainHeads).values({ chain, seq: 0, hash: GENESIS_HASH }).onConflictDoNothing();
  const [head] = await tx
    .select()
    .from(auditChainHeads)
    .where(eq(auditChainHeads.chain, chain))
    .for('update');
  if (!head) throw new Error('audit chain head vanished');
  const fields: ChainedFields = {
    chain,
    seq: head.seq + 1,
    id: randomUUID(),
    at,
    networkId,
    actorUserId: member?.userId ?? input.userId ?? null,
    actorMembershipId: member?.membershipId ?? null,
    actorOrganizationId: member?.organizationId ?? null,
    action: input.action,
    entityType: input.entityType ?? null,
    entityId: input.entityId ?? null,
    patientId: input.patientId ?? null,
    purpose: input.purpose ?? null,
    outcome: input.outcome ?? 'success',
    requestId: actor.requestId,
    clientAddress: actor.clientAddress,
    via: actor.via,
    details: input.details ?? {},
  };
  const hash = chainHash(head.hash, fields);
  await tx.insert(auditEvents).values({ ...fields, prevHash: head.hash, hash });
  await tx.update(auditChainHeads).set({ seq: fields.seq, hash }).where(eq(auditChainHeads.chain, chain));
}
