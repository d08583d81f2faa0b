/**
 * The last rung of the acknowledgement escalation (`escalate-unacknowledged.ts`): once it fired for a
 * referral that is still unanswered, its sender is shown up to three other active services of the same
 * kind, from organizations other than the silent partner (directory facts, no patient data). Sending to one
 * still needs a consent naming that organization, as every referral does.
 */
import { and, asc, eq, ne } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { organizations, ruleFirings, services } from '../../db/schema/index.ts';
import type { ReferralView } from '../../domain/transitions/views.ts';
import type { ReferralRow } from '../transitions/transition-view.ts';
import { ESCALATION_RULE } from './escalate-unacknowledged.ts';

export const MAX_ALTERNATIVES = 3;

export async function suggestAlternatives(
  db: Queryable,
  referral: ReferralRow,
): Promise<ReferralView['suggestedAlternatives']> {
  if (referral.status !== 'sent') return [];
  const [fired] = await db
    .select({ level: ruleFirings.level })
    .from(ruleFirings)
    .where(
      and(
        eq(ruleFirings.networkId, referral.networkId),
        eq(ruleFirings.rule, ESCALATION_RULE),
        eq(ruleFirings.subjectId, referral.id),
        eq(ruleFirings.level, 'alternatives'),
      ),
    );
  if (!fired) return [];
  const [current] = await db
    .select({ kind: services.kind })
    .from(services)
    .where(and(eq(services.networkId, referral.networkId), eq(services.id, referral.serviceId)));
  if (!current) return [];
  const rows = await db
    .select({ id: services.id, name: services.name, orgId: organizations.id, orgName: organizations.name })
    .from(services)
    .innerJoin(
      organizations,
      and(eq(organizations.networkId, services.networkId), eq(organizations.id, services.organizationId)),
    )
    .where(
      and(
        eq(services.networkId, referral.networkId),
        eq(services.kind, current.kind),
        eq(services.status, 'active'),
        eq(organizations.active, true),
        ne(services.organizationId, referral.receiverOrgId),
        ne(services.organizationId, referral.senderOrgId),
      ),
    )
    .orderBy(asc(services.name))
    .limit(MAX_ALTERNATIVES);
  return rows.map((r) => ({ id: r.id, name: r.name, organization: { id: r.orgId, name: r.orgName } }));
}
