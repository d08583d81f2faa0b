/**
 * Operator use case (CLI `user create`): creates a user with a password and a membership in an
 * organization, or adds the membership/role to an existing user. Used to bootstrap the first
 * administrator of a new installation.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, or } from 'drizzle-orm';
import { memberships, organizations, users } from '../../db/schema/index.ts';
import { isRole, type Role } from '../../domain/identity/vocabulary.ts';
import { AppError, invalid, notFound } from '../../lib/errors.ts';
import { hashPassword, passwordProblem } from '../../lib/passwords.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { Deps, OperatorActor } from '../context.ts';
import type { Queryable } from '../../db/client.ts';

/** Finds an organization by id or slug in any network; a slug used by several networks is ambiguous. */
export async function findOrganizationAnywhere(db: Queryable, idOrSlug: string) {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrSlug);
  const rows = await db
    .select()
    .from(organizations)
    .where(
      isUuid
        ? or(eq(organizations.id, idOrSlug), eq(organizations.slug, idOrSlug))
        : eq(organizations.slug, idOrSlug),
    );
  if (rows.length === 0) throw notFound(`Organization '${idOrSlug}'`);
  if (rows.length > 1)
    throw new AppError('conflict', `Organization slug '${idOrSlug}' exists in several networks; use its id`);
  const [only] = rows;
  if (!only) throw notFound(`Organization '${idOrSlug}'`);
  return only;
}

export async function createUser(
  deps: Deps,
  actor: OperatorActor,
  input: {
    email: string;
    password: string;
    displayName?: string | undefined;
    organization: string;
    role: string;
  },
): Promise<{ userId: string; membershipId: string; created: boolean }> {
  const email = input.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw invalid('email', 'is not an e-mail address');
  if (!isRole(input.role)) throw invalid('role', `must be one of the roles (got '${input.role}')`);
  const role: Role = input.role;
  const org = await findOrganizationAnywhere(deps.db, input.organization);
  const now = deps.clock.now();
  const [existing] = await deps.db.select().from(users).where(eq(users.email, email));
  if (!existing) {
    const problem = passwordProblem(input.password);
    if (problem) throw invalid('password', problem);
  }
  const passwordHash = existing ? undefined : await hashPassword(input.password);
  return deps.db.transaction(async (tx) => {
    const userId = existing?.id ?? randomUUID();
    if (!existing) {
      await tx.insert(users).values({
        id: userId,
        email,
        displayName: input.displayName ?? email.split('@')[0] ?? email,
        passwordHash: passwordHash ?? null,
        passwordChangedAt: now,
        createdAt: now,
        updatedAt: now,
      });
    }
    const [current] = await tx
      .select()
      .from(memberships)
      .where(
        and(
          eq(memberships.networkId, org.networkId),
          eq(memberships.userId, userId),
          eq(memberships.organizationId, org.id),
        ),
      );
    const membershipId = current?.id ?? randomUUID();
    if (current) {
      await tx
        .update(memberships)
        .set({ roles: [...new Set([...current.roles, role])], status: 'active', updatedAt: now })
        .where(and(eq(memberships.networkId, org.networkId), eq(memberships.id, current.id)));
    } else {
      await tx.insert(memberships).values({
        networkId: org.networkId,
        id: membershipId,
        userId,
        organizationId: org.id,
        roles: [role],
        createdAt: now,
        updatedAt: now,
      });
    }
    await appendAuditEvent(tx, actor, now, {
      action: 'member.create',
      networkId: org.networkId,
      userId,
      entityType: 'membership',
      entityId: membershipId,
      details: { organizationId: org.id, role, newUser: !existing },
    });
    return { userId, membershipId, created: !existing };
  });
}
