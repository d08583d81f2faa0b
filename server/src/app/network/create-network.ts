/**
 * Operator use case (CLI `network create`): creates a network, the tenant a regional partnership
 * works in. A new installation starts with this, then `org create` and `user create`.
 */
import { randomUUID } from 'node:crypto';
import { networks } from '../../db/schema/index.ts';
import { isUniqueViolation } from '../../lib/db-errors.ts';
import { AppError, invalid } from '../../lib/errors.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { Deps, OperatorActor } from '../context.ts';
import { slugSchema } from '../organizations/schemas.ts';

export async function createNetwork(
  deps: Deps,
  actor: OperatorActor,
  input: { slug: string; name: string; timezone?: string | undefined },
): Promise<{ id: string }> {
  if (!slugSchema.safeParse(input.slug).success)
    throw invalid('slug', 'use lowercase letters, digits and single dashes');
  if (!input.name.trim()) throw invalid('name', 'is required');
  const timezone = input.timezone ?? 'America/New_York';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
  } catch {
    throw invalid('timezone', `is not an IANA time zone (got '${timezone}')`);
  }
  const id = randomUUID();
  const now = deps.clock.now();
  try {
    await deps.db.transaction(async (tx) => {
      await tx
        .insert(networks)
        .values({ id, slug: input.slug, name: input.name.trim(), timezone, createdAt: now });
      await appendAuditEvent(tx, actor, now, {
        action: 'network.create',
        networkId: id,
        entityType: 'network',
        entityId: id,
      });
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw new AppError('conflict', `A network with slug '${input.slug}' already exists`);
    throw err;
  }
  return { id };
}
