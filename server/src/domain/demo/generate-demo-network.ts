/**
 * Generates the demo network: one metro network (Greater Cleveland), its health systems, hospitals,
 * community organizations, sites, staff and memberships, as plain objects. Pure and deterministic:
 * the same seed gives deeply equal output, with no clock and no I/O (the caller adds timestamps).
 * Independent PRNG streams are used for ids, places and people, so a change to the staffing plan
 * does not move every address.
 */
import type { CboSubtype, OrganizationKind, Part2LegalStatus, Role } from '../identity/vocabulary.ts';
import { FIRST_NAMES, LAST_NAMES, LATINO_FIRST_NAMES, LATINO_LAST_NAMES, emailLocalPart } from './names.ts';
import {
  CBO_LEGAL_STATUS,
  CBO_SITE_NOUN,
  CBOS,
  DEMO_NETWORK_NAME,
  DEMO_NETWORK_SLUG,
  HEALTH_SYSTEMS,
  type CboTemplate,
} from './organizations.ts';
import { createPrng, type Prng } from './prng.ts';
import { DEMO_REGION, FICTIONAL_LINES, regionZip } from './region.ts';
import {
  CBO_PLANS,
  CONVENER_PLAN,
  CROSS_HIRES,
  HEALTH_SYSTEM_PLAN,
  HOSPITAL_PLAN,
  type StaffPlan,
} from './staffing.ts';
import type {
  DemoLogin,
  DemoMembership,
  DemoNetwork,
  DemoOrganization,
  DemoSite,
  DemoUser,
} from './types.ts';
import { WELL_KNOWN_LOGINS, type WellKnownOrganization } from './well-known-logins.ts';

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/** Hands out fictional phone numbers per area code, without repeats until a code's 100 lines are used. */
function phoneBook(rng: Prng): (areaCode: string) => string {
  const pools = new Map<string, string[]>();
  return (areaCode) => {
    let pool = pools.get(areaCode);
    if (!pool || pool.length === 0) {
      pool = rng.shuffle(FICTIONAL_LINES);
      pools.set(areaCode, pool);
    }
    const line = pool.pop() as string;
    return `${areaCode}-555-${line}`;
  };
}

interface Place {
  street: string;
  city: string;
  state: string;
  postalCode: string;
  latitude: number;
  longitude: number;
  areaCode: string;
  neighborhood: string;
}

function placeIn(rng: Prng, zip: string): Place {
  const z = regionZip(zip);
  const s = rng.pick(z.streets);
  const { latitude: dLat, longitude: dLon } = DEMO_REGION.jitter;
  return {
    street: `${rng.int(s.from, s.to)} ${s.name}`,
    city: z.city,
    state: DEMO_REGION.state,
    postalCode: z.zip,
    latitude: round6(z.latitude + rng.float(-dLat, dLat)),
    longitude: round6(z.longitude + rng.float(-dLon, dLon)),
    areaCode: z.areaCode,
    neighborhood: z.neighborhood,
  };
}

/** An organization in the making, with what staffing needs to know about it. */
interface Draft {
  org: DemoOrganization;
  domain: string;
  spanish: boolean;
  plan: StaffPlan;
}

