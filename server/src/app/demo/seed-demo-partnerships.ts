/** Writes the demo network's generated partnerships (`domain/demo/partnerships.ts`) inside the demo seed's transaction. */
import type { Tx } from '../../db/client.ts';
import { bulkInsert } from '../../db/bulk.ts';
import {
  partnershipActionItems,
  partnershipAgreements,
  partnershipAssessments,
  partnershipDeliveries,
  partnershipGoals,
  partnershipLiaisons,
  partnershipMeetings,
  partnerships,
} from '../../db/schema/index.ts';
import { generateDemoPartnerships } from '../../domain/demo/partnerships.ts';
import type { DemoNetwork } from '../../domain/demo/types.ts';

export async function seedDemoPartnerships(tx: Tx, demo: DemoNetwork, now: Date): Promise<number> {
  const set = generateDemoPartnerships(demo, now);
  const networkId = demo.network.id;
  const recorder = demo.memberships[0]?.userId ?? '';
  await bulkInsert(
    tx,
    partnerships,
    set.partnerships.map((p) => ({ ...p, createdAt: now, updatedAt: now })),
  );
  await bulkInsert(
    tx,
    partnershipAgreements,
    set.agreements.map((a) => ({ ...a, networkId, createdBy: recorder, createdAt: now, updatedAt: now })),
  );
  await bulkInsert(
    tx,
    partnershipLiaisons,
    set.liaisons.map((l) => ({ ...l, networkId, createdAt: now })),
  );
  await bulkInsert(
    tx,
    partnershipDeliveries,
    set.deliveries.map((d) => ({ ...d, networkId, note: null, recordedBy: recorder, createdAt: now })),
  );
  await bulkInsert(
    tx,
    partnershipMeetings,
    set.meetings.map((m) => ({ ...m, networkId, createdBy: recorder, createdAt: now })),
  );
  await bulkInsert(
    tx,
    partnershipActionItems,
    set.actionItems.map(({ done, ...a }) => ({
      ...a,
      networkId,
      doneAt: done ? now : null,
      createdAt: now,
      updatedAt: now,
    })),
  );
  await bulkInsert(
    tx,
    partnershipGoals,
    set.goals.map((g) => ({ ...g, networkId, createdAt: now, updatedAt: now })),
  );
  await bulkInsert(
    tx,
    partnershipAssessments,
    set.assessments.map((a) => ({ ...a, networkId, comment: null, submittedBy: recorder, submittedAt: now })),
  );
  return set.partnerships.length;
}
