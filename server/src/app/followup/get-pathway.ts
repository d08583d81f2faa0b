/** One pathway the active organization may see; any other id is "Pathway not found". */
import type { PathwayView } from '../../domain/followup/views.ts';
import { notFound } from '../../lib/errors.ts';
import { isUuid } from '../../lib/uuid.ts';
import { requireMember } from '../authorize.ts';
import type { Actor, Deps } from '../context.ts';
import { pathwayViews, visiblePathways } from './pathway-view.ts';

export async function getPathway(deps: Deps, actor: Actor, id: string): Promise<PathwayView> {
  const member = requireMember(actor);
  const [row] = isUuid(id) ? await visiblePathways(deps.db, member, id) : [];
  if (!row) throw notFound('Pathway');
  const [view] = await pathwayViews(deps.db, [row]);
  if (!view) throw notFound('Pathway');
  return view;
}
