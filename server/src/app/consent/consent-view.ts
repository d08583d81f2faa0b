/**
 * Builds `ConsentView`s: the stored consent with its recipients (organization names), who recorded it,
 * and its state now — revoked, suspended (suspected false), expired (date past or event recorded) or
 * active. Only the holding organization ever sees these.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { consentRecipients, consents, organizations, users } from '../../db/schema/index.ts';
import type { ConsentState, ConsentView } from '../../domain/consent/views.ts';
import type {
  ConsentLanguage,
  ConsentPurpose,
  ConsentType,
  DataCategory,
  RecipientKind,
  SignatureMethod,
  SignerCapacity,
} from '../../domain/consent/vocabulary.ts';

type ConsentRow = typeof consents.$inferSelect;

export function consentState(c: ConsentRow, now: Date, today: string): ConsentState {
  if (c.status === 'entered_in_error') return 'entered_in_error';
  if (c.revokedAt && c.revokedAt <= now) return 'revoked';
  if (c.suspendedAt) return 'suspended';
  if ((c.expiresOn && today > c.expiresOn) || (c.expiryEventAt && c.expiryEventAt <= now)) return 'expired';
  return 'active';
}

/** Views of the given consents (or of every consent of `patientId`), newest first. */
export async function consentViews(
  db: Queryable,
  networkId: string,
  where: { patientId: string } | { consentIds: string[] },
  now: Date,
  today: string,
): Promise<ConsentView[]> {
  const rows = await db
    .select({ consent: consents, recordedByName: users.displayName, holderName: organizations.name })
    .from(consents)
    .innerJoin(users, eq(users.id, consents.recordedBy))
    .innerJoin(
      organizations,
      and(eq(organizations.networkId, consents.networkId), eq(organizations.id, consents.holderOrgId)),
    )
    .where(
      and(
        eq(consents.networkId, networkId),
        'patientId' in where
          ? eq(consents.patientId, where.patientId)
          : inArray(
              consents.id,
              where.consentIds.length ? where.consentIds : ['00000000-0000-0000-0000-000000000000'],
            ),
      ),
    );
  const ids = rows.map((r) => r.consent.id);
  const recipients = ids.length
    ? await db
        .select({ recipient: consentRecipients, name: organizations.name })
        .from(consentRecipients)
        .leftJoin(
          organizations,
          and(
            eq(organizations.networkId, consentRecipients.networkId),
            eq(organizations.id, consentRecipients.organizationId),
          ),
        )
        .where(and(eq(consentRecipients.networkId, networkId), inArray(consentRecipients.consentId, ids)))
        .orderBy(consentRecipients.position)
    : [];
  return rows
    .sort((a, b) => b.consent.recordedAt.getTime() - a.consent.recordedAt.getTime())
    .map(({ consent: c, recordedByName, holderName }) => ({
      id: c.id,
      patientId: c.patientId,
      type: c.type as ConsentType,
      state: consentState(c, now, today),
      disclosingOrganizationId: c.holderOrgId,
      disclosingOrganizationName: holderName,
      information: c.information,
      categories: c.categories as DataCategory[],
      recipients: recipients
        .filter((r) => r.recipient.consentId === c.id)
        .map(({ recipient: r, name }) => ({
          id: r.id,
          kind: r.kind as RecipientKind,
          organizationId: r.organizationId,
          organizationName: name,
          description: r.description,
          revokedAt: r.revokedAt?.toISOString() ?? null,
        })),
      purposes: c.purposes as ConsentPurpose[],
      purposeDescription: c.purposeDescription,
      revocationHow: c.revocationHow,
      expiresOn: c.expiresOn,
      expiryEvent: c.expiryEvent,
      expiryEventOn: c.expiryEventOn,
      signature: {
        method: c.signatureMethod as SignatureMethod,
        signerName: c.signerName,
        capacity: c.signerCapacity as SignerCapacity,
        authority: c.signerAuthority,
        hasImage: c.signatureImage !== null,
      },
      signedOn: c.signedOn,
      redisclosureStatement: c.redisclosureStatement,
      refusalConsequences: c.refusalConsequences,
      hipaaRedisclosureStatement: c.hipaaRedisclosureStatement,
      programFundraises: c.programFundraises,
      fundraisingOptOutStatement: c.fundraisingOptOutStatement,
      intermediary: c.intermediary,
      language: c.language as ConsentLanguage,
      noticeVersion: c.noticeVersion,
      recordedAt: c.recordedAt.toISOString(),
      recordedByName,
      revokedAt: c.revokedAt?.toISOString() ?? null,
      suspendedAt: c.suspendedAt?.toISOString() ?? null,
    }));
}
