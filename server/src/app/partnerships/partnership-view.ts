/**
 * A partnership as its two parties see it: both organizations, status, agreements (document metadata,
 * never the bytes; days until expiry), liaisons with names, the ledger of deliveries with totals per
 * side and kind, meetings with their action items, goals, and the self-assessment scores per quarter.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import {
  organizations,
  partnershipActionItems,
  partnershipAgreements,
  partnershipAssessments,
  partnershipDeliveries,
  partnershipGoals,
  partnershipLiaisons,
  partnershipMeetings,
  users,
} from '../../db/schema/index.ts';
import { daysUntil } from '../../domain/partnerships/vocabulary.ts';
import type { PartnershipRow } from './access.ts';

export async function organizationNames(db: Queryable, networkId: string, ids: string[]) {
  const rows = ids.length
    ? await db
        .select({ id: organizations.id, name: organizations.name, kind: organizations.kind })
        .from(organizations)
        .where(and(eq(organizations.networkId, networkId), inArray(organizations.id, ids)))
    : [];
  return new Map(rows.map((r) => [r.id, r]));
}

/** The list entry: the partnership and its two organizations. */
export function partnershipSummary(
  p: PartnershipRow,
  names: Map<string, { id: string; name: string; kind: string }>,
) {
  return {
    id: p.id,
    status: p.status,
    startedOn: p.startedOn,
    notes: p.notes,
    hospital: names.get(p.hospitalOrgId) ?? { id: p.hospitalOrgId, name: '', kind: '' },
    cbo: names.get(p.cboOrgId) ?? { id: p.cboOrgId, name: '', kind: '' },
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export async function partnershipView(db: Queryable, p: PartnershipRow, today: string) {
  const where = <
    T extends
      | typeof partnershipAgreements
      | typeof partnershipLiaisons
      | typeof partnershipDeliveries
      | typeof partnershipMeetings
      | typeof partnershipActionItems
      | typeof partnershipGoals
      | typeof partnershipAssessments,
  >(
    t: T,
  ) => and(eq(t.networkId, p.networkId), eq(t.partnershipId, p.id));
  const [names, agreements, liaisons, deliveries, meetings, actionItems, goals, assessments] =
    await Promise.all([
      organizationNames(db, p.networkId, [p.hospitalOrgId, p.cboOrgId]),
      db
        .select({
          id: partnershipAgreements.id,
          kind: partnershipAgreements.kind,
          title: partnershipAgreements.title,
          effectiveOn: partnershipAgreements.effectiveOn,
          expiresOn: partnershipAgreements.expiresOn,
          documentName: partnershipAgreements.documentName,
          documentType: partnershipAgreements.documentType,
        })
        .from(partnershipAgreements)
        .where(where(partnershipAgreements))
        .orderBy(asc(partnershipAgreements.effectiveOn), asc(partnershipAgreements.id)),
      db
        .select({
          id: partnershipLiaisons.id,
          organizationId: partnershipLiaisons.organizationId,
          userId: partnershipLiaisons.userId,
          role: partnershipLiaisons.role,
          name: users.displayName,
          email: users.email,
        })
        .from(partnershipLiaisons)
        .innerJoin(users, eq(users.id, partnershipLiaisons.userId))
        .where(where(partnershipLiaisons))
        .orderBy(
          asc(partnershipLiaisons.organizationId),
          asc(partnershipLiaisons.role),
          asc(users.displayName),
        ),
      db
        .select()
        .from(partnershipDeliveries)
        .where(where(partnershipDeliveries))
        .orderBy(desc(partnershipDeliveries.deliveredOn), asc(partnershipDeliveries.id)),
      db
        .select()
        .from(partnershipMeetings)
        .where(where(partnershipMeetings))
        .orderBy(desc(partnershipMeetings.heldOn), asc(partnershipMeetings.id)),
      db
        .select({ item: partnershipActionItems, ownerName: users.displayName })
        .from(partnershipActionItems)
        .leftJoin(users, eq(users.id, partnershipActionItems.ownerUserId))
        .where(where(partnershipActionItems))
        .orderBy(asc(partnershipActionItems.dueOn), asc(partnershipActionItems.id)),
      db
        .select()
        .from(partnershipGoals)
        .where(where(partnershipGoals))
        .orderBy(asc(partnershipGoals.createdAt)),
      db
        .select()
        .from(partnershipAssessments)
        .where(where(partnershipAssessments))
        .orderBy(asc(partnershipAssessments.quarter), asc(partnershipAssessments.organizationId)),
    ]);
  const totals = new Map<string, number>();
  for (const d of deliveries) {
    const key = `${d.providerOrgId}|${d.kind}`;
    totals.set(key, (totals.get(key) ?? 0) + d.quantity);
  }
  const item = ({ item: a, ownerName }: (typeof actionItems)[number]) => ({
    id: a.id,
    meetingId: a.meetingId,
    description: a.description,
    ownerUserId: a.ownerUserId,
    ownerName,
    dueOn: a.dueOn,
    done: a.doneAt !== null,
    doneAt: a.doneAt?.toISOString() ?? null,
    overdue: a.doneAt === null && a.dueOn !== null && a.dueOn < today,
  });
  return {
    ...partnershipSummary(p, names),
    agreements: agreements.map((a) => ({
      ...a,
      hasDocument: a.documentName !== null,
      daysUntilExpiry: a.expiresOn ? daysUntil(today, a.expiresOn) : null,
    })),
    liaisons,
    deliveries: deliveries.map((d) => ({
      id: d.id,
      providerOrganizationId: d.providerOrgId,
      kind: d.kind,
      quantity: d.quantity,
      deliveredOn: d.deliveredOn,
      note: d.note,
    })),
    deliveryTotals: [...totals].map(([key, quantity]) => {
      const [providerOrganizationId, kind] = key.split('|');
      return { providerOrganizationId, kind, quantity };
    }),
    meetings: meetings.map((m) => ({
      id: m.id,
      heldOn: m.heldOn,
      title: m.title,
      attendees: m.attendees as string[],
      notes: m.notes,
      actionItems: actionItems.filter((a) => a.item.meetingId === m.id).map(item),
    })),
    actionItems: actionItems.map(item),
    goals: goals.map((g) => ({ id: g.id, metric: g.metric, target: g.target, description: g.description })),
    assessments: assessments.map((a) => ({
      id: a.id,
      organizationId: a.organizationId,
      quarter: a.quarter,
      score: a.score,
      answers: a.answers as Record<string, number>,
      comment: a.comment,
      submittedAt: a.submittedAt.toISOString(),
    })),
  };
}
export type PartnershipView = Awaited<ReturnType<typeof partnershipView>>;
