/**
 * The demo network's well-known logins: fixed e-mail addresses (all with the demo password) that the
 * end-to-end tests sign in with and the server prints on its first start. They exist in every
 * generated network whatever the seed, at organizations picked by position in the roster.
 */
import type { Role } from '../identity/vocabulary.ts';

/** Which organization a well-known login belongs to, by position in the generated roster. */
export type WellKnownOrganization = 'first-hospital' | 'first-obot' | 'first-peer-recovery' | 'convener';

export interface WellKnownLogin {
  email: string;
  displayName: string;
  memberships: readonly { at: WellKnownOrganization; roles: readonly Role[]; title: string }[];
}

export const WELL_KNOWN_LOGINS = [
  {
    email: 'convener@demo.handoff.test',
    displayName: 'Theresa Kowalski',
    memberships: [{ at: 'convener', roles: ['network_convener'], title: 'Overdose Prevention Coordinator' }],
  },
  {
    email: 'admin.hospital@demo.handoff.test',
    displayName: 'Marcus Bell',
    memberships: [{ at: 'first-hospital', roles: ['org_admin'], title: 'Clinical Applications Manager' }],
  },
  {
    email: 'manager.hospital@demo.handoff.test',
    displayName: 'Angela Ruiz',
    memberships: [
      { at: 'first-hospital', roles: ['program_manager'], title: 'Transitional Opioid Program Manager' },
    ],
  },
  {
    email: 'navigator@demo.handoff.test',
    displayName: 'Jasmine Carter',
    memberships: [{ at: 'first-hospital', roles: ['navigator'], title: 'Patient Navigator' }],
  },
  {
    email: 'clinician@demo.handoff.test',
    displayName: 'Samir Haddad',
    memberships: [{ at: 'first-hospital', roles: ['clinician'], title: 'Addiction Medicine Physician' }],
  },
  {
    email: 'admin.cbo@demo.handoff.test',
    displayName: 'Gregory Novak',
    memberships: [{ at: 'first-obot', roles: ['org_admin'], title: 'Operations Manager' }],
  },
  {
    email: 'intake@demo.handoff.test',
    displayName: 'Marisol Vega',
    memberships: [{ at: 'first-obot', roles: ['cbo_intake'], title: 'Intake Coordinator' }],
  },
  {
    email: 'liaison@demo.handoff.test',
    displayName: 'Keisha Thompson',
    memberships: [{ at: 'first-obot', roles: ['liaison'], title: 'Hospital Liaison' }],
  },
  {
    email: 'peer.crosshired@demo.handoff.test',
    displayName: 'Andre Williams',
    memberships: [
      { at: 'first-hospital', roles: ['peer_specialist'], title: 'Emergency Department Peer Recovery Coach' },
      { at: 'first-peer-recovery', roles: ['peer_specialist'], title: 'Certified Peer Recovery Supporter' },
    ],
  },
] as const satisfies readonly WellKnownLogin[];
