/** Lists the organizations of the actor's network (all networks for the CLI operator), optionally filtered by kind and a name search. */
import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import { organizations } from '../../db/schema/index.ts';
import type { OrganizationKind } from '../../domain/identity/vocabulary.ts';
import { authorize } from '../authorize.ts';
import type { Actor, Deps } from '../context.ts';
import { organizationView, type OrganizationView } from './schemas.ts';

export interface ListOrganizationsInput {
  kind?: OrganizationKind | undefined;
  q?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export async function listOrganizations(
  deps: Deps,
  actor: Actor,
  input: ListOrganizationsInput = {},
): Promise<{ items: OrganizationView[]; total: number }> {
  await authorize(deps, actor, 'organization.read', { what: 'Organization' });
  // The operator (CLI) sees every network's organizations; a member sees its own network's.
  const filters: SQL[] = actor.kind === 'member' ? [eq(organizations.networkId, actor.networkId)] : [];
  if (input.kind) filters.push(eq(organizations.kind, input.kind));
  if (input.q) {
    const like = `%${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    filters.push(or(ilike(organizations.name, like), ilike(organizations.slug, like)) as SQL);
  }
  const where = and(...filters);
  const [rows, [total]] = await Promise.all([
    deps.db
      .select()
      .from(organizations)
      .where(where)
      .orderBy(asc(organizations.name))
      .limit(input.limit ?? 500)
      .offset(input.offset ?? 0),
    deps.db.select({ n: count() }).from(organizations).where(where),
  ]);
  return { items: rows.map(organizationView), total: total?.n ?? 0 };
}
