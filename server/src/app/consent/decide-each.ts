/**
 * Decisions for a list of patients at once, for worklists an organization sees as a recipient (the
 * partner's referral inbox and task list): each patient is put to the decision point (treatment, for
 * treatment); patients it may not see are absent from the answer, and the caller leaves them out — not
 * counted, not marked (P21). `namedPatients` says which of the permitted may be listed by name;
 * `auditListing` audits the page and ledgers each patient it disclosed, in one transaction.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { consents } from '../../db/schema/index.ts';
import { decideAccess, type AccessDecision } from '../../domain/consent/decide.ts';
import { localDay } from '../../lib/local-day.ts';
import { appendAuditEvent, type AuditInput } from '../audit/append-audit-event.ts';
import type { Deps, MemberActor } from '../context.ts';
import { part2Texts } from './part2-texts-source.ts';
import { recordDisclosure, type DisclosureChannel } from './record-disclosure.ts';
import { loadAccessFacts } from './load-access-facts.ts';

export type Disclosed = Extract<AccessDecision, { permit: true; basis: 'consent' | 'emergency' }>;

/** The decision for each candidate patient the organization does not hold; denied patients are absent. */
export async function decideEach(
  deps: Deps,
  member: MemberActor,
  patientIds: readonly string[],
  now: Date,
): Promise<Map<string, Disclosed>> {
  const permitted = new Map<string, Disclosed>();
  const unique = [...new Set(patientIds)];
  for (let i = 0; i < unique.length; i += 500) {
    const facts = await loadAccessFacts(deps.db, member.networkId, unique.slice(i, i + 500));
    for (const [id, { facts: f, timezone }] of facts) {
      const decision = decideAccess(
        {
          organizationId: member.organizationId,
          membershipId: member.membershipId,
          category: 'treatment',
          purpose: 'TREAT',
          at: now,
          today: localDay(now, timezone ?? 'UTC'),
        },
        f,
      );
      if (decision.permit && decision.basis !== 'holder') permitted.set(id, decision);
    }
  }
  return permitted;
}

/** Patients whose relied-on consent covers demographics, or who are seen under emergency access. */
export async function namedPatients(
  deps: Deps,
  networkId: string,
  decisions: ReadonlyMap<string, Disclosed>,
  patientIds: readonly string[],
): Promise<Set<string>> {
  const consentIds = [
    ...new Set(
      patientIds.map((id) => decisions.get(id)).flatMap((d) => (d?.basis === 'consent' ? [d.consentId] : [])),
    ),
  ];
  const rows = consentIds.length
    ? await deps.db
        .select({ id: consents.id, categories: consents.categories })
        .from(consents)
        .where(and(eq(consents.networkId, networkId), inArray(consents.id, consentIds)))
    : [];
  const covering = new Set(rows.filter((c) => c.categories.includes('demographics')).map((c) => c.id));
  return new Set(
    patientIds.filter((id) => {
      const d = decisions.get(id);
      return d?.basis === 'emergency' || (d?.basis === 'consent' && covering.has(d.consentId));
    }),
  );
}

/**
 * Audits a listed page (`event`) and writes a ledger entry (treatment, for treatment) for each listed
 * patient the organization does not hold, under its decision. The Part 2 texts are checked first: without
 * them nothing is disclosed (P12).
 */
export async function auditListing(
  deps: Deps,
  member: MemberActor,
  now: Date,
  input: {
    event: AuditInput;
    listed: readonly { id: string; holderOrgId: string }[];
    decisions: ReadonlyMap<string, Disclosed>;
    description: string;
    channel: DisclosureChannel;
  },
): Promise<void> {
  const disclosed = [...new Map(input.listed.map((p) => [p.id, p])).values()].filter((p) =>
    input.decisions.has(p.id),
  );
  if (disclosed.length > 0) part2Texts(deps);
  await deps.db.transaction(async (tx) => {
    await appendAuditEvent(tx, member, now, input.event);
    for (const p of disclosed) {
      const decision = input.decisions.get(p.id);
      if (!decision) continue;
      await recordDisclosure(tx, member, now, {
        patientId: p.id,
        holderOrgId: p.holderOrgId,
        decision,
        categories: ['treatment'],
        description: input.description,
        purpose: 'TREAT',
        channel: input.channel,
      });
    }
  });
}
