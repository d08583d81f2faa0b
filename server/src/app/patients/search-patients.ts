/**
 * Patient search and the patient list of the active organization: its own patients (by name words, date
 * of birth or its MRN) and the patients other organizations share with it. Shared candidates come from
 * the organization's consent recipients, treating relationships and the member's emergency accesses, and
 * each one is put to the decision point like a single read; what is permitted is written to the
 * disclosure ledger, what is not is simply absent — no count, no "hidden" marker (P21).
 */
import { and, asc, desc, eq, gt, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import {
  consentRecipients,
  emergencyAccesses,
  organizations,
  patientIdentifiers,
  patients,
  treatingRelationships,
} from '../../db/schema/index.ts';
import { decideAccess, type AccessDecision } from '../../domain/consent/decide.ts';
import { searchWords } from '../../domain/patients/name-key.ts';
import type { PatientListItem } from '../../domain/patients/views.ts';
import { localDay } from '../../lib/local-day.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { authorize, requireMember } from '../authorize.ts';
import type { Actor, Deps } from '../context.ts';
import { loadAccessFacts, type PatientRow } from '../consent/load-access-facts.ts';
import { part2Texts } from '../consent/part2-texts-source.ts';
import { recordDisclosure, type DisclosureChannel } from '../consent/record-disclosure.ts';
import type { SearchPatientsQuery } from './schemas.ts';

type Disclosed = Extract<AccessDecision, { permit: true; basis: 'consent' | 'emergency' }>;

export async function searchPatients(
  deps: Deps,
  actor: Actor,
  query: SearchPatientsQuery,
  channel: DisclosureChannel,
): Promise<{ items: PatientListItem[] }> {
  const member = requireMember(actor);
  await authorize(deps, member, 'patient.read', { what: 'Patient', organizationId: member.organizationId });
  const now = deps.clock.now();
  const words = searchWords(query.q);
  const mrn = query.q.trim();
  const filters: SQL[] = [eq(patients.networkId, member.networkId)];
  const nameMatch = words.map((w) => ilike(patients.nameKey, `%${w.replace(/[\\%_]/g, '\\$&')}%`));
  if (query.birthDate) filters.push(eq(patients.birthDate, query.birthDate));

  const mine = await deps.db
    .select({ patient: patients, mrn: patientIdentifiers.value })
    .from(patients)
    .leftJoin(
      patientIdentifiers,
      and(
        eq(patientIdentifiers.networkId, patients.networkId),
        eq(patientIdentifiers.patientId, patients.id),
        eq(patientIdentifiers.organizationId, member.organizationId),
      ),
    )
    .where(
      and(
        ...filters,
        eq(patients.holderOrgId, member.organizationId),
        mrn === '' ? undefined : or(and(...nameMatch), eq(patientIdentifiers.value, mrn)),
      ),
    )
    .orderBy(asc(patients.familyName), asc(patients.givenName))
    .limit(query.limit);

  const shared = await sharedCandidates(
    deps,
    member.networkId,
    member.organizationId,
    member.membershipId,
    now,
  );
  const candidates =
    shared.length === 0
      ? []
      : await deps.db
          .select({ id: patients.id })
          .from(patients)
          .where(and(...filters, inArray(patients.id, shared), words.length ? and(...nameMatch) : undefined))
          // Most recently registered first: the unsearched list shows the newest shared patients.
          .orderBy(desc(patients.createdAt))
          .limit(query.limit);
  const facts = await loadAccessFacts(
    deps.db,
    member.networkId,
    candidates.map((c) => c.id),
  );
  const disclosed: { row: PatientRow; decision: Disclosed }[] = [];
  for (const { patient, facts: f, timezone } of facts.values()) {
    if (!patient || patient.holderOrgId === member.organizationId) continue;
    const today = localDay(now, timezone ?? 'UTC');
    const request = {
      organizationId: member.organizationId,
      membershipId: member.membershipId,
      category: 'demographics' as const,
      at: now,
      today,
    };
    let decision = decideAccess({ ...request, purpose: 'TREAT' }, f);
    if (!decision.permit) decision = decideAccess({ ...request, purpose: 'ETREAT' }, f);
    if (decision.permit && decision.basis !== 'holder') disclosed.push({ row: patient, decision });
  }
  if (disclosed.length > 0) part2Texts(deps); // fail closed before anything is disclosed (P12)

  const holderIds = [...new Set([member.organizationId, ...disclosed.map((d) => d.row.holderOrgId)])];
  const holderNames = new Map(
    (
      await deps.db
        .select({ id: organizations.id, name: organizations.name })
        .from(organizations)
        .where(and(eq(organizations.networkId, member.networkId), inArray(organizations.id, holderIds)))
    ).map((o) => [o.id, o.name]),
  );
  const sharedMrns = await mrnsOf(
    deps,
    member.networkId,
    disclosed.map((d) => d.row.id),
  );
  await deps.db.transaction(async (tx) => {
    await appendAuditEvent(tx, member, now, {
      action: 'patient.search',
      details: { results: mine.length + disclosed.length, ownResults: mine.map((m) => m.patient.id) },
    });
    for (const d of disclosed) {
      await recordDisclosure(tx, member, now, {
        patientId: d.row.id,
        holderOrgId: d.row.holderOrgId,
        decision: d.decision,
        categories: ['demographics'],
        description: 'Listed in search results: name, date of birth, MRN',
        purpose: d.decision.basis === 'emergency' ? 'ETREAT' : 'TREAT',
        channel,
      });
    }
  });
  const items: PatientListItem[] = [
    ...mine.map(({ patient: p, mrn: m }) => ({
      id: p.id,
      givenName: p.givenName,
      familyName: p.familyName,
      birthDate: p.birthDate,
      mrn: m,
      holderOrganizationName: holderNames.get(p.holderOrgId) ?? '',
      access: 'holder' as const,
    })),
    ...disclosed.map(({ row: p, decision }) => ({
      id: p.id,
      givenName: p.givenName,
      familyName: p.familyName,
      birthDate: p.birthDate,
      mrn: sharedMrns.get(`${p.id}:${p.holderOrgId}`) ?? null,
      holderOrganizationName: holderNames.get(p.holderOrgId) ?? '',
      access: decision.basis,
    })),
  ];
  return { items: items.slice(0, query.limit) };
}

/** Patients another organization may have shared with this organization or this member. */
async function sharedCandidates(
  deps: Deps,
  networkId: string,
  organizationId: string,
  membershipId: string,
  now: Date,
): Promise<string[]> {
  const rows = await deps.db
    .select({ id: consentRecipients.patientId })
    .from(consentRecipients)
    .where(
      and(
        eq(consentRecipients.networkId, networkId),
        eq(consentRecipients.organizationId, organizationId),
        sql`${consentRecipients.revokedAt} is null`,
      ),
    )
    .union(
      deps.db
        .select({ id: treatingRelationships.patientId })
        .from(treatingRelationships)
        .where(
          and(
            eq(treatingRelationships.networkId, networkId),
            eq(treatingRelationships.organizationId, organizationId),
          ),
        ),
    )
    .union(
      deps.db
        .select({ id: emergencyAccesses.patientId })
        .from(emergencyAccesses)
        .where(
          and(
            eq(emergencyAccesses.networkId, networkId),
            eq(emergencyAccesses.membershipId, membershipId),
            gt(emergencyAccesses.expiresAt, now),
          ),
        ),
    );
  return rows.map((r) => r.id);
}

async function mrnsOf(deps: Deps, networkId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await deps.db
    .select()
    .from(patientIdentifiers)
    .where(and(eq(patientIdentifiers.networkId, networkId), inArray(patientIdentifiers.patientId, ids)));
  return new Map(rows.map((r) => [`${r.patientId}:${r.organizationId}`, r.value]));
}
