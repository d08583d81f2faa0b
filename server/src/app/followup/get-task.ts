/** Reads one task for either side of its transition (the partner only through the consent decision point). */
import type { TaskView } from '../../domain/followup/views.ts';
import { shownName } from '../consent/shows-name.ts';
import type { Actor, Deps } from '../context.ts';
import { openTask, type OpenedTask } from './open-task.ts';
import { taskViews } from './task-view.ts';

export async function viewOfOpened(deps: Deps, opened: OpenedTask, task = opened.task): Promise<TaskView> {
  const names = new Map([[task.patientId, await shownName(deps.db, opened)]]);
  const [view] = await taskViews(deps.db, [task], {
    names,
    now: deps.clock.now(),
    timeZone: opened.timezone,
  });
  if (!view) throw new Error('task view missing');
  return view;
}

export async function getTask(deps: Deps, actor: Actor, id: string): Promise<TaskView> {
  return viewOfOpened(deps, await openTask(deps, actor, id, 'read'));
}
