/**
 * Records that a time rule fired for a subject at a level, inside the transaction that acts on it. The
 * primary key (network, rule, subject, level) lets exactly one process win: a second tick — in this process
 * or another — inserts nothing and so does nothing (the loser's insert waits for the winner's commit, then
 * finds the row). Rolling back the action rolls back the firing, so a failed action is tried again next tick.
 */
import { and, eq, notExists, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Queryable, Tx } from '../../db/client.ts';
import { ruleFirings } from '../../db/schema/index.ts';

export interface Firing {
  networkId: string;
  rule: string;
  subjectId: string;
  level: string;
  at: Date;
}

/** True when this call fired the rule (and must act); false when it had fired already. */
export async function fireOnce(tx: Tx, firing: Firing): Promise<boolean> {
  const inserted = await tx
    .insert(ruleFirings)
    .values({
      networkId: firing.networkId,
      rule: firing.rule,
      subjectId: firing.subjectId,
      level: firing.level,
      firedAt: firing.at,
    })
    .onConflictDoNothing()
    .returning({ rule: ruleFirings.rule });
  return inserted.length > 0;
}

/**
 * A scan condition: the rule has not fired for the row's subject (at `level`, a value or a SQL expression
 * over the row; any level when omitted). The primary key of `rule_firing` serves it as an anti-join.
 */
export function notFired(
  db: Queryable,
  rule: string,
  row: { networkId: AnyPgColumn; subjectId: AnyPgColumn },
  level?: string | SQL,
): SQL {
  return notExists(
    db
      .select({ one: sql`1` })
      .from(ruleFirings)
      .where(
        and(
          eq(ruleFirings.networkId, row.networkId),
          eq(ruleFirings.rule, rule),
          eq(ruleFirings.subjectId, row.subjectId),
          level === undefined ? undefined : eq(ruleFirings.level, level),
        ),
      ),
  );
}
