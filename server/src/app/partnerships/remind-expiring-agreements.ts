/**
 * Time rule: agreements about to expire. From 60 days before an agreement of a live partnership expires
 * (counted in the network's time zone), the liaisons of both sides — or, for a side that named none, its
 * organization administrators — are notified once (in-app, and by e-mail per their preference). The rule
 * fires once per agreement and expiry date (`fire-rule.ts`), so a second tick or process adds nothing and a
 * renewed agreement (new expiry date) is reminded again. Directory facts only: never patient data.
 */
import { and, eq, isNotNull, ne, sql } from 'drizzle-orm';
import { networks, partnershipAgreements, partnershipLiaisons, partnerships } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';
import { daysUntil, reminderDue } from '../../domain/partnerships/vocabulary.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { operatorActor, type Deps } from '../context.ts';
import { fireOnce, notFired } from '../followup/fire-rule.ts';
import { liaisonMemberships } from '../followup/recipients.ts';
import { notifyMembers, type MemberNotice } from '../notifications/notify-members.ts';
import { organizationNames } from './partnership-view.ts';

export const AGREEMENT_EXPIRY_RULE = 'agreement_expiring';

const KIND_WORDS: Record<string, string> = {
  mou: 'memorandum of understanding',
  qsoa: 'qualified service organization agreement',
  baa: 'business associate agreement',
  data_sharing: 'data-sharing agreement',
};

/** Notifies about the agreements whose reminder is due and has not fired; returns how many fired. */
export async function remindExpiringAgreements(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const candidates = await deps.db
    .select({ agreement: partnershipAgreements, partnership: partnerships, timezone: networks.timezone })
    .from(partnershipAgreements)
    .innerJoin(
      partnerships,
      and(
        eq(partnerships.networkId, partnershipAgreements.networkId),
        eq(partnerships.id, partnershipAgreements.partnershipId),
      ),
    )
    .innerJoin(networks, eq(networks.id, partnershipAgreements.networkId))
    .where(
      and(
        isNotNull(partnershipAgreements.expiresOn),
        ne(partnerships.status, 'ended'),
        notFired(
          deps.db,
          AGREEMENT_EXPIRY_RULE,
          { networkId: partnershipAgreements.networkId, subjectId: partnershipAgreements.id },
          sql`${partnershipAgreements.expiresOn}::text`,
        ),
      ),
    );
  let fired = 0;
  for (const { agreement, partnership: p, timezone } of candidates) {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: timezone }).format(now);
    if (!agreement.expiresOn || !reminderDue(today, agreement.expiresOn)) continue;
    const expiresOn = agreement.expiresOn;
    const left = daysUntil(today, expiresOn);
    const names = await organizationNames(deps.db, p.networkId, [p.hospitalOrgId, p.cboOrgId]);
    const partners = `${names.get(p.hospitalOrgId)?.name ?? ''} and ${names.get(p.cboOrgId)?.name ?? ''}`;
    const when = left === 0 ? 'today' : `in ${left} days`;
    const done = await deps.db.transaction(async (tx) => {
      const firing = { networkId: p.networkId, rule: AGREEMENT_EXPIRY_RULE, subjectId: agreement.id };
      if (!(await fireOnce(tx, { ...firing, level: expiresOn, at: now }))) return false;
      const notice: Omit<MemberNotice, 'membershipIds'> = {
        networkId: p.networkId,
        kind: 'partnership.agreement_expiring',
        title: `Agreement expires ${when}: ${agreement.title}`,
        body:
          `The ${KIND_WORDS[agreement.kind] ?? agreement.kind} "${agreement.title}" between ${partners} ` +
          `expires on ${expiresOn}${left === 0 ? ' (today)' : ` (in ${left} days)`}. ` +
          `Renew it or plan its end in the partnership workspace.`,
        params: {
          agreement: agreement.title,
          agreementKind: agreement.kind,
          hospital: names.get(p.hospitalOrgId)?.name ?? '',
          partner: names.get(p.cboOrgId)?.name ?? '',
          expiresOn,
          daysLeft: left,
        },
        path: `/partnerships/${p.id}`,
        dedupeKey: `agreement-expiry:${agreement.id}:${expiresOn}`,
        at: now,
      };
      let notified = 0;
      for (const audience of await audiencesOf(tx, p)) {
        notified += await notifyMembers(deps, tx, { ...notice, membershipIds: audience });
      }
      await appendAuditEvent(tx, operatorActor('system'), now, {
        networkId: p.networkId,
        action: 'partnership.agreement_expiring',
        entityType: 'partnership_agreement',
        entityId: agreement.id,
        details: { expiresOn, notified },
      });
      return true;
    });
    if (done) fired++;
  }
  return fired;
}

/** Each side's named liaisons; a side that named none is represented by its organization administrators. */
async function audiencesOf(tx: Tx, p: typeof partnerships.$inferSelect) {
  // A liaison who left does not stand for the side (`liaisonMemberships` keeps active memberships only).
  const liaisons = await liaisonMemberships(tx, p.networkId, eq(partnershipLiaisons.partnershipId, p.id));
  return [p.hospitalOrgId, p.cboOrgId].map((side) => {
    const named = liaisons.filter((l) => l.organizationId === side).map((l) => l.id);
    return named.length > 0 ? named : { organizationId: side, roles: ['org_admin'] };
  });
}
