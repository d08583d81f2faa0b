/**
 * The match snapshot: each process keeps the active services of a network in memory, as domain
 * objects, and brings them up to date before every match by reading only the rows whose change number
 * is above the one it has seen (usually none: one indexed query). Writes take change numbers in commit
 * order (`write-service.ts`), so no committed change is ever skipped, and several processes on one
 * PostgreSQL each stay current without any messaging between them.
 *
 * The snapshot also indexes which services offer each medication phase and each kind, so a match looks
 * only at services that offer something the patient needs (others would be ruled out anyway), and keeps
 * each service's row with its organization and site names, so a match builds its result views without
 * another read. Renaming an organization or editing a site marks its services changed
 * (`touchOrganizationServices`, `touchSiteServices`), so those names are never stale.
 */
import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { organizations, services, sites } from '../../db/schema/index.ts';
import {
  MEDICATIONS,
  METHADONE_SERVICE_KIND,
  OTHER_NEED_SERVICE_KINDS,
  type DirectoryService,
  type MatchNeed,
  type ServiceKind,
} from '../../domain/directory/index.ts';
import { SITE_NAMES, type NamedService } from './find-services.ts';
import { toDirectoryService } from './service-record.ts';

/** Holds the current version of one service; index lists hold slots, so a new version of a service
 * that offers the same things (e.g. a capacity report) replaces the slot's content without a rebuild. */
interface Slot {
  service: DirectoryService;
  named: NamedService;
}

interface Index {
  /** `medication:phase` → services that do it. */
  byOffer: Map<string, Slot[]>;
  byKind: Map<ServiceKind, Slot[]>;
  all: Slot[];
}

/** What decides the index lists a service is in. */
function offerKey(service: DirectoryService): string {
  const offers = MEDICATIONS.flatMap((medication) => {
    if (medication === 'methadone' && service.kind !== METHADONE_SERVICE_KIND) return [];
    const policy = service.medications[medication];
    return [policy.start ? `${medication}:start` : '', policy.continue ? `${medication}:continue` : ''];
  });
  return `${service.kind}|${offers.filter(Boolean).join(',')}`;
}

class NetworkSnapshot {
  seq = 0;
  private readonly slots = new Map<string, Slot>();
  /** The change number of each service's version held (or of its removal), so that a slower,
   * older read applied after a newer one never brings an old version back. */
  private readonly seqById = new Map<string, number>();
  private index: Index | undefined;

  get size(): number {
    return this.slots.size;
  }

  apply(
    changed: Array<{ service: DirectoryService; named: NamedService; matchable: boolean; seq: number }>,
  ): void {
    for (const { service, named, matchable, seq } of changed) {
      if ((this.seqById.get(service.id) ?? 0) > seq) continue;
      this.seqById.set(service.id, seq);
      if (seq > this.seq) this.seq = seq;
      const slot = this.slots.get(service.id);
      if (!matchable) {
        if (slot) {
          this.slots.delete(service.id);
          this.index = undefined;
        }
      } else if (!slot) {
        this.slots.set(service.id, { service, named });
        this.index = undefined;
      } else {
        if (offerKey(slot.service) !== offerKey(service)) this.index = undefined;
        slot.service = service;
        slot.named = named;
      }
    }
  }

  /** A matchable service's row with its organization and site names, as of this snapshot. */
  named(id: string): NamedService | undefined {
    return this.slots.get(id)?.named;
  }

  /** Services that offer at least one component of the need; all of them with `everything`. */
  candidates(need: MatchNeed, everything: boolean): DirectoryService[] {
    const index = (this.index ??= buildIndex(this.slots));
    if (everything) return index.all.map((slot) => slot.service);
    const lists: Slot[][] = [];
    if (need.medication)
      lists.push(index.byOffer.get(`${need.medication.name}:${need.medication.phase}`) ?? []);
    for (const otherNeed of need.otherNeeds ?? []) {
      for (const kind of OTHER_NEED_SERVICE_KINDS[otherNeed]) lists.push(index.byKind.get(kind) ?? []);
    }
    const slots = lists.length === 1 ? (lists[0] ?? []) : [...new Set(lists.flat())];
    return slots.map((slot) => slot.service);
  }
}

function buildIndex(slots: Map<string, Slot>): Index {
  const index: Index = { byOffer: new Map(), byKind: new Map(), all: [...slots.values()] };
  const push = <K>(map: Map<K, Slot[]>, key: K, slot: Slot) => {
    const list = map.get(key);
    if (list) list.push(slot);
    else map.set(key, [slot]);
  };
  for (const slot of index.all) {
    const service = slot.service;
    push(index.byKind, service.kind, slot);
    for (const medication of MEDICATIONS) {
      if (medication === 'methadone' && service.kind !== METHADONE_SERVICE_KIND) continue;
      const policy = service.medications[medication];
      if (policy.start) push(index.byOffer, `${medication}:start`, slot);
      if (policy.continue) push(index.byOffer, `${medication}:continue`, slot);
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
    .select({
      service: services,
      organizationActive: organizations.active,
      organizationName: organizations.name,
      site: SITE_NAMES,
    })
    .from(services)
    .innerJoin(
      organizations,
      and(eq(organizations.networkId, services.networkId), eq(organizations.id, services.organizationId)),
    )
    .innerJoin(sites, and(eq(sites.networkId, services.networkId), eq(sites.id, services.siteId)))
    .where(and(eq(services.networkId, networkId), gt(services.changeSeq, snapshot.seq)));
  snapshot.apply(
    rows.map((r) => ({
      service: toDirectoryService(r.service),
      named: { row: r.service, names: { organizationName: r.organizationName, site: r.site } },
      matchable: r.service.status === 'active' && r.organizationActive,
      seq: r.service.changeSeq,
    })),
  );
  return snapshot;
}

export type { NetworkSnapshot };