/** Generates the demo network for `seed` (default 1). */
export function generateDemoNetwork(seed = 1): DemoNetwork {
  const ids = createPrng(seed, 'ids');
  const places = createPrng(seed, 'places');
  const people = createPrng(seed, 'people');
  const phone = phoneBook(places);

  const network = {
    id: ids.uuid(),
    slug: DEMO_NETWORK_SLUG,
    name: DEMO_NETWORK_NAME,
    timezone: DEMO_REGION.timezone,
  };
  const sites: DemoSite[] = [];

  interface OrgInput {
    slug: string;
    name: string;
    kind: OrganizationKind;
    cboSubtype: CboSubtype | null;
    parentId: string | null;
    legalStatus: Part2LegalStatus;
    website: string;
    /** Site names and ZIPs, main first. */
    sites: readonly { name: (neighborhood: string) => string; zip: string }[];
  }

  const makeOrg = (input: OrgInput): DemoOrganization => {
    const id = ids.uuid();
    let main: (Place & { phone: string }) | undefined;
    for (const s of input.sites) {
      const place = placeIn(places, s.zip);
      const sitePhone = phone(place.areaCode);
      main ??= { ...place, phone: sitePhone };
      sites.push({
        networkId: network.id,
        id: ids.uuid(),
        organizationId: id,
        name: s.name(place.neighborhood),
        street: place.street,
        city: place.city,
        state: place.state,
        postalCode: place.postalCode,
        latitude: place.latitude,
        longitude: place.longitude,
        timezone: DEMO_REGION.timezone,
        phone: sitePhone,
        active: true,
      });
    }
    if (!main) throw new Error(`organization ${input.slug} has no site`);
    return {
      networkId: network.id,
      id,
      slug: input.slug,
      name: input.name,
      kind: input.kind,
      cboSubtype: input.cboSubtype,
      parentId: input.parentId,
      part2Program: input.legalStatus === 'part2_program',
      part2LegalStatus: input.legalStatus,
      totpRequiredRoles: [],
      street: main.street,
      city: main.city,
      state: main.state,
      postalCode: main.postalCode,
      phone: main.phone,
      website: input.website,
      active: true,
    };
  };

  // Health systems first, so every hospital's parent precedes it.
  const systems: Draft[] = HEALTH_SYSTEMS.map((t) => ({
    org: makeOrg({
      slug: t.slug,
      name: t.name,
      kind: 'health_system',
      cboSubtype: null,
      parentId: null,
      legalStatus: 'covered_entity',
      website: `https://www.${t.domain}`,
      sites: [{ name: () => 'System Offices', zip: t.zips[0] }],
    }),
    domain: t.domain,
    spanish: t.spanish ?? false,
    plan: HEALTH_SYSTEM_PLAN,
  }));

  const hospitals: Draft[] = HEALTH_SYSTEMS.flatMap((system, i) =>
    system.hospitals.map((t) => {
      const [mainZip, ...others] = t.zips;
      const outpatient = others.length > 0 && places.chance(0.5) ? [places.pick(others)] : [];
      return {
        org: makeOrg({
          slug: t.slug,
          name: t.name,
          kind: 'hospital',
          cboSubtype: null,
          parentId: systems[i]?.org.id ?? null,
          legalStatus: t.part2ConsultService ? 'part2_program' : 'covered_entity',
          website: `https://www.${system.domain}/locations/${t.slug}`,
          sites: [
            { name: () => 'Main Campus', zip: mainZip },
            ...outpatient.map((zip) => ({ name: (n: string) => `${n} Outpatient Center`, zip })),
          ],
        }),
        domain: system.domain,
        spanish: t.spanish ?? false,
        plan: HOSPITAL_PLAN,
      };
    }),
  );

  const cboSites = (t: CboTemplate) => {
    const [mainZip, ...others] = t.zips;
    const second = t.maxSites === 2 && others.length > 0 && places.chance(0.6) ? [places.pick(others)] : [];
    const noun = CBO_SITE_NOUN[t.subtype];
    return [mainZip, ...second].map((zip) => ({ name: (n: string) => `${n} ${noun}`, zip }));
  };

  const cbos: (Draft & { template: CboTemplate })[] = CBOS.map((t) => ({
    org: makeOrg({
      slug: t.slug,
      name: t.name,
      kind: 'cbo',
      cboSubtype: t.subtype,
      parentId: null,
      legalStatus: t.legalStatus ?? CBO_LEGAL_STATUS[t.subtype],
      website: `https://www.${t.domain}`,
      sites: cboSites(t),
    }),
    domain: t.domain,
    spanish: t.spanish ?? false,
    plan: t.convener ? CONVENER_PLAN : CBO_PLANS[t.subtype],
    template: t,
  }));

  const convener = cbos.find((c) => c.template.convener);
  if (!convener) throw new Error('the demo roster has no convener organization');
  const cboOf = (subtype: CboSubtype, index: number): Draft => {
    const found = cbos.filter((c) => c.org.cboSubtype === subtype)[index];
    if (!found) throw new Error(`the demo roster has no ${subtype} number ${index + 1}`);
    return found;
  };
  const hospitalAt = (index: number): Draft => {
    const found = hospitals[index];
    if (!found) throw new Error(`the demo roster has no hospital number ${index + 1}`);
    return found;
  };

  // People. Well-known logins come first so they are easy to find.
  const users: DemoUser[] = [];
  const memberships: DemoMembership[] = [];
  const emails = new Set<string>();
  const names = new Set<string>();

  const addMembership = (userId: string, draft: Draft, roles: readonly Role[], title: string) => {
    memberships.push({
      networkId: network.id,
      id: ids.uuid(),
      userId,
      organizationId: draft.org.id,
      roles: [...roles],
      title,
      status: 'active',
    });
  };

  const addUser = (email: string, displayName: string, locale: DemoUser['locale']): DemoUser => {
    if (emails.has(email)) throw new Error(`duplicate demo e-mail ${email}`);
    emails.add(email);
    names.add(displayName);
    const user: DemoUser = { id: ids.uuid(), email, displayName, locale, status: 'active' };
    users.push(user);
    return user;
  };

  /** A new staff member of an organization, with a realistic name not yet used in the network. */
  const hire = (draft: Draft, forceSpanish: boolean): DemoUser => {
    let first = '';
    let last = '';
    let latino = false;
    for (let attempt = 0; attempt < 50; attempt++) {
      latino = forceSpanish || people.chance(draft.spanish ? 0.6 : 0.12);
      first = people.pick(latino ? LATINO_FIRST_NAMES : FIRST_NAMES);
      last = people.pick(latino ? LATINO_LAST_NAMES : LAST_NAMES);
      if (!names.has(`${first} ${last}`)) break;
    }
    const base = emailLocalPart(first, last);
    let email = `${base}@${draft.domain}`;
    for (let n = 2; emails.has(email); n++) email = `${base}${n}@${draft.domain}`;
    const spanishUi = draft.spanish && latino && (forceSpanish || people.chance(0.5));
    return addUser(email, `${first} ${last}`, spanishUi ? 'es' : 'en');
  };

  const wellKnownOrg: Record<WellKnownOrganization, Draft> = {
    'first-hospital': hospitalAt(0),
    'first-obot': cboOf('obot', 0),
    'first-peer-recovery': cboOf('peer_recovery', 0),
    convener,
  };
  const logins: DemoLogin[] = [];
  for (const login of WELL_KNOWN_LOGINS) {
    const user = addUser(login.email, login.displayName, 'en');
    for (const m of login.memberships) {
      const draft = wellKnownOrg[m.at];
      addMembership(user.id, draft, m.roles, m.title);
      logins.push({
        email: login.email,
        displayName: login.displayName,
        roles: [...m.roles],
        organizationId: draft.org.id,
        organization: draft.org.name,
      });
    }
  }

  for (const draft of [...systems, ...hospitals, ...cbos]) {
    const slots = [...people.pick(draft.plan.leadership), ...draft.plan.staff];
    let first = true;
    for (const slot of slots) {
      const count = people.int(slot.count[0], slot.count[1]);
      for (let i = 0; i < count; i++) {
        // The first person hired at a Spanish-speaking organization uses the Spanish UI.
        const user = hire(draft, draft.spanish && first);
        first = false;
        addMembership(user.id, draft, slot.roles, people.pick(slot.titles));
      }
    }
  }

  for (const cross of CROSS_HIRES) {
    const hospital = hospitalAt(cross.hospital);
    const cbo = cboOf(cross.cbo.subtype, cross.cbo.index);
    const user = hire(hospital, false);
    addMembership(user.id, hospital, cross.roles, cross.titles[0]);
    addMembership(user.id, cbo, cross.roles, cross.titles[1]);
  }

  return {
    seed,
    network,
    organizations: [...systems, ...hospitals, ...cbos].map((d) => d.org),
    sites,
    users,
    memberships,
    convenerOrganizationId: convener.org.id,
    logins,
  };
}
