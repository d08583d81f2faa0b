/**
 * Accounting of disclosures (§2.25, P15) — every ledgered disclosure of a patient in a period, three
 * years back by default — and, with `kind=intermediary`, the §2.24 list of disclosures made under a
 * general designation (P16). Produced by the holding organization only, as JSON, CSV or PDF. Days are
 * the network's local days. Producing the report is audited.
 */
import { stringify } from 'csv-stringify/sync';
import { and, asc, eq, sql } from 'drizzle-orm';
import { disclosures, organizations, users } from '../../db/schema/index.ts';
import type { DisclosureReport } from '../../domain/consent/views.ts';
import type { ConsentLanguage, DataCategory, RequestPurpose } from '../../domain/consent/vocabulary.ts';
import { invalid } from '../../lib/errors.ts';
import { renderDisclosureReportPdf } from '../../integrations/pdf/disclosure-report-pdf.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { Actor, Deps } from '../context.ts';
import { openPatient } from './open-patient.ts';
import { part2Texts } from './part2-texts-source.ts';
import type { DisclosureReportQuery } from './schemas.ts';

export type ReportFile =
  { format: 'json'; report: DisclosureReport } | { format: 'csv' | 'pdf'; body: Buffer; fileName: string };

/** The same day `years` earlier (29 February falls back to 28 February). */
export function yearsBefore(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y - years, m - 1, d));
  if (date.getUTCMonth() !== m - 1) date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
}

export async function reportDisclosures(
  deps: Deps,
  actor: Actor,
  patientId: string,
  query: DisclosureReportQuery,
  language: ConsentLanguage,
): Promise<ReportFile> {
  const { member, patient, today, timezone } = await openPatient(deps, actor, patientId, {
    action: 'disclosure.report',
    category: 'demographics',
    purpose: 'TREAT',
    channel: 'web',
    description: 'Accounting of disclosures',
    holderOnly: true,
  });
  const to = query.to ?? today;
  const from = query.from ?? yearsBefore(to, 3);
  if (from > to) throw invalid('from', 'must not be after to');
  const localDay = sql`(${disclosures.at} at time zone ${timezone})::date`;
  const rows = await deps.db
    .select({ d: disclosures, org: organizations.name, user: users.displayName })
    .from(disclosures)
    .innerJoin(
      organizations,
      and(
        eq(organizations.networkId, disclosures.networkId),
        eq(organizations.id, disclosures.recipientOrgId),
      ),
    )
    .innerJoin(users, eq(users.id, disclosures.recipientUserId))
    .where(
      and(
        eq(disclosures.networkId, member.networkId),
        eq(disclosures.patientId, patient.id),
        sql`${localDay} between ${from}::date and ${to}::date`,
        query.kind === 'intermediary' ? eq(disclosures.generalDesignation, true) : undefined,
      ),
    )
    .orderBy(asc(disclosures.at));
  const now = deps.clock.now();
  const report: DisclosureReport = {
    patientId: patient.id,
    patientName: `${patient.givenName} ${patient.familyName}`,
    holderOrganizationName:
      (
        await deps.db
          .select({ name: organizations.name })
          .from(organizations)
          .where(
            and(eq(organizations.networkId, member.networkId), eq(organizations.id, patient.holderOrgId)),
          )
      )[0]?.name ?? '',
    from,
    to,
    kind: query.kind,
    generatedAt: now.toISOString(),
    items: rows.map(({ d, org, user }) => ({
      id: d.id,
      at: d.at.toISOString(),
      recipientOrganizationId: d.recipientOrgId,
      recipientOrganizationName: org,
      recipientUserName: user,
      description: d.description,
      categories: d.categories as DataCategory[],
      purpose: d.purpose as RequestPurpose,
      basis: d.basis as 'consent' | 'emergency',
      consentId: d.consentId,
      generalDesignation: d.generalDesignation,
      channel: d.channel as 'web' | 'api' | 'pdf',
    })),
  };
  await deps.db.transaction((tx) =>
    appendAuditEvent(tx, member, now, {
      action: 'disclosure.report',
      entityType: 'patient',
      entityId: patient.id,
      patientId: patient.id,
      details: { from, to, kind: query.kind, format: query.format, entries: report.items.length },
    }),
  );
  const base = `${query.kind === 'intermediary' ? 'intermediary-list' : 'accounting-of-disclosures'}-${from}-to-${to}`;
  if (query.format === 'json') return { format: 'json', report };
  if (query.format === 'csv') {
    const csv = stringify(
      report.items.map((i) => [
        i.at,
        i.recipientOrganizationName,
        i.recipientUserName,
        i.description,
        i.purpose,
        i.basis,
        i.consentId ?? '',
        i.generalDesignation ? 'yes' : 'no',
        i.channel,
      ]),
      {
        header: true,
        columns: [
          'date_time',
          'recipient_organization',
          'recipient_user',
          'description',
          'purpose',
          'basis',
          'consent_id',
          'general_designation',
          'channel',
        ],
      },
    );
    return { format: 'csv', body: Buffer.from(csv, 'utf8'), fileName: `${base}.csv` };
  }
  const pdf = await renderDisclosureReportPdf({ report, language, texts: part2Texts(deps) });
  return { format: 'pdf', body: Buffer.from(pdf), fileName: `${base}.pdf` };
}
