/** Writes the demo network's pathways (`domain/demo/pathways.ts`), version 1 each, inside the demo seed's transaction. */
import type { Tx } from '../../db/client.ts';
import { bulkInsert } from '../../db/bulk.ts';
import { partnerships, pathways, pathwayVersions } from '../../db/schema/index.ts';
import { eq } from 'drizzle-orm';
import { generateDemoPathways } from '../../domain/demo/pathways.ts';
import type { DemoNetwork } from '../../domain/demo/types.ts';

export async function seedDemoPathways(tx: Tx, demo: DemoNetwork, now: Date): Promise<number> {
  const live = await tx.select().from(partnerships).where(eq(partnerships.networkId, demo.network.id));
  const rows = generateDemoPathways(demo, live);
  const author = demo.memberships[0]?.userId ?? '';
  await bulkInsert(
    tx,
    pathways,
    rows.map(({ steps: _steps, ...p }) => ({
      ...p,
      status: 'active',
      currentVersion: 1,
      createdBy: author,
      createdAt: now,
      updatedAt: now,
    })),
  );
  await bulkInsert(
    tx,
    pathwayVersions,
    rows.map((p) => ({
      networkId: p.networkId,
      pathwayId: p.id,
      version: 1,
      steps: p.steps,
      createdBy: author,
      createdAt: now,
    })),
  );
  return rows.length;
}
