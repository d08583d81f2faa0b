/**
 * The active pathway of the live partnership between a hospital and a partner, and its current version:
 * pinned on a referral when it is sent, so that editing the pathway later changes new referrals only.
 */
import { and, eq, ne } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { partnerships, pathways } from '../../db/schema/index.ts';

export async function partnershipPathway(
  db: Queryable,
  input: { networkId: string; hospitalOrgId: string; partnerOrgId: string },
): Promise<{ id: string; version: number } | undefined> {
  const [found] = await db
    .select({ id: pathways.id, version: pathways.currentVersion })
    .from(pathways)
    .innerJoin(
      partnerships,
      and(eq(partnerships.networkId, pathways.networkId), eq(partnerships.id, pathways.partnershipId)),
    )
    .where(
      and(
        eq(pathways.networkId, input.networkId),
        eq(pathways.status, 'active'),
        eq(partnerships.hospitalOrgId, input.hospitalOrgId),
        eq(partnerships.cboOrgId, input.partnerOrgId),
        ne(partnerships.status, 'ended'),
      ),
    );
  return found;
}
