/**
 * Working a task: take it, hand it to a colleague, complete it, snooze it, log a contact attempt — one
 * mutation for all five, sent with the version the user saw (`If-Match`; attempts only add to the log and
 * carry none). On success the task and every worklist showing it are refreshed; when someone else changed
 * the task first (412) or it is no longer open (409), the task and the lists are reloaded at once and the
 * caller shows why.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error.ts';
import {
  assignTask,
  completeTask,
  logContactAttempt,
  snoozeTask,
  taskKeys,
  type CompleteTaskInput,
  type ContactAttemptInput,
  type SnoozeTaskInput,
  type TaskAssignee,
  type TaskView,
} from '../../api/followup.ts';
import { notifySuccess } from '../../components/notify.ts';

export type TaskAction =
  | { kind: 'take'; task: TaskView }
  | { kind: 'hand'; task: TaskView; to: TaskAssignee }
  | { kind: 'complete'; task: TaskView; input: CompleteTaskInput }
  | { kind: 'snooze'; task: TaskView; input: SnoozeTaskInput }
  | { kind: 'attempt'; task: TaskView; input: ContactAttemptInput };

function send(action: TaskAction): Promise<TaskView> {
  const { task } = action;
  switch (action.kind) {
    case 'take':
      return assignTask(task.id, task.version, {});
    case 'hand':
      return assignTask(task.id, task.version, { membershipId: action.to.membershipId });
    case 'complete':
      return completeTask(task.id, task.version, action.input);
    case 'snooze':
      return snoozeTask(task.id, task.version, action.input);
    case 'attempt':
      return logContactAttempt(task.id, action.input);
  }
}

/** True when the answer means "the task changed under you": it has been reloaded. */
export const isStale = (error: unknown) =>
  isApiError(error) && (error.status === 412 || error.status === 409);

export function useTaskAction(onDone?: (view: TaskView, action: TaskAction) => void) {
  const { t } = useTranslation();
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onError: async (error, action) => {
      if (!isStale(error)) return;
      await Promise.all([
        client.invalidateQueries({ queryKey: taskKeys.one(action.task.id) }),
        client.invalidateQueries({ queryKey: taskKeys.lists }),
      ]);
    },
    onSuccess: async (view, action) => {
      client.setQueryData(taskKeys.one(view.id), view);
      notifySuccess(
        t(`followup.task.saved.${action.kind}`, { title: view.title, name: view.assignee?.name ?? '' }),
      );
      onDone?.(view, action);
      await client.invalidateQueries({ queryKey: taskKeys.lists });
    },
  });
}
