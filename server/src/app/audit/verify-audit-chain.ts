/**
 * Verifies every audit chain (or one) from its first event: sequence without gaps, each event's
 * `prev_hash` equal to the previous hash, each stored hash equal to the recomputed one, and the
 * chain head equal to the last event. Reports the first broken link of each broken chain.
 */
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { auditChainHeads, auditEvents } from '../../db/schema/index.ts';
import { findBrokenLink, GENESIS_HASH, type StoredEvent } from '../../domain/audit/chain.ts';

export interface ChainReport {
  chain: string;
  events: number;
  ok: boolean;
  firstBroken?: { seq: number; reason: string };
}

const BATCH = 2000;

export async function verifyAuditChain(db: Queryable, onlyChain?: string): Promise<ChainReport[]> {
  const heads = await db
    .select()
    .from(auditChainHeads)
    .where(onlyChain ? eq(auditChainHeads.chain, onlyChain) : undefined)
    .orderBy(asc(auditChainHeads.chain));
  const reports: ChainReport[] = [];
  for (const head of heads) {
    let prev = { seq: 0, hash: GENESIS_HASH };
    let problem: { seq: number; reason: string } | undefined;
    for (;;) {
      const rows = await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.chain, head.chain), gt(auditEvents.seq, prev.seq)))
        .orderBy(asc(auditEvents.seq))
        .limit(BATCH);
      problem = findBrokenLink(rows as StoredEvent[], prev);
      if (problem || rows.length === 0) break;
      const last = rows.at(-1);
      if (!last) break;
      prev = { seq: last.seq, hash: last.hash };
      if (rows.length < BATCH) break;
    }
    if (!problem && (prev.seq !== head.seq || prev.hash !== head.hash)) {
      problem = {
        seq: prev.seq + 1,
        reason: `chain head says ${head.seq} events but the chain ends at ${prev.seq} (events removed or head altered)`,
      };
    }
    reports.push({
      chain: head.chain,
      events: prev.seq,
      ok: !problem,
      ...(problem ? { firstBroken: problem } : {}),
    });
  }
  return reports;
}
