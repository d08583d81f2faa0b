/**
 * Writes the demo network's generated services (`domain/demo/services.ts`) and their capacity reports,
 * inside the demo seed's transaction. Capacity reports are attributed to `demo` (no user reported them).
 */
import type { Queryable, Tx } from '../../db/client.ts';
import { bulkInsert } from '../../db/bulk.ts';
import { capacityReports, services } from '../../db/schema/index.ts';
import { generateDemoServices, type DemoService } from '../../domain/demo/services.ts';
import type { DemoNetwork } from '../../domain/demo/types.ts';
import { nextChangeSeq } from '../directory/write-service.ts';

const REPORTER = 'demo';

export async function seedDemoServices(tx: Tx, demo: DemoNetwork, now: Date): Promise<number> {
  const generated = generateDemoServices(demo, now);
  if (generated.length === 0) return 0;
  const changeSeq = await nextChangeSeq(tx, demo.network.id);
  await insertDemoServices(tx, generated, changeSeq, now);
  return generated.length;
}

/** The service row of a generated service. */
export function demoServiceRow(s: DemoService, changeSeq: number, now: Date): typeof services.$inferInsert {
  return {
    networkId: s.networkId,
    id: s.id,
    organizationId: s.organizationId,
    siteId: s.siteId,
    name: s.name,
    description: s.description,
    kind: s.kind,
    status: 'active',
    medications: s.medications,
    policies: s.policies,
    eligibility: s.eligibility,
    latitude: s.location.lat,
    longitude: s.location.lon,
    serviceArea: s.location.serviceArea ?? null,
    timezone: s.timezone,
    intakeHours: s.intakeHours ?? null,
    holidays: [...s.holidays],
    acknowledgement: s.acknowledgement ?? null,
    referralChannel: s.referralChannel,
    phone: s.phone,
    capacityStatus: s.capacity?.status ?? null,
    capacityUpdatedAt: s.capacity?.updatedAt ?? null,
    capacityUpdatedBy: s.capacity ? REPORTER : null,
    capacityExpectedWaitDays: s.capacity?.expectedWaitDays ?? null,
    changeSeq,
    createdAt: now,
    updatedAt: now,
  };
}

/** Inserts generated services and their capacity reports. */
export async function insertDemoServices(
  tx: Queryable,
  generated: readonly DemoService[],
  changeSeq: number,
  now: Date,
): Promise<void> {
  await bulkInsert(
    tx,
    services,
    generated.map((s) => demoServiceRow(s, changeSeq, now)),
  );
  await bulkInsert(
    tx,
    capacityReports,
    generated.flatMap((s) =>
      s.capacity === undefined
        ? []
        : [
            {
              networkId: s.networkId,
              // Deterministic ids: the service id with its first block replaced (the report is the service's first).
              id: `cafe${s.id.slice(4)}`,
              serviceId: s.id,
              status: s.capacity.status,
              expectedWaitDays: s.capacity.expectedWaitDays ?? null,
              reportedBy: REPORTER,
              reportedAt: s.capacity.updatedAt,
            },
          ],
    ),
  );
}
