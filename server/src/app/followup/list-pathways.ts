/** The pathways the active organization may see (its own and its partnerships'), by name. */
import type { PathwayView } from '../../domain/followup/views.ts';
import { requireMember } from '../authorize.ts';
import type { Actor, Deps } from '../context.ts';
import { pathwayViews, visiblePathways } from './pathway-view.ts';

export async function listPathways(deps: Deps, actor: Actor): Promise<PathwayView[]> {
  const member = requireMember(actor);
  return pathwayViews(deps.db, await visiblePathways(deps.db, member));
}
