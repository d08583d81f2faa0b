/**
 * Pathways as the API shows them, and which ones an organization may see: a hospital sees its default and
 * its partnerships' pathways; a partner sees the pathways of the partnerships it is in (both sides of a
 * partnership see its pathway; the hospital edits it). Pathways are process, not patient data.
 */
import { and, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { partnerships, pathways, pathwayVersions } from '../../db/schema/index.ts';
import type { PathwayView } from '../../domain/followup/views.ts';
import type { PathwayStatus } from '../../domain/followup/vocabulary.ts';
import type { MemberActor } from '../context.ts';
import { organizationNames } from '../transitions/people.ts';

export type PathwayRow = typeof pathways.$inferSelect;

/** Pathways the member's organization may see (optionally one id). */
export async function visiblePathways(
  db: Queryable,
  member: MemberActor,
  id?: string,
): Promise<PathwayRow[]> {
  const theirs = db
    .select({ id: partnerships.id })
    .from(partnerships)
    .where(
      and(eq(partnerships.networkId, member.networkId), eq(partnerships.cboOrgId, member.organizationId)),
    );
  const conditions: SQL[] = [eq(pathways.networkId, member.networkId)];
  if (id) conditions.push(eq(pathways.id, id));
  const mine = or(eq(pathways.hospitalOrgId, member.organizationId), inArray(pathways.partnershipId, theirs));
  return db
    .select()
    .from(pathways)
    .where(and(...conditions, mine))
    .orderBy(pathways.name);
}

export async function pathwayViews(db: Queryable, rows: readonly PathwayRow[]): Promise<PathwayView[]> {
  const first = rows[0];
  if (!first) return [];
  const versions = await db
    .select()
    .from(pathwayVersions)
    .where(
      and(
        eq(pathwayVersions.networkId, first.networkId),
        or(
          ...rows.map((r) =>
            and(eq(pathwayVersions.pathwayId, r.id), eq(pathwayVersions.version, r.currentVersion)),
          ),
        ),
      ),
    );
  const links = await db
    .select({ id: partnerships.id, cboOrgId: partnerships.cboOrgId })
    .from(partnerships)
    .where(
      and(
        eq(partnerships.networkId, first.networkId),
        inArray(
          partnerships.id,
          rows.flatMap((r) => (r.partnershipId ? [r.partnershipId] : [])),
        ),
      ),
    );
  const names = await organizationNames(db, first.networkId, [
    ...rows.map((r) => r.hospitalOrgId),
    ...links.map((l) => l.cboOrgId),
  ]);
  return rows.map((r) => {
    const cbo = links.find((l) => l.id === r.partnershipId)?.cboOrgId;
    return {
      id: r.id,
      name: r.name,
      description: r.description,
      owner: r.partnershipId
        ? {
            kind: 'partnership',
            id: r.partnershipId,
            name: `${names.get(r.hospitalOrgId) ?? ''} – ${cbo ? (names.get(cbo) ?? '') : ''}`,
          }
        : { kind: 'hospital', id: r.hospitalOrgId, name: names.get(r.hospitalOrgId) ?? '' },
      version: r.currentVersion,
      steps: versions.find((v) => v.pathwayId === r.id && v.version === r.currentVersion)?.steps ?? [],
      status: r.status as PathwayStatus,
      updatedAt: r.updatedAt.toISOString(),
    };
  });
}
