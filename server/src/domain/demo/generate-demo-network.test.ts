/**
 * The demo network generator: deterministic per seed, the roster the issue asks for (systems,
 * hospitals, every CBO subtype, a convener), consistent references, Part 2 classification, addresses
 * inside the region, realistic staffing with cross-hires, and the well-known logins.
 */
import { describe, expect, it } from 'vitest';
import {
  CBO_SUBTYPES,
  ORGANIZATION_KINDS,
  PART2_LEGAL_STATUSES,
  ROLES,
  type Role,
} from '../identity/vocabulary.ts';
import { generateDemoNetwork } from './generate-demo-network.ts';
import { DEMO_REGION, REGION_ZIPS } from './region.ts';
import type { DemoNetwork } from './types.ts';
import { WELL_KNOWN_LOGINS } from './well-known-logins.ts';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const SEEDS = [1, 2, 3, 17, 2026, 987654321];

const demo = generateDemoNetwork();

const orgsOfKind = (d: DemoNetwork, kind: string) => d.organizations.filter((o) => o.kind === kind);
const membershipsOf = (d: DemoNetwork, userId: string) => d.memberships.filter((m) => m.userId === userId);
const orgById = (d: DemoNetwork) => new Map(d.organizations.map((o) => [o.id, o]));

/** The value, or a thrown error naming what was missing (keeps the assertions free of `!`). */
function defined<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`missing: ${what}`);
  return value;
}

describe('generateDemoNetwork: determinism', () => {
  it('gives deeply equal output for the same seed, and seed 1 by default', () => {
    expect(generateDemoNetwork(1)).toEqual(demo);
    expect(generateDemoNetwork(5)).toEqual(generateDemoNetwork(5));
  });

  it('gives different ids, addresses and staff for a different seed, with the same roster', () => {
    const other = generateDemoNetwork(2);
    expect(other).not.toEqual(demo);
    expect(other.network.id).not.toBe(demo.network.id);
    expect(other.organizations.map((o) => o.street)).not.toEqual(demo.organizations.map((o) => o.street));
    expect(other.users.map((u) => u.email)).not.toEqual(demo.users.map((u) => u.email));
    expect(other.organizations.map((o) => o.slug)).toEqual(demo.organizations.map((o) => o.slug));
  });

  it('returns plain data (no Dates, functions or class instances)', () => {
    expect(JSON.parse(JSON.stringify(demo))).toEqual(demo);
  });
});

