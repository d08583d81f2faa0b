/**
 * What every phase of the demo history shares: its time frame and the zone clock, lookups over the network,
 * each organization's staff by role, the partnerships, the services that can receive referrals, and the
 * well-known organizations the walkthroughs need left alone.
 */
import { createZoneClock, DAY_MS, type ZoneClock } from '../directory/zoned-time.ts';
import { generateDemoPartnerships, type DemoPartnershipSet } from './partnerships.ts';
import { generateDemoServices, type DemoService } from './services.ts';
import { MONTH_MS } from './transitions-time.ts';
import type { DemoMembership, DemoNetwork, DemoOrganization, DemoSite, DemoUser } from './types.ts';

/** How far back the history goes. */
export const DEMO_HISTORY_MONTHS = 18;

/** An organization's members by the part they play in a transition. */
export interface Staff {
  navigators: DemoMembership[];
  peers: DemoMembership[];
  clinicians: DemoMembership[];
  intake: DemoMembership[];
}

/** A service that can receive referrals, with its organization. */
export interface Candidate {
  service: DemoService;
  org: DemoOrganization;
}

export interface HistoryContext {
  demo: DemoNetwork;
  nowMs: number;
  /** The first instant of the history: `DEMO_HISTORY_MONTHS` before now. */
  startMs: number;
  timeZone: string;
  clock: ZoneClock;
  partnerships: DemoPartnershipSet['partnerships'];
  orgById: ReadonlyMap<string, DemoOrganization>;
  siteById: ReadonlyMap<string, DemoSite>;
  userById: ReadonlyMap<string, DemoUser>;
  userOfMembership: ReadonlyMap<string, string>;
  /** The well-known OBOT (the CBO admin's organization). */
  firstObot: string | undefined;
  /** The well-known hospital (the hospital admin's organization). */
  firstHospital: string | undefined;
  /** The second OBOT, which receives nothing. */
  secondObot: string | undefined;
  staffOf: (orgId: string) => Staff;
  /** CBO services that can receive referrals (the hospitals' own bridge clinics are not partners). */
  receivable: readonly Candidate[];
}

export function createHistoryContext(demo: DemoNetwork, now: Date): HistoryContext {
  const nowMs = now.getTime();
  const startMs = nowMs - DEMO_HISTORY_MONTHS * MONTH_MS;
  const timeZone = demo.network.timezone;
  const clock = createZoneClock(timeZone, startMs - 10 * DAY_MS, nowMs + 90 * DAY_MS);
  if (!clock) throw new Error(`unknown time zone ${timeZone}`);

  const services = generateDemoServices(demo, now);
  const partnerships = generateDemoPartnerships(demo, now).partnerships;
  const orgById = new Map(demo.organizations.map((o) => [o.id, o]));
  const siteById = new Map(demo.sites.map((s) => [s.id, s]));
  const userById = new Map(demo.users.map((u) => [u.id, u]));
  const userOfMembership = new Map(demo.memberships.map((m) => [m.id, m.userId]));
  const firstObot = demo.logins.find((l) => l.email === 'admin.cbo@demo.handoff.test')?.organizationId;
  const firstHospital = demo.logins.find(
    (l) => l.email === 'admin.hospital@demo.handoff.test',
  )?.organizationId;
  // The second OBOT receives nothing: the patients-and-consent walkthrough shares a fresh patient with it and
  // expects to find them in its patient list, which shows only the first 50 shared patients, in no order.
  const secondObot = demo.organizations.filter((o) => o.cboSubtype === 'obot')[1]?.id;
  const staff = staffing(demo);
  const staffOf = (orgId: string): Staff =>
    staff.get(orgId) ?? { navigators: [], peers: [], clinicians: [], intake: [] };

  const receivable: Candidate[] = services.flatMap((service) => {
    const org = orgById.get(service.organizationId);
    return org && org.kind === 'cbo' && org.id !== demo.convenerOrganizationId ? [{ service, org }] : [];
  });

  return {
    demo,
    nowMs,
    startMs,
    timeZone,
    clock,
    partnerships,
    orgById,
    siteById,
    userById,
    userOfMembership,
    firstObot,
    firstHospital,
    secondObot,
    staffOf,
    receivable,
  };
}

function staffing(demo: DemoNetwork): Map<string, Staff> {
  const out = new Map<string, Staff>();
  for (const m of demo.memberships) {
    const s = out.get(m.organizationId) ?? { navigators: [], peers: [], clinicians: [], intake: [] };
    if (m.roles.includes('navigator')) s.navigators.push(m);
    if (m.roles.includes('peer_specialist')) s.peers.push(m);
    if (m.roles.includes('clinician')) s.clinicians.push(m);
    if (m.roles.includes('cbo_intake')) s.intake.push(m);
    out.set(m.organizationId, s);
  }
  // Organizations without intake staff answer through their liaison or anyone else.
  for (const m of demo.memberships) {
    const s = out.get(m.organizationId);
    if (s && s.intake.length === 0 && m.roles.includes('liaison')) s.intake.push(m);
  }
  for (const m of demo.memberships) {
    const s = out.get(m.organizationId);
    if (s && s.intake.length === 0) s.intake.push(m);
  }
  return out;
}
