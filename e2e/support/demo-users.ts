/**
 * Who the journeys sign in as. The server seeds the demo network with seed 1 on a fresh data dir, so
 * the generated staff are known in advance: journeys that change a user's state (TOTP, password
 * reset) pick their own generated person so they never interfere with each other or the well-known logins.
 */
import { generateDemoNetwork } from '../../server/src/domain/demo/generate-demo-network.ts';
import { WELL_KNOWN_LOGINS } from '../../server/src/domain/demo/well-known-logins.ts';

/** The demo password (`DEMO_PASSWORD` in server/src/app/demo/seed-demo-network.ts). */
export const DEMO_PASSWORD = 'handoff-demo-2026';

const demo = generateDemoNetwork(1);
const wellKnown = new Set<string>(WELL_KNOWN_LOGINS.map((l) => l.email));
const organizations = new Map(demo.organizations.map((o) => [o.id, o]));

export interface DemoPerson {
  email: string;
  displayName: string;
  organization: string;
  roles: string[];
}

/** Generated (not well-known) people holding exactly one membership, with exactly these roles. */
function generated(roles: string[]): DemoPerson[] {
  const people: DemoPerson[] = [];
  for (const user of demo.users) {
    if (wellKnown.has(user.email)) continue;
    const ms = demo.memberships.filter((m) => m.userId === user.id);
    const only = ms[0];
    if (ms.length !== 1 || !only || only.roles.join('+') !== roles.join('+')) continue;
    const org = organizations.get(only.organizationId);
    people.push({ email: user.email, displayName: user.displayName, organization: org?.name ?? '', roles });
  }
  return people;
}

function pick(list: DemoPerson[], index: number, what: string): DemoPerson {
  const person = list[index];
  if (!person) throw new Error(`The demo network has no ${what} #${index + 1}`);
  return person;
}

const byLogin = (email: string) => {
  const login = WELL_KNOWN_LOGINS.find((l) => l.email === email);
  if (!login) throw new Error(`${email} is not a well-known demo login`);
  return login;
};

export const users = {
  convener: byLogin('convener@demo.handoff.test'),
  hospitalAdmin: byLogin('admin.hospital@demo.handoff.test'),
  hospitalManager: byLogin('manager.hospital@demo.handoff.test'),
  navigator: byLogin('navigator@demo.handoff.test'),
  clinician: byLogin('clinician@demo.handoff.test'),
  cboAdmin: byLogin('admin.cbo@demo.handoff.test'),
  intake: byLogin('intake@demo.handoff.test'),
  liaison: byLogin('liaison@demo.handoff.test'),
  crossHired: byLogin('peer.crosshired@demo.handoff.test'),
  /** Enables TOTP in the TOTP journey. */
  totpPerson: pick(generated(['navigator']), 0, 'generated navigator'),
  /** Resets the password in the password-reset journey. */
  resetPerson: pick(generated(['navigator']), 1, 'generated navigator'),
  /** Signs in with a wrong password once in the login journey. */
  wrongPasswordPerson: pick(generated(['clinician']), 0, 'generated clinician'),
  /** Is locked out by repeated wrong passwords in the login journey. */
  lockedOutPerson: pick(generated(['clinician']), 1, 'generated clinician'),
};

/** Names of the organizations a well-known login works for, in membership order. */
export const organizationsOf = (email: string): string[] =>
  demo.logins.filter((l) => l.email === email).map((l) => l.organization);

/** A community organization of the given subtype (first in the roster). */
export function cboOfSubtype(subtype: string): { id: string; name: string } {
  const org = demo.organizations.find((o) => o.kind === 'cbo' && o.cboSubtype === subtype);
  if (!org) throw new Error(`The demo network has no CBO of subtype ${subtype}`);
  return { id: org.id, name: org.name };
}

/** Generated (not well-known) members of the organization a well-known login works for, with these roles. */
export function generatedColleaguesOf(email: string, roles: string[]): DemoPerson[] {
  const login = demo.logins.find((l) => l.email === email);
  if (!login) throw new Error(`${email} is not a well-known demo login`);
  return generated(roles).filter((p) => p.organization === login.organization);
}
