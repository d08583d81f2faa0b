/**
 * What the network convener sees of partnerships: aggregates only — how many partnerships in each
 * status, agreements in force, expiring within 60 days or expired, open and overdue action items,
 * deliveries by kind, and the mean self-assessment score per quarter. No partnership, organization or
 * person is named: the details belong to the two parties.
 */
import { and, eq } from 'drizzle-orm';
import {
  partnershipActionItems,
  partnershipAgreements,
  partnershipAssessments,
  partnershipDeliveries,
  partnerships,
} from '../../db/schema/index.ts';
import {
  daysUntil,
  PARTNERSHIP_STATUSES,
  REMINDER_DAYS_BEFORE_EXPIRY,
} from '../../domain/partnerships/vocabulary.ts';
import { authorize, requireMember } from '../authorize.ts';
import { networkToday } from '../network/network-today.ts';
import type { Actor, Deps } from '../context.ts';

export async function summarizePartnerships(deps: Deps, actor: Actor) {
  const member = requireMember(actor);
  await authorize(deps, member, 'partnership.aggregate', { what: 'Partnership summary' });
  const network = member.networkId;
  const today = await networkToday(deps, network);
  const [rows, agreements, items, deliveries, assessments] = await Promise.all([
    deps.db
      .select({ id: partnerships.id, status: partnerships.status })
      .from(partnerships)
      .where(eq(partnerships.networkId, network)),
    deps.db
      .select({
        partnershipId: partnershipAgreements.partnershipId,
        expiresOn: partnershipAgreements.expiresOn,
        effectiveOn: partnershipAgreements.effectiveOn,
      })
      .from(partnershipAgreements)
      .where(eq(partnershipAgreements.networkId, network)),
    deps.db
      .select({ dueOn: partnershipActionItems.dueOn, doneAt: partnershipActionItems.doneAt })
      .from(partnershipActionItems)
      .where(eq(partnershipActionItems.networkId, network)),
    deps.db
      .select({ kind: partnershipDeliveries.kind, quantity: partnershipDeliveries.quantity })
      .from(partnershipDeliveries)
      .where(eq(partnershipDeliveries.networkId, network)),
    deps.db
      .select({ quarter: partnershipAssessments.quarter, score: partnershipAssessments.score })
      .from(partnershipAssessments)
      .where(and(eq(partnershipAssessments.networkId, network))),
  ]);
  const byStatus = Object.fromEntries(
    PARTNERSHIP_STATUSES.map((s) => [s, rows.filter((r) => r.status === s).length]),
  );
  const left = agreements.map((a) => (a.expiresOn ? daysUntil(today, a.expiresOn) : Infinity));
  const inForce = agreements.filter((a, i) => a.effectiveOn <= today && (left[i] ?? 0) >= 0);
  const deliveriesByKind: Record<string, number> = {};
  for (const d of deliveries) deliveriesByKind[d.kind] = (deliveriesByKind[d.kind] ?? 0) + d.quantity;
  const quarters = new Map<string, number[]>();
  for (const a of assessments) quarters.set(a.quarter, [...(quarters.get(a.quarter) ?? []), a.score]);
  return {
    today,
    partnerships: { total: rows.length, byStatus },
    agreements: {
      total: agreements.length,
      inForce: inForce.length,
      expiringWithin60Days: left.filter((d) => d >= 0 && d <= REMINDER_DAYS_BEFORE_EXPIRY).length,
      expired: left.filter((d) => d < 0).length,
    },
    actionItems: {
      open: items.filter((i) => i.doneAt === null).length,
      overdue: items.filter((i) => i.doneAt === null && i.dueOn !== null && i.dueOn < today).length,
    },
    deliveriesByKind,
    assessmentScores: [...quarters]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([quarter, scores]) => ({
        quarter,
        responses: scores.length,
        meanScore: Math.round((scores.reduce((x, y) => x + y, 0) / scores.length) * 100) / 100,
      })),
  };
}
