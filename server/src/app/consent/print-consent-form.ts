/**
 * Printable consent forms (PDF, English or Spanish) for the holding organization: a recorded consent with
 * every §2.31(a) element, or a blank paper form pre-filled with the patient's name and the program, to be
 * signed and then scanned in. The regulation's statements come from the reviewed texts configuration.
 */
import { and, eq } from 'drizzle-orm';
import { organizations } from '../../db/schema/index.ts';
import type { ConsentLanguage, ConsentType } from '../../domain/consent/vocabulary.ts';
import { renderConsentFormPdf } from '../../integrations/pdf/consent-form-pdf.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { Actor, Deps } from '../context.ts';
import { consentViews } from './consent-view.ts';
import { openConsent } from './open-consent.ts';
import { openPatient } from './open-patient.ts';
import { part2Texts } from './part2-texts-source.ts';

export type FormRequest = { consentId: string } | { patientId: string; type: ConsentType };

export async function printConsentForm(
  deps: Deps,
  actor: Actor,
  request: FormRequest,
  language: ConsentLanguage,
): Promise<{ body: Buffer; fileName: string }> {
  const opened =
    'consentId' in request
      ? await openConsent(deps, actor, request.consentId, 'consent.record')
      : await openPatient(deps, actor, request.patientId, {
          action: 'consent.record',
          category: 'demographics',
          purpose: 'TREAT',
          channel: 'pdf',
          description: 'Blank consent form',
          holderOnly: true,
        });
  const { member, patient, today } = opened;
  const now = deps.clock.now();
  const texts = part2Texts(deps);
  const patientName = `${patient.givenName} ${patient.familyName}`;
  const [holder] = await deps.db
    .select({ name: organizations.name })
    .from(organizations)
    .where(and(eq(organizations.networkId, member.networkId), eq(organizations.id, patient.holderOrgId)));
  const consent =
    'consentId' in request
      ? ((
          await consentViews(deps.db, member.networkId, { consentIds: [request.consentId] }, now, today)
        )[0] ?? null)
      : null;
  const pdf = await renderConsentFormPdf({
    consent,
    ...('type' in request
      ? { blank: { type: request.type, patientName, disclosingOrganizationName: holder?.name ?? '' } }
      : {}),
    patientName,
    patientBirthDate: patient.birthDate,
    language,
    texts,
    generatedAt: now,
  });
  await deps.db.transaction((tx) =>
    appendAuditEvent(tx, member, now, {
      action: 'consent.print',
      entityType: consent ? 'consent' : 'patient',
      entityId: consent?.id ?? patient.id,
      patientId: patient.id,
      details: { language, blank: !consent },
    }),
  );
  const fileName = consent
    ? `consent-${consent.id.slice(0, 8)}-${language}.pdf`
    : `consent-form-${language}.pdf`;
  return { body: Buffer.from(pdf), fileName };
}
