/**
 * Appends one event to the audit chain of the actor's network, inside the caller's transaction, so
 * the event commits with the change it describes or not at all. Locking the chain head orders
 * concurrent appends (held until commit: append last in a transaction). `details` must never carry PHI,
 * passwords or tokens: ids and codes only.
 */
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
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
  await appendAuditEvents(tx, actor, at, [input]);
}

/** Locks the chain's head row (one statement); the first event of a chain creates it. */
async function lockHead(tx: Tx, chain: string) {
  const select = () =>
    tx.select().from(auditChainHeads).where(eq(auditChainHeads.chain, chain)).for('update');
  const [head] = await select();
  if (head) return head;
  await tx.insert(auditChainHeads).values({ chain, seq: 0, hash: GENESIS_HASH }).onConflictDoNothing();
  const [created] = await select();
  if (!created) throw new Error('audit chain head vanished');
  return created;
}

/**
 * Appends several events of one actor, in order, under one lock of the chain head: two statements however
 * many events (e.g. the access decision that a write rests on, and the write).
 */
export async function appendAuditEvents(
  tx: Tx,
  actor: Actor,
  at: Date,
  inputs: readonly AuditInput[],
): Promise<void> {
  const first = inputs[0];
  if (!first) return;
  const member = actor.kind === 'member' ? actor : undefined;
  const networkOf = (input: AuditInput) =>
    input.networkId !== undefined ? input.networkId : (member?.networkId ?? null);
  const networkId = networkOf(first);
  if (inputs.some((input) => networkOf(input) !== networkId))
    throw new Error('appendAuditEvents: all events must belong to one chain');
  const chain = networkId ?? 'system';
  const head = await lockHead(tx, chain);
  let seq = head.seq;
  let prevHash = head.hash;
  const rows = inputs.map((input) => {
    const fields: ChainedFields = {
      chain,
      seq: ++seq,
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
    const hash = chainHash(prevHash, fields);
    const row = { ...fields, prevHash, hash };
    prevHash = hash;
    return row;
  });
  // One statement: the events and the new head together (a data-modifying WITH), to hold the lock briefly.
  await tx.execute(
    sql`with appended as ${tx.insert(auditEvents).values(rows)}
        update ${auditChainHeads} set seq = ${seq}, hash = ${prevHash} where chain = ${chain}`,
  );
}
