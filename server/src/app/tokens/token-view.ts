/** The API shape of an API token's metadata (the secret itself is shown only once, at creation). */
import type { apiTokens } from '../../db/schema/index.ts';

export const tokenView = (t: typeof apiTokens.$inferSelect) => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  membershipId: t.membershipId,
  createdAt: t.createdAt.toISOString(),
  expiresAt: t.expiresAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
});
export type TokenView = ReturnType<typeof tokenView>;
