/**
 * Grows a network's directory to a given size with synthetic community organizations across Ohio, one
 * site and one service each, drawn with the demo generator's policy mix (`demoServiceFor`), so that
 * matching is measured on a directory of realistic variety. Written with bulk inserts in one transaction.
 */
import { count, eq } from 'drizzle-orm';
import { insertDemoServices } from '../../server/src/app/demo/seed-demo-services.ts';
import { nextChangeSeq } from '../../server/src/app/directory/write-service.ts';
import { bulkInsert } from '../../server/src/db/bulk.ts';
import type { Db } from '../../server/src/db/client.ts';
import { organizations, services, sites } from '../../server/src/db/schema/index.ts';
import { createPrng } from '../../server/src/domain/demo/prng.ts';
import { demoServiceFor, type DemoService } from '../../server/src/domain/demo/services.ts';
import type { DemoOrganization, DemoSite } from '../../server/src/domain/demo/types.ts';
import { CBO_SUBTYPES } from '../../server/src/domain/identity/vocabulary.ts';

const SUBTYPES = CBO_SUBTYPES.filter((s) => s !== 'other');

/** Adds services until the network has `target` of them; returns how many it added. */
export async function growDirectory(db: Db, networkId: string, target: number, now: Date): Promise<number> {
  const [existing] = await db.select({ n: count() }).from(services).where(eq(services.networkId, networkId));
  const missing = target - (existing?.n ?? 0);
  if (missing <= 0) return 0;
  const rng = createPrng(20_000, 'bench-directory');
  const orgs: DemoOrganization[] = [];
  const siteRows: DemoSite[] = [];
  const generated: DemoService[] = [];
  for (let i = 0; i < missing; i++) {
    const subtype = rng.pick(SUBTYPES);
    const org: DemoOrganization = {
      networkId,
      id: rng.uuid(),
      slug: `bench-cbo-${i}`,
      name: `Synthetic ${subtype.replaceAll('_', ' ')} ${i}`,
      kind: 'cbo',
      cboSubtype: subtype,
      parentId: null,
      part2Program: true,
      part2LegalStatus: 'part2_program',
      totpRequiredRoles: [],
      street: `${rng.int(1, 9999)} Main St`,
      city: 'Columbus',
      state: 'OH',
      postalCode: '43215',
      phone: '614-555-0100',
      website: 'https://example.test',
      active: true,
    };
    const site: DemoSite = {
      networkId,
      id: rng.uuid(),
      organizationId: org.id,
      name: org.name,
      street: org.street,
      city: org.city,
      state: org.state,
      postalCode: org.postalCode,
      latitude: rng.float(38.5, 41.9),
      longitude: rng.float(-84.8, -80.6),
      timezone: 'America/New_York',
      phone: org.phone,
      active: true,
    };
    const service = demoServiceFor(rng, org, site, { spanish: rng.chance(0.2), now });
    if (!service) continue;
    orgs.push(org);
    siteRows.push(site);
    generated.push(service);
  }
  await db.transaction(async (tx) => {
    const stamp = { createdAt: now, updatedAt: now };
    await bulkInsert(
      tx,
      organizations,
      orgs.map((o) => ({ ...o, ...stamp })),
    );
    await bulkInsert(
      tx,
      sites,
      siteRows.map((s) => ({ ...s, ...stamp })),
    );
    await insertDemoServices(tx, generated, await nextChangeSeq(tx, networkId), now);
  });
  return generated.length;
}
