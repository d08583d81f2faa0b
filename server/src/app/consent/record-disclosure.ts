/**
 * Writes one permitted disclosure to the ledger and the audit trail, inside the caller's transaction
 * (P15, P22): the ledger row (date and time, recipient organization and user, what, purpose, consent or
 * emergency access relied on) and a `patient.disclose` audit event, so neither exists without the other.
 */
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/client.ts';
import { disclosures } from '../../db/schema/index.ts';
import type { AccessDecision } from '../../domain/consent/decide.ts';
import type { DataCategory, RequestPurpose } from '../../domain/consent/vocabulary.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { Actor, MemberActor } from '../context.ts';

export type DisclosureChannel = 'web' | 'api' | 'pdf';

/** The channel a request arrives on (ledger): an API token is `api`, a browser session `web`. */
export const channelOf = (actor: Actor): DisclosureChannel => (actor.via === 'api' ? 'api' : 'web');

export interface DisclosureInput {
  patientId: string;
  holderOrgId: string;
  decision: Extract<AccessDecision, { permit: true; basis: 'consent' | 'emergency' }>;
  categories: readonly DataCategory[];
  description: string;
  purpose: RequestPurpose;
  channel: DisclosureChannel;
}

export async function recordDisclosure(
  tx: Tx,
  member: MemberActor,
  at: Date,
  input: DisclosureInput,
): Promise<void> {
  const { decision } = input;
  const id = randomUUID();
  const consentId = decision.basis === 'consent' ? decision.consentId : null;
  const emergencyAccessId = decision.basis === 'emergency' ? decision.emergencyAccessId : null;
  await tx.insert(disclosures).values({
    networkId: member.networkId,
    id,
    patientId: input.patientId,
    holderOrgId: input.holderOrgId,
    recipientOrgId: member.organizationId,
    recipientUserId: member.userId,
    at,
    categories: [...input.categories],
    description: input.description,
    purpose: input.purpose,
    basis: decision.basis,
    consentId,
    emergencyAccessId,
    generalDesignation: decision.basis === 'consent' && decision.generalDesignation,
    channel: input.channel,
  });
  await appendAuditEvent(tx, member, at, {
    action: 'patient.disclose',
    entityType: 'disclosure',
    entityId: id,
    patientId: input.patientId,
    purpose: input.purpose,
    details: {
      holderOrganizationId: input.holderOrgId,
      categories: input.categories,
      basis: decision.basis,
      consentId,
      emergencyAccessId,
      channel: input.channel,
    },
  });
}
