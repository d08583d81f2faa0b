/**
 * Revokes a consent in writing (P10): as a whole or for some recipients, effective on receipt — the
 * revoked permits end now, so the very next request is denied — and prospective: past disclosures stay in
 * the ledger. The written request (how it came, when it was received) is kept with the revocation, and
 * the revocation is audited.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { consentRecipients, consentRevocations, consents } from '../../db/schema/index.ts';
import type { ConsentView } from '../../domain/consent/views.ts';
import { AppError, invalid } from '../../lib/errors.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { Actor, Deps } from '../context.ts';
import { consentState, consentViews } from './consent-view.ts';
import { openConsent } from './open-consent.ts';
import type { RevokeConsentInput } from './schemas.ts';

export async function revokeConsent(
  deps: Deps,
  actor: Actor,
  consentId: string,
  input: RevokeConsentInput,
): Promise<ConsentView> {
  const { member, consent, today } = await openConsent(deps, actor, consentId, 'consent.revoke');
  const now = deps.clock.now();
  if (consentState(consent, now, today) === 'revoked')
    throw new AppError('conflict', 'This consent is already revoked');
  if (input.writtenRequest.receivedOn > today)
    throw invalid('writtenRequest.receivedOn', 'cannot be in the future');
  const recipients = await deps.db
    .select({ id: consentRecipients.id, revokedAt: consentRecipients.revokedAt })
    .from(consentRecipients)
    .where(
      and(eq(consentRecipients.networkId, member.networkId), eq(consentRecipients.consentId, consent.id)),
    );
  const live = new Set(recipients.filter((r) => !r.revokedAt).map((r) => r.id));
  const requested = input.recipientIds ?? [...live];
  for (const [i, id] of requested.entries()) {
    if (!recipients.some((r) => r.id === id))
      throw invalid(`recipientIds.${i}`, 'is not a recipient of this consent');
    if (!live.has(id)) throw invalid(`recipientIds.${i}`, 'is already revoked');
  }
  // Revoking every remaining recipient revokes the consent as a whole.
  const whole = requested.length === live.size;
  await deps.db.transaction(async (tx) => {
    const revocationId = randomUUID();
    await tx.insert(consentRevocations).values({
      networkId: member.networkId,
      id: revocationId,
      consentId: consent.id,
      whole,
      recipientIds: requested,
      method: input.writtenRequest.method,
      receivedOn: input.writtenRequest.receivedOn,
      note: input.writtenRequest.note ?? null,
      recordedBy: member.userId,
      recordedAt: now,
    });
    await tx
      .update(consentRecipients)
      .set({ revokedAt: now })
      .where(
        and(
          eq(consentRecipients.networkId, member.networkId),
          inArray(consentRecipients.id, requested),
          isNull(consentRecipients.revokedAt),
        ),
      );
    if (whole) {
      await tx
        .update(consents)
        .set({ revokedAt: now, version: consent.version + 1 })
        .where(and(eq(consents.networkId, member.networkId), eq(consents.id, consent.id)));
    }
    await appendAuditEvent(tx, member, now, {
      action: 'consent.revoke',
      entityType: 'consent',
      entityId: consent.id,
      patientId: consent.patientId,
      details: { whole, recipientIds: requested, revocationId, method: input.writtenRequest.method },
    });
  });
  const [view] = await consentViews(deps.db, member.networkId, { consentIds: [consent.id] }, now, today);
  if (!view) throw new Error('consent vanished');
  return view;
}
