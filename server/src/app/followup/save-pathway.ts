/**
 * Creates a pathway (a hospital's default, or a partnership's) and saves new versions of it. Only the
 * hospital side edits (`pathway.manage`: program managers and administrators); the partner sees it. Each
 * save is a new immutable version: tasks keep the version their transition or referral pinned, so a change
 * applies to new transitions and referrals only. Steps are validated by `domain/followup/pathway.ts`; a bad
 * step answers 400 naming it (`steps.2.role: …`). One active pathway per owner: creating a second is a 409.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, ne } from 'drizzle-orm';
import { partnerships, pathways, pathwayVersions } from '../../db/schema/index.ts';
import { pathwayInputSchema, type PathwayInput } from '../../domain/followup/pathway.ts';
import type { PathwayView } from '../../domain/followup/views.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { isUuid } from '../../lib/uuid.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { authorize, requireMember } from '../authorize.ts';
import type { Actor, Deps } from '../context.ts';
import { getPathway } from './get-pathway.ts';
import { visiblePathways } from './pathway-view.ts';

function parseSteps(body: unknown): PathwayInput {
  const parsed = pathwayInputSchema.safeParse(body);
  if (!parsed.success) {
    throw new AppError('validation', 'The pathway is not valid', {
      errors: parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'pathway', message: i.message })),
    });
  }
  return parsed.data;
}

export async function createPathway(
  deps: Deps,
  actor: Actor,
  body: { partnershipId?: string | undefined } & Record<string, unknown>,
): Promise<PathwayView> {
  const member = requireMember(actor);
  await authorize(deps, member, 'pathway.manage', { what: 'Pathway', organizationId: member.organizationId });
  const { partnershipId, ...rest } = body;
  const input = parseSteps(rest);
  if (partnershipId !== undefined) {
    const [partnership] = isUuid(partnershipId)
      ? await deps.db
          .select()
          .from(partnerships)
          .where(
            and(
              eq(partnerships.networkId, member.networkId),
              eq(partnerships.id, partnershipId),
              eq(partnerships.hospitalOrgId, member.organizationId),
              ne(partnerships.status, 'ended'),
            ),
          )
      : [];
    if (!partnership) throw notFound('Partnership');
  }
  const now = deps.clock.now();
  const id = randomUUID();
  await deps.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(pathways)
      .values({
        networkId: member.networkId,
        id,
        hospitalOrgId: member.organizationId,
        partnershipId: partnershipId ?? null,
        name: input.name,
        description: input.description ?? null,
        status: 'active',
        currentVersion: 1,
        createdBy: member.userId,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: pathways.id });
    if (inserted.length === 0)
      throw new AppError(
        'conflict',
        'There is already an active pathway for this owner; save a new version of it',
      );
    await tx.insert(pathwayVersions).values({
      networkId: member.networkId,
      pathwayId: id,
      version: 1,
      steps: input.steps,
      createdBy: member.userId,
      createdAt: now,
    });
    await appendAuditEvent(tx, member, now, {
      action: 'pathway.create',
      entityType: 'pathway',
      entityId: id,
      details: { partnershipId: partnershipId ?? null, steps: input.steps.length },
    });
  });
  return getPathway(deps, actor, id);
}

export async function savePathwayVersion(
  deps: Deps,
  actor: Actor,
  id: string,
  expectedVersion: number | undefined,
  body: unknown,
): Promise<PathwayView> {
  const member = requireMember(actor);
  const [row] = isUuid(id) ? await visiblePathways(deps.db, member, id) : [];
  if (!row) throw notFound('Pathway');
  // The partner sees its partnerships' pathways but does not edit them: 403 (it knows the pathway).
  if (row.hospitalOrgId !== member.organizationId)
    throw new AppError('forbidden', 'Only the hospital side edits a pathway');
  await authorize(deps, member, 'pathway.manage', { what: 'Pathway', organizationId: row.hospitalOrgId });
  if (expectedVersion === undefined)
    throw new AppError(
      'precondition_required',
      'Send If-Match with the ETag of the pathway version you edited',
    );
  const input = parseSteps(body);
  const now = deps.clock.now();
  const next = expectedVersion + 1;
  await deps.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(pathways)
      .set({ name: input.name, description: input.description ?? null, currentVersion: next, updatedAt: now })
      .where(
        and(
          eq(pathways.networkId, row.networkId),
          eq(pathways.id, row.id),
          eq(pathways.currentVersion, expectedVersion),
        ),
      )
      .returning({ id: pathways.id });
    if (!updated)
      throw new AppError('precondition_failed', 'The pathway was changed by someone else; reload it', {
        extra: { currentVersion: row.currentVersion },
      });
    await tx.insert(pathwayVersions).values({
      networkId: row.networkId,
      pathwayId: row.id,
      version: next,
      steps: input.steps,
      createdBy: member.userId,
      createdAt: now,
    });
    await appendAuditEvent(tx, member, now, {
      action: 'pathway.update',
      entityType: 'pathway',
      entityId: row.id,
      details: { version: next, steps: input.steps.length },
    });
  });
  return getPathway(deps, actor, id);
}
