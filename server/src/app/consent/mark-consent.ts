/**
 * Two facts staff record about a consent, each effective at once and audited: it is suspected to be
 * materially false (P9: suspended until reviewed — a suspended consent permits nothing), or its expiry
 * event has happened (e.g. "end of treatment").
 */
import { and, eq } from 'drizzle-orm';
import { consents } from '../../db/schema/index.ts';
import type { ConsentView } from '../../domain/consent/views.ts';
import { AppError, invalid } from '../../lib/errors.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { Actor, Deps } from '../context.ts';
import { consentViews } from './consent-view.ts';
import { openConsent } from './open-consent.ts';

export type ConsentMark =
  { kind: 'suspected_false'; reason: string } | { kind: 'expiry_event'; occurredOn: string };

export async function markConsent(
  deps: Deps,
  actor: Actor,
  consentId: string,
  mark: ConsentMark,
): Promise<ConsentView> {
  const { member, consent, today } = await openConsent(deps, actor, consentId, 'consent.revoke');
  const now = deps.clock.now();
  if (mark.kind === 'expiry_event') {
    if (!consent.expiryEvent)
      throw new AppError('conflict', 'This consent expires on a date, not on an event');
    if (consent.expiryEventAt) throw new AppError('conflict', 'The expiry event is already recorded');
    if (mark.occurredOn > today) throw invalid('occurredOn', 'cannot be in the future');
  } else if (consent.suspendedAt) {
    throw new AppError('conflict', 'This consent is already suspended');
  }
  await deps.db.transaction(async (tx) => {
    await tx
      .update(consents)
      .set(
        mark.kind === 'expiry_event'
          ? { expiryEventAt: now, expiryEventOn: mark.occurredOn, version: consent.version + 1 }
          : { suspendedAt: now, suspendedReason: mark.reason, version: consent.version + 1 },
      )
      .where(and(eq(consents.networkId, member.networkId), eq(consents.id, consent.id)));
    await appendAuditEvent(tx, member, now, {
      action: mark.kind === 'expiry_event' ? 'consent.expire' : 'consent.suspend',
      entityType: 'consent',
      entityId: consent.id,
      patientId: consent.patientId,
    });
  });
  const [view] = await consentViews(deps.db, member.networkId, { consentIds: [consent.id] }, now, today);
  if (!view) throw new Error('consent vanished');
  return view;
}
