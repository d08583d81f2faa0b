/**
 * The match snapshot: each process keeps the active services of a network in memory, as domain
 * objects, and brings them up to date before every match by reading only the rows whose change number
 * is above the one it has seen (usually none: one indexed query). Writes take change numbers in commit
 * order (`write-service.ts`), so no committed change is ever skipped, and several processes on one
 * PostgreSQL each stay current without any messaging between them.
 *
 * The snapshot also indexes which services offer each medication phase and each kind, so a match looks
 * only at services that offer something the patient needs (others would be ruled out anyway).
 */
import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { organizations, services } from '../../db/schema/index.ts';
import {
  MEDICATIONS,
  METHADONE_SERVICE_KIND,
  OTHER_NEED_SERVICE_KINDS,
  type DirectoryService,
  type MatchNeed,
  type ServiceKind,
} from '../../domain/directory/index.ts';
import { toDirectoryService } from './service-record.ts';

interface Index {
  /** `medication:phase` → services that do it. */
  byOffer: Map<string, DirectoryService[]>;
  byKind: Map<ServiceKind, DirectoryService[]>;
  all: DirectoryService[];
}

class NetworkSnapshot {
  seq = 0;
  readonly services = new Map<string, DirectoryService>();
  /** The change number of each service's version held (or of its removal), so that a slower,
   * older read applied after a newer one never brings an old version back. */
  private readonly seqById = new Map<string, number>();
  private index: Index | undefined;

  apply(changed: Array<{ service: DirectoryService; matchable: boolean; seq: number }>): void {
    let applied = false;
    for (const { service, matchable, seq } of changed) {
      if ((this.seqById.get(service.id) ?? 0) > seq) continue;
      this.seqById.set(service.id, seq);
      if (matchable) this.services.set(service.id, service);
      else this.services.delete(service.id);
      if (seq > this.seq) this.seq = seq;
      applied = true;
    }
    if (applied) this.index = undefined;
  }

  /** Services that offer at least one component of the need; all of them with `everything`. */
  candidates(need: MatchNeed, everything: boolean): DirectoryService[] {
    const index = (this.index ??= buildIndex(this.services));
    if (everything) return index.all;
    const lists: DirectoryService[][] = [];
    if (need.medication)
      lists.push(index.byOffer.get(`${need.medication.name}:${need.medication.phase}`) ?? []);
    for (const otherNeed of need.otherNeeds ?? []) {
      for (const kind of OTHER_NEED_SERVICE_KINDS[otherNeed]) lists.push(index.byKind.get(kind) ?? []);
    }
    if (lists.length === 1) return lists[0] ?? [];
    return [...new Set(lists.flat())];
  }
}

function buildIndex(all: Map<string, DirectoryService>): Index {
  const index: Index = { byOffer: new Map(), byKind: new Map(), all: [...all.values()] };
  const push = <K>(map: Map<K, DirectoryService[]>, key: K, service: DirectoryService) => {
    const list = map.get(key);
    if (list) list.push(service);
    else map.set(key, [service]);
  };
  for (const service of index.all) {
    push(index.byKind, service.kind, service);
    for (const medication of MEDICATIONS) {
      if (medication === 'methadone' && service.kind !== METHADONE_SERVICE_KIND) continue;
      const policy = service.medications[medication];
      if (policy.start) push(index.byOffer, `${medication}:start`, service);
      if (policy.continue) push(index.byOffer, `${medication}:continue`, service);
    }
  }
  return index;
}

const snapshots = new WeakMap<Db, Map<string, NetworkSnapshot>>();

/** One network's snapshot, brought up to date with the database. */
export async function currentSnapshot(db: Db, networkId: string): Promise<NetworkSnapshot> {
  let byNetwork = snapshots.get(db);
  if (!byNetwork) snapshots.set(db, (byNetwork = new Map()));
  let snapshot = byNetwork.get(networkId);
  if (!snapshot) byNetwork.set(networkId, (snapshot = new NetworkSnapshot()));
  const rows = await db
    .select({ service: services, organizationActive: organizations.active })
    .from(services)
    .innerJoin(
      organizations,
      and(eq(organizations.networkId, services.networkId), eq(organizations.id, services.organizationId)),
    )
    .where(and(eq(services.networkId, networkId), gt(services.changeSeq, snapshot.seq)));
  snapshot.apply(
    rows.map((r) => ({
      service: toDirectoryService(r.service),
      matchable: r.service.status === 'active' && r.organizationActive,
      seq: r.service.changeSeq,
    })),
  );
  return snapshot;
}

export type { NetworkSnapshot };
