/**
 * Starts a partnership between the active organization and a partner of the other kind (hospital or
 * health system ↔ CBO). One live partnership per pair: a second is refused until the first has ended.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { organizations, partnerships } from '../../db/schema/index.ts';
import { isUniqueViolation } from '../../lib/db-errors.ts';
import { AppError, invalid, notFound } from '../../lib/errors.ts';
import { authorize, requireMember } from '../authorize.ts';
import type { Actor, Deps } from '../context.ts';
import { writeAudited } from './access.ts';
import type { CreatePartnershipInput } from './schemas.ts';
import { getPartnership } from './get-partnership.ts';

const HOSPITAL_SIDE = new Set(['hospital', 'health_system']);

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
