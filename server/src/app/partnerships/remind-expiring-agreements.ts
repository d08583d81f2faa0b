/**
 * Agreement expiry reminders: from 60 days before an agreement of a live partnership expires, each
 * liaison of both sides (or, when a side has none, its organization administrators) gets one e-mail
 * through the outbox. The dedupe key (agreement, expiry date, person) makes every run idempotent, so the
 * job can run as often as it likes; a renewed agreement (new expiry date) is reminded again. The e-mail
 * names the agreement and the partners — directory facts, never patient data.
 */
import { and, eq, isNotNull, ne, sql } from 'drizzle-orm';
import {
  memberships,
  networks,
  partnershipAgreements,
  partnershipLiaisons,
  partnerships,
  users,
} from '../../db/schema/index.ts';
import { daysUntil, reminderDue } from '../../domain/partnerships/vocabulary.ts';
import type { Deps } from '../context.ts';
import { enqueueEmail } from '../outbox/enqueue-email.ts';
import { organizationNames } from './partnership-view.ts';

const KIND_WORDS: Record<string, string> = {
  mou: 'memorandum of understanding',
  qsoa: 'qualified service organization agreement',
  baa: 'business associate agreement',
  data_sharing: 'data-sharing agreement',
};

/** Enqueues the reminders that are due; returns how many e-mails were newly enqueued. */
export async function remindExpiringAgreements(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const due = await deps.db
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
    .where(and(isNotNull(partnershipAgreements.expiresOn), ne(partnerships.status, 'ended')));
  let enqueued = 0;
  for (const { agreement, partnership: p, timezone } of due) {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: timezone }).format(now);
    if (!reminderDue(today, agreement.expiresOn)) continue;
    const expiresOn = agreement.expiresOn as string;
    const recipients = await recipientsOf(deps, p);
    const names = await organizationNames(deps.db, p.networkId, [p.hospitalOrgId, p.cboOrgId]);
    const left = daysUntil(today, expiresOn);
    const partners = `${names.get(p.hospitalOrgId)?.name ?? ''} and ${names.get(p.cboOrgId)?.name ?? ''}`;
    await deps.db.transaction(async (tx) => {
      for (const to of recipients) {
        const added = await enqueueEmail(tx, now, {
          networkId: p.networkId,
          dedupeKey: `agreement-expiry:${agreement.id}:${expiresOn}:${to}`,
          message: {
            to,
            subject: `Agreement expires ${left === 0 ? 'today' : `in ${left} days`}: ${agreement.title}`,
            text:
              `The ${KIND_WORDS[agreement.kind] ?? agreement.kind} "${agreement.title}" between ${partners} ` +
              `expires on ${expiresOn}${left === 0 ? ' (today)' : ` (in ${left} days)`}.\n\n` +
              `Renew it or plan its end in the partnership workspace:\n` +
              `${deps.config.publicUrl}/partnerships/${p.id}\n`,
          },
        });
        if (added) enqueued++;
      }
    });
  }
  return enqueued;
}

/** The liaisons of both sides; a side without liaisons is represented by its organization administrators. */
async function recipientsOf(deps: Deps, p: typeof partnerships.$inferSelect): Promise<string[]> {
  const liaisons = await deps.db
    .select({ organizationId: partnershipLiaisons.organizationId, email: users.email })
    .from(partnershipLiaisons)
    .innerJoin(users, eq(users.id, partnershipLiaisons.userId))
    .where(and(eq(partnershipLiaisons.networkId, p.networkId), eq(partnershipLiaisons.partnershipId, p.id)));
  const emails = new Set(liaisons.map((l) => l.email));
  for (const side of [p.hospitalOrgId, p.cboOrgId]) {
    if (liaisons.some((l) => l.organizationId === side)) continue;
    const admins = await deps.db
      .select({ email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          eq(memberships.organizationId, side),
          eq(memberships.status, 'active'),
          sql`'org_admin' = any(${memberships.roles})`,
        ),
      );
    for (const a of admins) emails.add(a.email);
  }
  return [...emails].sort();
}
