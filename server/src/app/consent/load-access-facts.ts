/**
 * Loads what the decision point needs about patients, fresh for every request (P9: no cached "consent
 * OK"): the patient row, its consents with their recipients, restrictions, emergency accesses and
 * treating relationships — in ONE round trip (subqueries aggregated to JSON), so that the decision adds
 * as little as possible to a read. A missing patient costs the same query as a present one.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { preparedPerDb } from '../../db/prepared.ts';
import { patients } from '../../db/schema/index.ts';
import type { AccessFacts, ConsentFact } from '../../domain/consent/decide.ts';
import type {
  ConsentPurpose,
  ConsentType,
  DataCategory,
  RecipientKind,
} from '../../domain/consent/vocabulary.ts';
import { isUuid } from '../../lib/uuid.ts';

export type PatientRow = typeof patients.$inferSelect;

export interface PatientFacts {
  patient: PatientRow | undefined;
  facts: AccessFacts;
  /** The network's time zone (expiry dates are local days); null when there is no patient. */
  timezone: string | null;
}

interface RawConsent {
  id: string;
  type: ConsentType;
  status: 'active' | 'entered_in_error';
  suspended: boolean;
  purposes: ConsentPurpose[];
  categories: DataCategory[];
  recorded_at: string;
  expires_on: string | null;
  expiry_event_at: string | null;
  revoked_at: string | null;
  recipients: {
    id: string;
    kind: RecipientKind;
    organization_id: string | null;
    revoked_at: string | null;
  }[];
}
interface RawRestriction {
  id: string;
  decision: string;
  organization_id: string | null;
  purposes: ConsentPurpose[];
  terminated_at: string | null;
}
interface RawEmergency {
  id: string;
  membership_id: string;
  at: string;
  expires_at: string;
}

const date = (s: string | null) => (s === null ? null : new Date(s));

// Columns are spelled out ("patient".…): inside a subquery Drizzle would render them unqualified.
const factsColumns = {
  consents: sql<RawConsent[]>`(select coalesce(json_agg(json_build_object(
      'id', c.id, 'type', c.type, 'status', c.status, 'suspended', c.suspended_at is not null,
      'purposes', c.purposes, 'categories', c.categories, 'recorded_at', c.recorded_at,
      'expires_on', c.expires_on, 'expiry_event_at', c.expiry_event_at, 'revoked_at', c.revoked_at,
      'recipients', (select coalesce(json_agg(json_build_object('id', r.id, 'kind', r.kind,
          'organization_id', r.organization_id, 'revoked_at', r.revoked_at)), '[]'::json)
        from consent_recipient r where r.network_id = c.network_id and r.consent_id = c.id))), '[]'::json)
    from consent c where c.network_id = "patient"."network_id" and c.patient_id = "patient"."id")`,
  restrictions: sql<RawRestriction[]>`(select coalesce(json_agg(json_build_object('id', x.id,
      'decision', x.decision, 'organization_id', x.organization_id, 'purposes', x.purposes,
      'terminated_at', x.terminated_at)), '[]'::json)
    from restriction x where x.network_id = "patient"."network_id" and x.patient_id = "patient"."id")`,
  emergencies: sql<RawEmergency[]>`(select coalesce(json_agg(json_build_object('id', e.id,
      'membership_id', e.membership_id, 'at', e.at, 'expires_at', e.expires_at)), '[]'::json)
    from emergency_access e where e.network_id = "patient"."network_id" and e.patient_id = "patient"."id")`,
  timezone: sql<string>`(select n.timezone from network n where n.id = "patient"."network_id")`,
  treating: sql<string[]>`(select coalesce(json_agg(t.organization_id), '[]'::json)
    from treating_relationship t where t.network_id = "patient"."network_id"
      and t.patient_id = "patient"."id" and t.ended_at is null)`,
};

const noFacts: AccessFacts = {
  patientExists: false,
  holderOrganizationId: null,
  consents: [],
  restrictions: [],
  emergencies: [],
  treatingOrganizationIds: [],
};

function toConsentFact(c: RawConsent): ConsentFact {
  return {
    id: c.id,
    type: c.type,
    status: c.status,
    // Only complete consents are ever stored (record-consent refuses the rest with 422).
    complete: true,
    suspended: c.suspended,
    purposes: c.purposes,
    categories: c.categories,
    effectiveFrom: new Date(c.recorded_at),
    expiresOn: c.expires_on,
    expiryEventAt: date(c.expiry_event_at),
    revokedAt: date(c.revoked_at),
    recipients: c.recipients.map((r) => ({
      id: r.id,
      kind: r.kind,
      organizationId: r.organization_id,
      revokedAt: date(r.revoked_at),
    })),
  };
}

/**
 * The facts query, prepared (`db/prepared.ts`): building and planning it on every read cost more than
 * running it (bench/consent.ts measured ~0.5 ms p50). One statement serves any number of ids.
 */
const factsStatement = preparedPerDb((db) =>
  db
    .select({ patient: patients, ...factsColumns })
    .from(patients)
    .where(
      and(
        eq(patients.networkId, sql.placeholder('networkId')),
        sql`${patients.id} = any(${sql.placeholder('ids')}::uuid[])`,
      ),
    )
    .prepare('access_facts'),
);

/** Facts per requested id; ids that are not patients of the network map to "no patient". */
export async function loadAccessFacts(
  db: Db,
  networkId: string,
  patientIds: readonly string[],
): Promise<Map<string, PatientFacts>> {
  // The query runs even when no id is well formed, so a malformed id costs what a real one does.
  const ids = patientIds.filter((id) => isUuid(id));
  const rows = await factsStatement(db).execute({ networkId, ids });
  const out = new Map<string, PatientFacts>();
  for (const id of patientIds) out.set(id, { patient: undefined, facts: noFacts, timezone: null });
  for (const row of rows) {
    out.set(row.patient.id, {
      patient: row.patient,
      timezone: row.timezone,
      facts: {
        patientExists: true,
        holderOrganizationId: row.patient.holderOrgId,
        consents: row.consents.map(toConsentFact),
        restrictions: row.restrictions.map((r) => ({
          id: r.id,
          agreed: r.decision === 'agreed',
          organizationId: r.organization_id,
          purposes: r.purposes,
          terminatedAt: date(r.terminated_at),
        })),
        emergencies: row.emergencies.map((e) => ({
          id: e.id,
          membershipId: e.membership_id,
          grantedAt: new Date(e.at),
          expiresAt: new Date(e.expires_at),
        })),
        treatingOrganizationIds: row.treating,
      },
    });
  }
  return out;
}
