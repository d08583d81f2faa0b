/**
 * The notice that travels with a disclosure (§2.32, P12): the configured Statement 1 and the scope of the
 * consent relied on (recipients still in force, purposes, kinds of information, expiry), or — for a §2.51
 * emergency — the emergency access and its end.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { consentRecipients, consents, emergencyAccesses, organizations } from '../../db/schema/index.ts';
import type { AccessDecision } from '../../domain/consent/decide.ts';
import type { Part2Texts } from '../../domain/consent/part2-texts.ts';
import type { DisclosureNotice } from '../../domain/consent/views.ts';
import type {
  ConsentPurpose,
  ConsentType,
  DataCategory,
  RequestPurpose,
} from '../../domain/consent/vocabulary.ts';

export async function disclosureNotice(
  db: Queryable,
  networkId: string,
  decision: Extract<AccessDecision, { permit: true; basis: 'consent' | 'emergency' }>,
  purpose: RequestPurpose,
  texts: Part2Texts,
): Promise<DisclosureNotice> {
  const base = { statement: texts.statement1, noticeVersion: texts.version, purpose };
  if (decision.basis === 'emergency') {
    const [grant] = await db
      .select({ expiresAt: emergencyAccesses.expiresAt })
      .from(emergencyAccesses)
      .where(
        and(eq(emergencyAccesses.networkId, networkId), eq(emergencyAccesses.id, decision.emergencyAccessId)),
      );
    return {
      ...base,
      scope: null,
      emergency: {
        emergencyAccessId: decision.emergencyAccessId,
        expiresAt: (grant?.expiresAt ?? new Date(0)).toISOString(),
      },
    };
  }
  const [consent] = await db
    .select()
    .from(consents)
    .where(and(eq(consents.networkId, networkId), eq(consents.id, decision.consentId)));
  const recipients = await db
    .select({ description: consentRecipients.description, name: organizations.name })
    .from(consentRecipients)
    .leftJoin(
      organizations,
      and(
        eq(organizations.networkId, consentRecipients.networkId),
        eq(organizations.id, consentRecipients.organizationId),
      ),
    )
    .where(
      and(
        eq(consentRecipients.networkId, networkId),
        eq(consentRecipients.consentId, decision.consentId),
        isNull(consentRecipients.revokedAt),
      ),
    )
    .orderBy(consentRecipients.position);
  return {
    ...base,
    emergency: null,
    scope: {
      consentId: decision.consentId,
      type: (consent?.type ?? 'specific') as ConsentType,
      categories: (consent?.categories ?? []) as DataCategory[],
      purposes: (consent?.purposes ?? []) as ConsentPurpose[],
      recipients: recipients.map((r) => r.name ?? r.description ?? ''),
      expiresOn: consent?.expiresOn ?? null,
      expiryEvent: consent?.expiryEvent ?? null,
    },
  };
}
