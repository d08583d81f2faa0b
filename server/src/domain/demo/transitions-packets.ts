/**
 * The demo history's handoff packets: one version per transition, written when the transition was created,
 * with the content as it stands now (what the server's refresh would write: it adds a version only when that
 * content changes), in the same fields and form as the server's refresh.
 */
import type { ContactView } from '../transitions/views.ts';
import type { Staff } from './transitions-context.ts';
import type { Encounter } from './transitions-encounters.ts';
import type { DemoHandoffPacket } from './transitions-types.ts';
import type { DemoMembership, DemoUser } from './types.ts';

/** The transition's packet, version 1, recorded by its navigator. */
export function packetOf(
  e: Encounter,
  team: Staff,
  navigator: DemoMembership,
  userById: ReadonlyMap<string, DemoUser>,
): DemoHandoffPacket {
  const t = e.transition;
  return {
    transitionId: t.id,
    version: 1,
    content: packetContent(e, team, userById),
    createdBy: navigator.userId,
    createdAt: t.createdAt,
  };
}

/** The packet content of a transition as it stands (the same fields, in the same form, as the server's refresh). */
function packetContent(
  e: Encounter,
  team: Staff,
  userById: ReadonlyMap<string, DemoUser>,
): DemoHandoffPacket['content'] {
  const t = e.transition;
  const members = [...team.navigators, ...team.peers, ...team.clinicians];
  const contact = (membershipId: string | null, role: string): ContactView[] => {
    const m = members.find((x) => x.id === membershipId);
    const u = m ? userById.get(m.userId) : undefined;
    return u ? [{ name: u.displayName, role, email: u.email }] : [];
  };
  return {
    hospital: { id: e.hospital.id, name: e.hospital.name },
    encounterType: t.encounterType,
    dischargedAt: t.dischargedAt?.toISOString() ?? null,
    expectedDischargeAt: t.expectedDischargeAt?.toISOString() ?? null,
    moudPlan: t.moudPlan,
    coverageEnd: t.coverageEnd?.toISOString() ?? null,
    careNeeds: [...t.careNeeds],
    senderContacts: [
      ...contact(t.navigatorMembershipId, 'navigator'),
      ...contact(t.peerMembershipId, 'peer_specialist'),
      ...contact(t.clinicianMembershipId, 'clinician'),
    ],
  };
}
