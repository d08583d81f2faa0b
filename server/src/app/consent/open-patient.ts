/**
 * The one way in to a patient's data (architecture: "One way in"; P4, P21, P22). Every use case that reads
 * or writes a patient calls `openPatient`, which
 * 1. loads the consent facts fresh (any failure to load them is a denial: fail closed) and checks the
 *    actor's role for the action (the matrix): a role without it is refused — 403 on the organization's
 *    own patients, 404 for every other id, so the refusal says nothing about other organizations,
 * 2. asks the decision point (`domain/consent/decide.ts`),
 * 3. audits the decision (`consent.decide`, permit or deny) and, for a permitted read by another
 *    organization, writes the disclosure ledger entry and its audit event in the same transaction,
 * 4. answers a denial exactly like a missing patient: the same "Patient not found" error after the same
 *    work (one facts query, one audit write). Denials are audited without the patient id or the reason,
 *    because an organization's administrators can read their own members' audit events and must not
 *    learn from them that a patient exists elsewhere.
 */
import { grantedScope, type Action } from '../../domain/identity/permissions.ts';
import { decideAccess, type AccessDecision, type AccessFacts } from '../../domain/consent/decide.ts';
import type { DisclosureNotice } from '../../domain/consent/views.ts';
import type { DataCategory, RequestPurpose } from '../../domain/consent/vocabulary.ts';
import { notFound } from '../../lib/errors.ts';
import { localDay } from '../../lib/local-day.ts';
import { safeError } from '../../lib/safe-error.ts';
import { appendAuditEvent, type AuditInput } from '../audit/append-audit-event.ts';
import { authorize, requireMember } from '../authorize.ts';
import type { Actor, Deps, MemberActor } from '../context.ts';
import { disclosureNotice } from './disclosure-notice.ts';
import { loadAccessFacts, type PatientFacts, type PatientRow } from './load-access-facts.ts';
import { part2Texts } from './part2-texts-source.ts';
import { recordDisclosure, type DisclosureChannel } from './record-disclosure.ts';

const NO_ORGANIZATION = '00000000-0000-0000-0000-000000000000';

export interface OpenPatientOptions {
  action: Action;
  category: DataCategory;
  purpose: RequestPurpose;
  channel: DisclosureChannel;
  /** Brief words for the ledger: what a permitted disclosure contains. */
  description: string;
  /** Only the holding organization may do this (consents, accounting, restrictions). */
  holderOnly?: boolean;
  /**
   * What the actor asked for when it was not the patient (e.g. a consent): a denial is audited under
   * this, never under the patient id the actor did not send.
   */
  requested?: { entityType: string; entityId: string };
  /**
   * Holder-only writes: the permit is not appended here but handed back as `pendingAudit`, for
   * `auditedWrite` to append with the write's own events in its transaction (one lock of the audit chain
   * instead of two). Denials are audited here as always.
   */
  deferAudit?: boolean;
}

export interface OpenedPatient {
  member: MemberActor;
  patient: PatientRow;
  decision: Extract<AccessDecision, { permit: true }>;
  /** Null for the holder; otherwise the §2.32 notice and scope that go with the disclosure. */
  notice: DisclosureNotice | null;
  today: string;
  timezone: string;
  /** The consent facts the decision was made on (callers that must ask the decision point again reuse them). */
  facts: AccessFacts;
  /** With `deferAudit`: the permit event still to be appended (`auditedWrite`), and when it was decided. */
  pendingAudit?: { at: Date; event: AuditInput };
}

async function facts(deps: Deps, member: MemberActor, id: string): Promise<PatientFacts | undefined> {
  try {
    return (await loadAccessFacts(deps.db, member.networkId, [id])).get(id);
  } catch (error) {
    deps.log.warn({ err: safeError(error) }, 'consent facts unavailable: access denied');
    return undefined;
  }
}

export async function openPatient(
  deps: Deps,
  actor: Actor,
  id: string,
  options: OpenPatientOptions,
): Promise<OpenedPatient> {
  const member = requireMember(actor);
  const now = deps.clock.now();
  const loaded = await facts(deps, member, id);
  if (!grantedScope(member.roles, options.action)) {
    // A role without the action: forbidden on the organization's own patients, not found for any other id.
    const held = loaded?.patient?.holderOrgId === member.organizationId;
    await authorize(deps, member, options.action, {
      what: 'Patient',
      organizationId: held ? member.organizationId : NO_ORGANIZATION,
    });
  }
  const timezone = loaded?.timezone ?? 'UTC';
  const today = localDay(now, timezone);
  let decision: AccessDecision = loaded
    ? decideAccess(
        {
          organizationId: member.organizationId,
          membershipId: member.membershipId,
          category: options.category,
          purpose: options.purpose,
          at: now,
          today,
        },
        loaded.facts,
      )
    : { permit: false, reason: 'evaluation_error' };
  if (decision.permit && options.holderOnly && decision.basis !== 'holder') {
    decision = { permit: false, reason: 'no_consent' };
  }
  const patient = loaded?.patient;
  if (!decision.permit || !patient || !loaded) {
    await deps.db.transaction((tx) =>
      appendAuditEvent(tx, member, now, {
        action: 'consent.decide',
        outcome: 'denied',
        entityType: options.requested?.entityType ?? 'patient',
        entityId: options.requested?.entityId ?? id,
        purpose: options.purpose,
        details: { decision: 'deny', category: options.category, for: options.action },
      }),
    );
    throw notFound('Patient');
  }
  const permitted = decision;
  const accessFacts = loaded.facts;
  if (permitted.basis === 'holder') {
    const event = permitEvent(patient.id, options, permitted);
    if (options.deferAudit) {
      return {
        member,
        patient,
        decision: permitted,
        notice: null,
        today,
        timezone,
        facts: accessFacts,
        pendingAudit: { at: now, event },
      };
    }
    await deps.db.transaction((tx) => appendAuditEvent(tx, member, now, event));
    return { member, patient, decision: permitted, notice: null, today, timezone, facts: accessFacts };
  }
  if (options.deferAudit) throw new Error('openPatient: deferAudit is for holder-only writes');
  const texts = part2Texts(deps);
  const notice = await disclosureNotice(deps.db, member.networkId, permitted, options.purpose, texts);
  await deps.db.transaction(async (tx) => {
    await appendAuditEvent(tx, member, now, permitEvent(patient.id, options, permitted));
    await recordDisclosure(tx, member, now, {
      patientId: patient.id,
      holderOrgId: patient.holderOrgId,
      decision: permitted,
      categories: [options.category],
      description: options.description,
      purpose: options.purpose,
      channel: options.channel,
    });
  });
  return { member, patient, decision: permitted, notice, today, timezone, facts: accessFacts };
}

function permitEvent(
  patientId: string,
  options: OpenPatientOptions,
  decision: Extract<AccessDecision, { permit: true }>,
): AuditInput {
  return {
    action: 'consent.decide',
    entityType: 'patient',
    entityId: patientId,
    patientId,
    purpose: options.purpose,
    details: {
      decision: 'permit',
      basis: decision.basis,
      category: options.category,
      for: options.action,
      ...(decision.basis === 'consent' ? { consentId: decision.consentId } : {}),
      ...(decision.basis === 'emergency' ? { emergencyAccessId: decision.emergencyAccessId } : {}),
    },
  };
}
