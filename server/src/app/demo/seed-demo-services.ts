/**
 * Writes the demo network's generated services (`domain/demo/services.ts`) and their capacity reports,
 * inside the demo seed's transaction. Capacity reports are attributed to `demo` (no user reported them).
 */
import type { Tx } from '../../db/client.ts';
import { capacityReports, services } from '../../db/schema/index.ts';
import { generateDemoServices } from '../../domain/demo/services.ts';
import type { DemoNetwork } from '../../domain/demo/types.ts';
import { nextChangeSeq } from '../directory/write-service.ts';

const REPORTER = 'demo';

export async function seedDemoServices(tx: Tx, demo: DemoNetwork, now: Date): Promise<number> {
  const generated = generateDemoServices(demo, now);
  if (generated.length === 0) return 0;
  const changeSeq = await nextChangeSeq(tx, demo.network.id);
  await tx.insert(services).values(
    generated.map((s) => ({
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
    })),
  );
  const reported = generated.filter((s) => s.capacity !== undefined);
  if (reported.length > 0) {
    await tx.insert(capacityReports).values(
      reported.map((s, index) => ({
        networkId: s.networkId,
        // Deterministic ids: the service id with the last block replaced by the report's position.
        id: `${s.id.slice(0, 24)}${index.toString(16).padStart(12, '0')}`,
        serviceId: s.id,
        status: s.capacity?.status ?? 'accepting',
        expectedWaitDays: s.capacity?.expectedWaitDays ?? null,
        reportedBy: REPORTER,
        reportedAt: s.capacity?.updatedAt ?? now,
      })),
    );
  }
  return generated.length;
}