describe.each(SEEDS)('generateDemoNetwork(%i): roster', (seed) => {
  const d = generateDemoNetwork(seed);
  const byId = orgById(d);

  it('is one metro network with the demo slug and the region time zone', () => {
    expect(d.seed).toBe(seed);
    expect(d.network.slug).toBe('demo');
    expect(d.network.name).toMatch(/Opioid Transitions Network$/);
    expect(d.network.timezone).toBe('America/New_York');
    expect(d.network.id).toMatch(UUID_V4);
  });

  it('has 4 health systems and 7 hospitals, each hospital under a system listed before it', () => {
    const systems = orgsOfKind(d, 'health_system');
    const hospitals = orgsOfKind(d, 'hospital');
    expect(systems).toHaveLength(4);
    expect(hospitals).toHaveLength(7);
    for (const h of hospitals) {
      const parent = h.parentId ? byId.get(h.parentId) : undefined;
      expect(parent?.kind).toBe('health_system');
      expect(d.organizations.indexOf(defined(parent, h.slug))).toBeLessThan(d.organizations.indexOf(h));
    }
    for (const s of systems) expect(hospitals.some((h) => h.parentId === s.id)).toBe(true);
    for (const o of d.organizations.filter((o) => o.kind !== 'hospital')) expect(o.parentId).toBeNull();
  });

  it('has at least 25 CBOs covering every subtype, with several OTPs, OBOTs and peer organizations', () => {
    const cbos = orgsOfKind(d, 'cbo');
    expect(cbos.length).toBeGreaterThanOrEqual(25);
    const count = (subtype: string) => cbos.filter((c) => c.cboSubtype === subtype).length;
    for (const subtype of CBO_SUBTYPES) expect(count(subtype), subtype).toBeGreaterThanOrEqual(1);
    expect(count('otp')).toBeGreaterThanOrEqual(3);
    expect(count('obot')).toBeGreaterThanOrEqual(3);
    expect(count('peer_recovery')).toBeGreaterThanOrEqual(3);
  });

  it('gives every organization a valid kind, subtype and Part 2 classification', () => {
    for (const o of d.organizations) {
      expect(ORGANIZATION_KINDS).toContain(o.kind);
      if (o.kind === 'cbo') expect(CBO_SUBTYPES).toContain(o.cboSubtype);
      else expect(o.cboSubtype).toBeNull();
      expect(PART2_LEGAL_STATUSES).toContain(o.part2LegalStatus);
      expect(o.part2Program, o.slug).toBe(o.part2LegalStatus === 'part2_program');
      expect(o.totpRequiredRoles).toEqual([]);
      expect(o.active).toBe(true);
      expect(o.networkId).toBe(d.network.id);
    }
  });

  it('classifies Part 2 status by what the organization does', () => {
    const treatment = ['otp', 'obot', 'bridge_clinic', 'residential_treatment', 'withdrawal_management'];
    for (const o of orgsOfKind(d, 'cbo').filter((c) => treatment.includes(c.cboSubtype ?? ''))) {
      expect(o.part2LegalStatus, o.slug).toBe('part2_program');
    }
    expect(orgsOfKind(d, 'health_system').every((o) => o.part2LegalStatus === 'covered_entity')).toBe(true);
    const hospitals = orgsOfKind(d, 'hospital');
    expect(hospitals.filter((h) => h.part2Program)).toHaveLength(1);
    expect(hospitals.filter((h) => h.part2LegalStatus === 'covered_entity')).toHaveLength(6);
    const community = orgsOfKind(d, 'cbo').filter((c) =>
      ['peer_recovery', 'harm_reduction', 'recovery_housing', 'social_services'].includes(c.cboSubtype ?? ''),
    );
    const lawfulHolders = community.filter((c) => c.part2LegalStatus === 'lawful_holder' && !c.part2Program);
    expect(lawfulHolders.length).toBeGreaterThan(community.length / 2);
  });

  it('has exactly one convener, a CBO of subtype other', () => {
    const convener = byId.get(d.convenerOrganizationId);
    expect(convener?.kind).toBe('cbo');
    expect(convener?.cboSubtype).toBe('other');
    const conveners = d.memberships.filter((m) => m.roles.includes('network_convener'));
    expect(conveners.length).toBeGreaterThanOrEqual(2);
    expect(new Set(conveners.map((m) => m.organizationId))).toEqual(new Set([d.convenerOrganizationId]));
  });

  it('uses unique ids, slugs and e-mail addresses', () => {
    const ids = [
      d.network.id,
      ...d.organizations.map((o) => o.id),
      ...d.sites.map((s) => s.id),
      ...d.users.map((u) => u.id),
      ...d.memberships.map((m) => m.id),
    ];
    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(ids.length);
    const slugs = d.organizations.map((o) => o.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    const emails = d.users.map((u) => u.email);
    expect(new Set(emails).size).toBe(emails.length);
  });
});

describe.each(SEEDS)('generateDemoNetwork(%i): places', (seed) => {
  const d = generateDemoNetwork(seed);
  const zips = new Map(REGION_ZIPS.map((z) => [z.zip, z]));
  const { bounds, jitter } = DEMO_REGION;

  it('gives every organization 1 to 3 sites: hospitals a main campus, systems one office, CBOs 1 or 2', () => {
    for (const o of d.organizations) {
      const sites = d.sites.filter((s) => s.organizationId === o.id);
      expect(sites.length, o.slug).toBeGreaterThanOrEqual(1);
      expect(sites.length, o.slug).toBeLessThanOrEqual(3);
      if (o.kind === 'hospital') expect(sites[0]?.name).toBe('Main Campus');
      if (o.kind === 'health_system') expect(sites).toHaveLength(1);
      if (o.kind === 'cbo') expect(sites.length).toBeLessThanOrEqual(2);
      // The organization's address is its main site's.
      expect(o.street).toBe(sites[0]?.street);
      expect(o.postalCode).toBe(sites[0]?.postalCode);
    }
    const orgIds = new Set(d.organizations.map((o) => o.id));
    for (const s of d.sites) expect(orgIds.has(s.organizationId)).toBe(true);
  });

  it('puts every site at a real street and ZIP of the region, near that ZIP centroid', () => {
    for (const s of d.sites) {
      const zip = defined(zips.get(s.postalCode), `ZIP ${s.postalCode}`);
      expect(s.city).toBe(zip.city);
      expect(s.state).toBe('OH');
      expect(s.timezone).toBe('America/New_York');
      const street = defined(
        zip.streets.find((st) => s.street.endsWith(` ${st.name}`)),
        `${s.street} in ${zip.zip}`,
      );
      const number = Number(s.street.split(' ')[0]);
      expect(number).toBeGreaterThanOrEqual(street.from);
      expect(number).toBeLessThanOrEqual(street.to);
      expect(Math.abs(s.latitude - zip.latitude)).toBeLessThanOrEqual(jitter.latitude);
      expect(Math.abs(s.longitude - zip.longitude)).toBeLessThanOrEqual(jitter.longitude);
      expect(s.latitude).toBeGreaterThan(bounds.south);
      expect(s.latitude).toBeLessThan(bounds.north);
      expect(s.longitude).toBeGreaterThan(bounds.west);
      expect(s.longitude).toBeLessThan(bounds.east);
    }
  });

  it('uses fictional 555-01xx phone numbers of the ZIP area code, and .test web sites', () => {
    for (const s of d.sites) {
      expect(s.phone).toMatch(/^(216|440)-555-01\d\d$/);
      expect(s.phone.slice(0, 3)).toBe(zips.get(s.postalCode)?.areaCode);
    }
    for (const o of d.organizations) {
      expect(o.phone).toMatch(/^(216|440)-555-01\d\d$/);
      expect(new URL(o.website).hostname).toMatch(/\.test$/);
    }
    const phones = d.sites.map((s) => s.phone);
    expect(new Set(phones).size).toBe(phones.length);
  });
});

describe.each(SEEDS)('generateDemoNetwork(%i): people', (seed) => {
  const d = generateDemoNetwork(seed);
  const byId = orgById(d);
  const userIds = new Set(d.users.map((u) => u.id));

  it('has at least 40 active users with realistic names, .test e-mail addresses and a locale', () => {
    expect(d.users.length).toBeGreaterThanOrEqual(40);
    for (const u of d.users) {
      expect(u.displayName).toMatch(/^\p{Lu}[\p{L}'-]+ \p{Lu}[\p{L}'-]+$/u);
      // Generated staff: first.last@<organization domain>.test; well-known logins: <role>@demo.handoff.test.
      expect(u.email).toMatch(/^([a-z]+\.[a-z]+\d*@[a-z]+\.test|[a-z.]+@demo\.handoff\.test)$/);
      expect(['en', 'es']).toContain(u.locale);
      expect(u.status).toBe('active');
    }
    const spanish = d.users.filter((u) => u.locale === 'es').length;
    expect(spanish).toBeGreaterThanOrEqual(2);
    expect(spanish).toBeLessThan(d.users.length / 4);
  });

  it('references existing users and organizations, at most once per user and organization', () => {
    const pairs = new Set<string>();
    for (const m of d.memberships) {
      expect(userIds.has(m.userId)).toBe(true);
      expect(byId.has(m.organizationId)).toBe(true);
      expect(m.networkId).toBe(d.network.id);
      expect(m.status).toBe('active');
      expect(m.title.length).toBeGreaterThan(0);
      pairs.add(`${m.userId}/${m.organizationId}`);
    }
    expect(pairs.size).toBe(d.memberships.length);
    for (const u of d.users) expect(membershipsOf(d, u.id).length, u.email).toBeGreaterThanOrEqual(1);
  });

  it('gives roles that fit the organization, and some people two roles in one organization', () => {
    const fits: Record<string, readonly Role[]> = {
      health_system: ['program_manager', 'org_admin'],
      hospital: ['navigator', 'peer_specialist', 'clinician', 'liaison', 'program_manager', 'org_admin'],
      cbo: ['cbo_intake', 'liaison', 'peer_specialist', 'clinician', 'program_manager', 'org_admin'],
    };
    for (const m of d.memberships) {
      expect(m.roles.length).toBeGreaterThanOrEqual(1);
      expect(new Set(m.roles).size).toBe(m.roles.length);
      const org = defined(byId.get(m.organizationId), m.organizationId);
      for (const role of m.roles) {
        expect(ROLES).toContain(role);
        if (org.id === d.convenerOrganizationId) expect(['network_convener', 'org_admin']).toContain(role);
        else expect(fits[org.kind], `${role} at ${org.slug}`).toContain(role);
      }
    }
    expect(
      d.memberships.some((m) => m.roles.includes('program_manager') && m.roles.includes('org_admin')),
    ).toBe(true);
  });

  it('staffs every organization, and both sides with managers and admins', () => {
    for (const o of d.organizations) {
      expect(
        d.memberships.some((m) => m.organizationId === o.id && m.roles.includes('org_admin')),
        o.slug,
      ).toBe(true);
    }
    const rolesAt = (kind: string) =>
      new Set(d.memberships.filter((m) => byId.get(m.organizationId)?.kind === kind).flatMap((m) => m.roles));
    const hospital = rolesAt('hospital');
    const cbo = rolesAt('cbo');
    for (const role of [
      'navigator',
      'peer_specialist',
      'clinician',
      'program_manager',
      'org_admin',
    ] as const) {
      expect(hospital.has(role), role).toBe(true);
    }
    for (const role of [
      'cbo_intake',
      'liaison',
      'peer_specialist',
      'clinician',
      'program_manager',
      'org_admin',
    ]) {
      expect(cbo.has(role as Role), role).toBe(true);
    }
  });

  it('has at least two cross-hired users, active in a hospital and a CBO', () => {
    const crossHired = d.users.filter((u) => {
      const kinds = membershipsOf(d, u.id)
        .filter((m) => m.status === 'active')
        .map((m) => byId.get(m.organizationId)?.kind);
      return kinds.includes('hospital') && kinds.includes('cbo');
    });
    expect(crossHired.length).toBeGreaterThanOrEqual(2);
    expect(crossHired.map((u) => u.email)).toContain('peer.crosshired@demo.handoff.test');
  });
});

describe('generateDemoNetwork: well-known logins', () => {
  const byId = orgById(demo);
  const hospitals = orgsOfKind(demo, 'hospital');
  const firstOf = (subtype: string) =>
    defined(
      demo.organizations.find((o) => o.cboSubtype === subtype),
      subtype,
    );
  const firstHospital = defined(hospitals[0], 'first hospital');
  const expected: [email: string, role: Role, orgId: string][] = [
    ['convener@demo.handoff.test', 'network_convener', demo.convenerOrganizationId],
    ['admin.hospital@demo.handoff.test', 'org_admin', firstHospital.id],
    ['manager.hospital@demo.handoff.test', 'program_manager', firstHospital.id],
    ['navigator@demo.handoff.test', 'navigator', firstHospital.id],
    ['clinician@demo.handoff.test', 'clinician', firstHospital.id],
    ['admin.cbo@demo.handoff.test', 'org_admin', firstOf('obot').id],
    ['intake@demo.handoff.test', 'cbo_intake', firstOf('obot').id],
    ['liaison@demo.handoff.test', 'liaison', firstOf('obot').id],
    ['peer.crosshired@demo.handoff.test', 'peer_specialist', firstHospital.id],
    ['peer.crosshired@demo.handoff.test', 'peer_specialist', firstOf('peer_recovery').id],
  ];

  it.each(expected)('%s is %s at the right organization', (email, role, orgId) => {
    const user = defined(
      demo.users.find((u) => u.email === email),
      email,
    );
    const membership = membershipsOf(demo, user.id).find((m) => m.organizationId === orgId);
    expect(membership?.roles).toContain(role);
    expect(membership?.status).toBe('active');
  });

  it('describes each well-known login and lists it, one entry per membership, with its organization', () => {
    expect(WELL_KNOWN_LOGINS.map((l) => l.email)).toEqual([...new Set(expected.map(([email]) => email))]);
    expect(demo.logins.map((l) => [l.email, l.roles[0], l.organizationId])).toEqual(expected);
    for (const login of demo.logins) expect(login.organization).toBe(byId.get(login.organizationId)?.name);
    expect(demo.users.slice(0, WELL_KNOWN_LOGINS.length).map((u) => u.email)).toEqual(
      WELL_KNOWN_LOGINS.map((l) => l.email),
    );
  });

  it('puts the well-known logins at the same organizations whatever the seed', () => {
    const other = generateDemoNetwork(99);
    const otherById = orgById(other);
    expect(other.logins.map((l) => [l.email, otherById.get(l.organizationId)?.slug])).toEqual(
      demo.logins.map((l) => [l.email, byId.get(l.organizationId)?.slug]),
    );
  });
});
