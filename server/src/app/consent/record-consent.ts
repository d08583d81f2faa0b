/**
 * Records a signed consent for a patient the active organization holds. The §2.31(a) elements and type
 * rules are checked by `domain/consent/validate-consent.ts`; a consent missing any element is refused
 * with 422 listing every problem, and nothing is stored. Named recipients must be organizations of the
 * network (their Part 2 legal status decides whether the HIPAA redisclosure statement is needed).
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { consentRecipients, consents, organizations } from '../../db/schema/index.ts';
import { consentProblems } from '../../domain/consent/validate-consent.ts';
import type { ConsentView } from '../../domain/consent/views.ts';
import type { Part2LegalStatus } from '../../domain/identity/vocabulary.ts';
import { AppError, invalid } from '../../lib/errors.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { Actor, Deps } from '../context.ts';
import { consentViews } from './consent-view.ts';
import { openPatient } from './open-patient.ts';
import { part2Texts } from './part2-texts-source.ts';
import type { RecordConsentInput } from './schemas.ts';

export async function recordConsent(
  deps: Deps,
  actor: Actor,
  patientId: string,
  input: RecordConsentInput,
): Promise<ConsentView> {
  const { member, patient, today } = await openPatient(deps, actor, patientId, {
    action: 'consent.record',
    category: 'demographics',
    purpose: 'TREAT',
    channel: 'web',
    description: 'Consent capture',
    holderOnly: true,
  });
  const orgIds = input.recipients.flatMap((r) => (r.organizationId ? [r.organizationId] : []));
  const orgs = await deps.db
    .select({ id: organizations.id, name: organizations.name, legal: organizations.part2LegalStatus })
    .from(organizations)
    .where(
      and(
        eq(organizations.networkId, member.networkId),
        inArray(organizations.id, [member.organizationId, ...orgIds]),
      ),
    );
  const byId = new Map(orgs.map((o) => [o.id, o]));
  for (const [i, id] of orgIds.entries()) {
    if (!byId.has(id))
      throw invalid(`recipients.${i}.organizationId`, 'is not an organization of this network');
    if (id === member.organizationId)
      throw invalid(
        `recipients.${i}.organizationId`,
        'your own organization holds the record; name the recipients',
      );
  }
  const problems = consentProblems(
    {
      type: input.type,
      patientName: `${patient.givenName} ${patient.familyName}`,
      disclosingOrganizationName: byId.get(member.organizationId)?.name ?? '',
      information: input.information,
      categories: input.categories,
      recipients: input.recipients.map((r) => ({
        kind: r.kind,
        organizationId: r.organizationId ?? null,
        legalStatus: r.organizationId
          ? (byId.get(r.organizationId)?.legal as Part2LegalStatus | undefined)
          : null,
        description: r.description ?? null,
      })),
      purposes: input.purposes,
      purposeDescription: input.purposeDescription,
      revocationAcknowledged: input.revocationAcknowledged,
      revocationHow: input.revocationHow,
      expiresOn: input.expiresOn,
      expiryEvent: input.expiryEvent,
      signature: input.signature
        ? {
            method: input.signature.method,
            signerName: input.signature.signerName,
            capacity: input.signature.capacity,
            authority: input.signature.authority ?? null,
            hasImage: Boolean(input.signature.image),
          }
        : null,
      signedOn: input.signedOn,
      redisclosureStatement: input.redisclosureStatement,
      refusalConsequences: input.refusalConsequences,
      hipaaRedisclosureStatement: input.hipaaRedisclosureStatement,
      programFundraises: input.programFundraises,
      fundraisingOptOutStatement: input.fundraisingOptOutStatement,
      intermediary: input.intermediary,
      language: input.language,
    },
    today,
  );
  if (problems.length > 0) {
    throw new AppError(
      'unprocessable',
      `The consent is missing required elements: ${[...new Set(problems.map((p) => p.element))].join(', ')}`,
      { type: 'consent_incomplete', errors: problems.map((p) => ({ field: p.element, message: p.message })) },
    );
  }
  const texts = part2Texts(deps);
  const { signature, signedOn } = input;
  if (!signature || !signedOn) throw new Error('unreachable: signature and date checked above');
  const now = deps.clock.now();
  const id = randomUUID();
  await deps.db.transaction(async (tx) => {
    await tx.insert(consents).values({
      networkId: member.networkId,
      id,
      patientId: patient.id,
      holderOrgId: member.organizationId,
      type: input.type,
      information: input.information,
      categories: [...new Set(input.categories)],
      purposes: [...new Set(input.purposes)],
      purposeDescription: input.purposeDescription,
      revocationHow: input.revocationHow,
      expiresOn: input.expiresOn,
      expiryEvent: input.expiryEvent,
      signatureMethod: signature.method,
      signerName: signature.signerName,
      signerCapacity: signature.capacity,
      signerAuthority: signature.authority ?? null,
      signatureImage: signature.image ? Buffer.from(signature.image.data, 'base64') : null,
      signatureContentType: signature.image?.contentType ?? null,
      signedOn,
      redisclosureStatement: input.redisclosureStatement,
      refusalConsequences: input.refusalConsequences,
      hipaaRedisclosureStatement: input.hipaaRedisclosureStatement,
      programFundraises: input.programFundraises,
      fundraisingOptOutStatement: input.fundraisingOptOutStatement,
      intermediary: input.intermediary,
      language: input.language,
      noticeVersion: texts.version,
      recordedBy: member.userId,
      recordedAt: now,
    });
    await tx.insert(consentRecipients).values(
      input.recipients.map((r, position) => ({
        networkId: member.networkId,
        id: randomUUID(),
        consentId: id,
        patientId: patient.id,
        position,
        kind: r.kind,
        organizationId: r.organizationId ?? null,
        description: r.description ?? null,
      })),
    );
    await appendAuditEvent(tx, member, now, {
      action: 'consent.record',
      entityType: 'consent',
      entityId: id,
      patientId: patient.id,
      details: {
        type: input.type,
        purposes: input.purposes,
        categories: input.categories,
        recipientOrganizations: orgIds,
      },
    });
  });
  const [view] = await consentViews(deps.db, member.networkId, { consentIds: [id] }, now, today);
  if (!view) throw new Error('consent vanished after insert');
  return view;
}
