/**
 * The partner's inbox (referrals sent to the active organization) and the hospital's outbox (referrals it
 * sent), filtered, sorted and paged. Inbox rows are put to the decision point one patient at a time, like
 * search: a referral whose patient the organization may no longer see (consent revoked) is simply absent —
 * not counted, not marked (P21) — and every listed patient is written to the disclosure ledger. The patient's
 * name is shown only when the consent relied on covers demographics.
 *
 * Limit, written down: the inbox decides over at most `INBOX_CANDIDATES` referrals matching the filter (most
 * urgent first); an inbox bigger than that should be filtered (the default shows open referrals only).
 */
import { and, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { patients, referrals, services, transitions } from '../../db/schema/index.ts';
import type { InboxRow, Page } from '../../domain/transitions/views.ts';
import type { ReferralStatus, Urgency } from '../../domain/transitions/vocabulary.ts';
import { authorize, requireMember } from '../authorize.ts';
import { auditListing, decideEach, namedPatients } from '../consent/decide-each.ts';
import type { DisclosureChannel } from '../consent/record-disclosure.ts';
import type { Actor, Deps } from '../context.ts';
import { organizationNames } from './people.ts';
import type { ReferralInboxQuery } from './schemas.ts';
import { ackOverdue, transitionGap } from './transition-view.ts';

export const INBOX_CANDIDATES = 2000;
const OPEN: readonly ReferralStatus[] = ['sent', 'accepted', 'scheduled', 'no_show'];
const r = referrals;

function orderOf(sort: ReferralInboxQuery['sort']): SQL[] {
  switch (sort) {
    case 'urgency':
      return [
        sql`case when ${r.urgency} = 'urgent' then 0 else 1 end`,
        sql`${r.ackDueAt} asc nulls last`,
        desc(r.sentAt),
      ];
    case 'ack_due':
      return [sql`${r.ackDueAt} asc nulls last`, desc(r.sentAt)];
    case 'sent':
      return [sql`${r.sentAt} desc nulls last`];
    case 'appointment':
      return [sql`${r.appointmentAt} asc nulls last`, desc(r.sentAt)];
  }
}

export async function listReferrals(
  deps: Deps,
  actor: Actor,
  query: ReferralInboxQuery,
  channel: DisclosureChannel,
): Promise<Page<InboxRow>> {
  const member = requireMember(actor);
  await authorize(deps, member, 'patient.read', { what: 'Referral', organizationId: member.organizationId });
  const now = deps.clock.now();
  const inbox = query.box === 'inbox';
  const where = and(
    eq(r.networkId, member.networkId),
    inbox ? eq(r.receiverOrgId, member.organizationId) : eq(r.senderOrgId, member.organizationId),
    inbox ? ne(r.status, 'draft') : undefined,
    query.status ? eq(r.status, query.status) : undefined,
    query.open ? inArray(r.status, [...OPEN]) : undefined,
  );
  const candidates = await deps.db
    .select({ id: r.id, patientId: r.patientId })
    .from(r)
    .where(where)
    .orderBy(...orderOf(query.sort))
    .limit(inbox ? INBOX_CANDIDATES : query.pageSize + 1 + (query.page - 1) * query.pageSize);
  const decisions = inbox
    ? await decideEach(
        deps,
        member,
        candidates.map((c) => c.patientId),
        now,
      )
    : undefined;
  const visible = decisions ? candidates.filter((c) => decisions.has(c.patientId)) : candidates;
  const [counted] = inbox
    ? [{ n: visible.length }]
    : await deps.db
        .select({ n: sql<number>`count(*)`.mapWith(Number) })
        .from(r)
        .where(where);
  const pageIds = visible
    .slice((query.page - 1) * query.pageSize, query.page * query.pageSize)
    .map((c) => c.id);
  const rows = pageIds.length
    ? await deps.db
        .select({ referral: r, transition: transitions, patient: patients, serviceName: services.name })
        .from(r)
        .innerJoin(
          transitions,
          and(eq(transitions.networkId, r.networkId), eq(transitions.id, r.transitionId)),
        )
        .innerJoin(patients, and(eq(patients.networkId, r.networkId), eq(patients.id, r.patientId)))
        .innerJoin(services, and(eq(services.networkId, r.networkId), eq(services.id, r.serviceId)))
        .where(and(eq(r.networkId, member.networkId), inArray(r.id, pageIds)))
    : [];
  rows.sort((a, b) => pageIds.indexOf(a.referral.id) - pageIds.indexOf(b.referral.id));
  const listedIds = rows.map((x) => x.patient.id);
  const named = decisions
    ? await namedPatients(deps, member.networkId, decisions, listedIds)
    : new Set(listedIds);
  const senders = await organizationNames(
    deps.db,
    member.networkId,
    rows.map((x) => x.referral.senderOrgId),
  );
  await auditListing(deps, member, now, {
    event: { action: 'referral.list', details: { box: query.box, page: query.page, results: rows.length } },
    listed: decisions ? rows.map((x) => x.patient) : [],
    decisions: decisions ?? new Map(),
    description: 'Listed in the referral inbox: referral status, deadlines, coverage end',
    channel,
  });
  const items = rows.map(({ referral, transition, patient, serviceName }): InboxRow => ({
    id: referral.id,
    transitionId: referral.transitionId,
    patient: {
      id: patient.id,
      name: !decisions || named.has(patient.id) ? `${patient.givenName} ${patient.familyName}` : null,
    },
    sender: { id: referral.senderOrgId, name: senders.get(referral.senderOrgId) ?? '' },
    service: { id: referral.serviceId, name: serviceName },
    status: referral.status as ReferralStatus,
    urgency: referral.urgency as Urgency,
    sentAt: referral.sentAt?.toISOString() ?? null,
    ackDueAt: referral.ackDueAt?.toISOString() ?? null,
    ackOverdue: ackOverdue(referral, now),
    appointmentAt: referral.appointmentAt?.toISOString() ?? null,
    gap: transitionGap(transition, now),
    version: referral.version,
  }));
  return { items, total: counted?.n ?? 0, page: query.page, pageSize: query.pageSize };
}
