/**
 * Partnerships: list the ones the active organization is a party to, start one with a partner of the
 * other kind (hospital or health system ↔ CBO), read the whole workspace, and change status, start date
 * or notes. One live partnership per pair: a second is refused until the first has ended.
 */
import { randomUUID } from 'node:crypto';
import { and, desc, eq, or } from 'drizzle-orm';
import { organizations, partnerships } from '../../db/schema/index.ts';
import { isUniqueViolation } from '../../lib/db-errors.ts';
import { AppError, invalid, notFound } from '../../lib/errors.ts';
import { authorize, requireMember } from '../authorize.ts';
import type { Actor, Deps } from '../context.ts';
import { networkTimezone } from '../directory/write-service.ts';
import { partnershipFor, writeAudited } from './access.ts';
import { organizationNames, partnershipSummary, partnershipView } from './partnership-view.ts';
import type { CreatePartnershipInput, UpdatePartnershipInput } from './schemas.ts';

const HOSPITAL_SIDE = new Set(['hospital', 'health_system']);

/** Today's date (YYYY-MM-DD) in the network's time zone: agreement expiry and due dates are local days. */
export async function networkToday(deps: Deps, networkId: string): Promise<string> {
  const zone = await networkTimezone(deps.db, networkId);
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(deps.clock.now());
}

export async function listPartnerships(deps: Deps, actor: Actor) {
  const member = requireMember(actor);
  await authorize(deps, member, 'partnership.read', {
    what: 'Partnership',
    organizationId: member.organizationId,
  });
  const rows = await deps.db
    .select()
    .from(partnerships)
    .where(
      and(
        eq(partnerships.networkId, member.networkId),
        or(
          eq(partnerships.hospitalOrgId, member.organizationId),
          eq(partnerships.cboOrgId, member.organizationId),
        ),
      ),
    )
    .orderBy(desc(partnerships.updatedAt), desc(partnerships.id));
  const names = await organizationNames(deps.db, member.networkId, [
    ...new Set(rows.flatMap((r) => [r.hospitalOrgId, r.cboOrgId])),
  ]);
  return { items: rows.map((r) => partnershipSummary(r, names)) };
}

export async function getPartnership(deps: Deps, actor: Actor, id: string) {
  const { member, partnership } = await partnershipFor(deps, actor, id, 'partnership.read');
  return partnershipView(deps.db, partnership, await networkToday(deps, member.networkId));
}

export async function createPartnership(deps: Deps, actor: Actor, input: CreatePartnershipInput) {
  const member = requireMember(actor);
  await authorize(deps, member, 'partnership.create', {
    what: 'Partnership',
    organizationId: member.organizationId,
  });
  const kinds = await deps.db
    .select({ id: organizations.id, kind: organizations.kind })
    .from(organizations)
    .where(eq(organizations.networkId, member.networkId));
  const own = kinds.find((o) => o.id === member.organizationId);
  const partner = kinds.find((o) => o.id === input.partnerOrganizationId);
  if (!own || !partner) throw notFound('Organization');
  const ownHospital = HOSPITAL_SIDE.has(own.kind);
  const pairs = ownHospital ? partner.kind === 'cbo' : own.kind === 'cbo' && HOSPITAL_SIDE.has(partner.kind);
  if (!pairs) {
    throw invalid(
      'partnerOrganizationId',
      'a partnership joins a hospital or health system with a community organization (CBO)',
    );
  }
  const id = randomUUID();
  try {
    await writeAudited(deps, member, { action: 'partnership.create', partnershipId: id }, async (tx, now) => {
      await tx.insert(partnerships).values({
        networkId: member.networkId,
        id,
        hospitalOrgId: ownHospital ? own.id : partner.id,
        cboOrgId: ownHospital ? partner.id : own.id,
        status: input.status,
        startedOn: input.startedOn ?? null,
        notes: input.notes ?? null,
        createdAt: now,
        updatedAt: now,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('conflict', 'These two organizations already have a partnership that has not ended');
    throw error;
  }
  return getPartnership(deps, member, id);
}

export async function updatePartnership(
  deps: Deps,
  actor: Actor,
  args: { id: string; input: UpdatePartnershipInput; expectedVersion?: number | undefined },
) {
  const { member, partnership } = await partnershipFor(deps, actor, args.id, 'partnership.manage');
  if (args.expectedVersion !== undefined && args.expectedVersion !== partnership.version)
    throw new AppError(
      'precondition_failed',
      'The partnership changed since you read it; reload and try again',
    );
  try {
    await writeAudited(
      deps,
      member,
      {
        action: 'partnership.manage',
        partnershipId: partnership.id,
        details: { change: 'partnership', ...(args.input.status ? { status: args.input.status } : {}) },
      },
      async (tx, now) => {
        const [updated] = await tx
          .update(partnerships)
          .set({
            ...(args.input.status !== undefined ? { status: args.input.status } : {}),
            ...(args.input.startedOn !== undefined ? { startedOn: args.input.startedOn } : {}),
            ...(args.input.notes !== undefined ? { notes: args.input.notes } : {}),
            version: partnership.version + 1,
            updatedAt: now,
          })
          .where(
            and(
              eq(partnerships.networkId, member.networkId),
              eq(partnerships.id, partnership.id),
              eq(partnerships.version, partnership.version),
            ),
          )
          .returning({ id: partnerships.id });
        if (!updated)
          throw new AppError(
            'precondition_failed',
            'The partnership changed meanwhile; reload and try again',
          );
      },
    );
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError(
        'conflict',
        'These two organizations already have another partnership that has not ended',
      );
    throw error;
  }
  return getPartnership(deps, member, partnership.id);
}
