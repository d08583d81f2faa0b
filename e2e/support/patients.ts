/**
 * Patients-and-consent journey helpers: the community organization the navigator's consent names and two
 * people who work there (a generated intake worker and a generated clinician no other journey signs in
 * as), the network's time zone, and calendar days as the patient pages show them.
 */
import { generateDemoNetwork } from '../../server/src/domain/demo/generate-demo-network.ts';
import { WELL_KNOWN_LOGINS } from '../../server/src/domain/demo/well-known-logins.ts';
import { users } from './demo-users.ts';

const demo = generateDemoNetwork(1);
const wellKnown = new Set<string>(WELL_KNOWN_LOGINS.map((l) => l.email));
const wellKnownOrganizations = new Set(demo.logins.map((l) => l.organizationId));

/**
 * An office-based clinic (OBOT) other than the well-known logins' one, and its generated intake worker
 * (one membership, role `cbo_intake` only).
 */
export const { recipient, recipientUser } = (() => {
  for (const org of demo.organizations) {
    if (org.kind !== 'cbo' || org.cboSubtype !== 'obot' || wellKnownOrganizations.has(org.id)) continue;
    for (const user of demo.users) {
      if (wellKnown.has(user.email)) continue;
      const ms = demo.memberships.filter((m) => m.userId === user.id);
      const only = ms[0];
      if (ms.length !== 1 || !only || only.organizationId !== org.id) continue;
      if (only.roles.join('+') !== 'cbo_intake') continue;
      return {
        recipient: { id: org.id, name: org.name },
        recipientUser: { email: user.email, displayName: user.displayName },
      };
    }
  }
  throw new Error('The demo network has no second OBOT with a generated intake worker');
})();

/**
 * A generated clinician of the same clinic (one membership, role `clinician` only), who opens the record
 * under medical emergency access; never one the login journey locks out or signs in wrongly as.
 */
export const recipientClinician = (() => {
  const taken = new Set([users.wrongPasswordPerson.email, users.lockedOutPerson.email]);
  for (const user of demo.users) {
    if (wellKnown.has(user.email) || taken.has(user.email)) continue;
    const ms = demo.memberships.filter((m) => m.userId === user.id);
    const only = ms[0];
    if (ms.length !== 1 || !only || only.organizationId !== recipient.id) continue;
    if (only.roles.join('+') === 'clinician') return { email: user.email, displayName: user.displayName };
  }
  throw new Error(`The demo network has no generated clinician at ${recipient.name}`);
})();

/** The organization the well-known navigator works for (the patient's holder). */
export const navigatorOrganization = (() => {
  const login = demo.logins.find((l) => l.email === 'navigator@demo.handoff.test');
  if (!login) throw new Error('navigator@demo.handoff.test is not a well-known demo login');
  return { id: login.organizationId, name: login.organization };
})();

/** The demo network's time zone: the journey's browsers work in it, like the network's staff. */
export const networkTimezone = demo.network.timezone;

/** A calendar day `YYYY-MM-DD` as the web app shows it in English ("Mar 12, 2027"). */
export const shownDay = (day: string): string =>
  new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
