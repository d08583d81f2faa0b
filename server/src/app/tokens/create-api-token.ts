/**
 * Creates a personal API token for the actor's active membership (or, from the CLI, for a named
 * user's membership). The token is returned once; only its SHA-256 is stored. Tokens expire
 * (default 90 days, at most 365) and can be revoked.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { apiTokens } from '../../db/schema/index.ts';
import { randomToken, sha256 } from '../../lib/crypto.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { authorize } from '../authorize.ts';
import type { Actor, Deps, MemberActor } from '../context.ts';
import { tokenView, type TokenView } from './token-view.ts';

export const createApiTokenInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  expiresInDays: z.number().int().min(1).max(365).default(90),
});

export const TOKEN_PREFIX = 'hnd_';

export async function createApiToken(
  deps: Deps,
  actor: Actor,
  input: z.output<typeof createApiTokenInput> & {
    owner?: Pick<MemberActor, 'userId' | 'networkId' | 'membershipId'>;
  },
): Promise<TokenView & { token: string }> {
  const owner = actor.kind === 'member' ? actor : input.owner;
  if (!owner) throw new Error('createApiToken needs an owner membership');
  await authorize(deps, actor, 'token.manage_own', { what: 'Token', userId: owner.userId });
  const now = deps.clock.now();
  const token = randomToken(TOKEN_PREFIX, 32);
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({
        networkId: owner.networkId,
        id: randomUUID(),
        userId: owner.userId,
        membershipId: owner.membershipId,
        name: input.name,
        tokenHash: sha256(token),
        prefix: token.slice(0, TOKEN_PREFIX.length + 6),
        createdAt: now,
        expiresAt: new Date(now.getTime() + input.expiresInDays * 86_400_000),
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await appendAuditEvent(tx, actor, now, {
      action: 'token.create',
      networkId: owner.networkId,
      userId: owner.userId,
      entityType: 'api_token',
      entityId: row.id,
      details: { expiresInDays: input.expiresInDays },
    });
    return { ...tokenView(row), token };
  });
}
