/**
 * Matrix probes for partnership actions. Setup creates a partnership of the probing organization (a
 * hospital) with the other organization (a CBO), and one of the CBO with another hospital that the
 * probing organization is not party to: reading or managing that one must answer 404 for every role.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, ne } from 'drizzle-orm';
import { organizations, partnerships } from '../../../src/db/schema/index.ts';
import type { MatrixContext, ProbeModule } from './types.ts';

export function partnershipProbes(ctx: MatrixContext): ProbeModule {
  const partnershipOf: Record<string, string> = {};
  let partners: string[] = [];
  let next = 0;
  return {
    async setup() {
      const t = ctx.app();
      const orgs = await t.deps.db
        .select({ id: organizations.id, kind: organizations.kind, networkId: organizations.networkId })
        .from(organizations);
      const own = orgs.find((o) => o.id === ctx.ownOrg());
      const thirdHospital = orgs.find((o) => o.kind === 'hospital' && o.id !== ctx.ownOrg());
      if (!own || !thirdHospital) throw new Error('demo organizations missing');
      const now = t.clock.now();
      const row = (hospitalOrgId: string) => ({
        networkId: own.networkId,
        id: randomUUID(),
        hospitalOrgId,
        cboOrgId: ctx.otherOrg(),
        status: 'active',
        createdAt: now,
        updatedAt: now,
      });
      const mine = row(ctx.ownOrg());
      const theirs = row(thirdHospital.id);
      await t.deps.db.insert(partnerships).values([mine, theirs]);
      partnershipOf[ctx.ownOrg()] = mine.id;
      partnershipOf[ctx.otherOrg()] = theirs.id;
      // Partners the probing organization has no live partnership with yet (the demo has some).
      const taken = new Set(
        (
          await t.deps.db
            .select({ cbo: partnerships.cboOrgId })
            .from(partnerships)
            .where(eq(partnerships.hospitalOrgId, ctx.ownOrg()))
        ).map((p) => p.cbo),
      );
      partners = (
        await t.deps.db
          .select({ id: organizations.id })
          .from(organizations)
          .where(and(eq(organizations.kind, 'cbo'), ne(organizations.id, ctx.otherOrg())))
      )
        .map((o) => o.id)
        .filter((id) => !taken.has(id));
    },
    probes: {
      'partnership.read': {
        crossOrg: true,
        probe: async (c, org) =>
          (await c.request('GET', `/api/v1/partnerships/${partnershipOf[org]}`)).statusCode,
      },
      'partnership.create': {
        crossOrg: false,
        probe: async (c) =>
          (
            await c.request('POST', '/api/v1/partnerships', {
              partnerOrganizationId: partners[next++ % partners.length],
            })
          ).statusCode,
      },
      'partnership.manage': {
        crossOrg: true,
        probe: async (c, org) =>
          (
            await c.request('PATCH', `/api/v1/partnerships/${partnershipOf[org]}`, {
              notes: `probe ${ctx.unique()}`,
            })
          ).statusCode,
      },
      'partnership.aggregate': {
        crossOrg: false,
        probe: async (c) => (await c.request('GET', '/api/v1/partnerships/summary')).statusCode,
      },
    },
  };
}
