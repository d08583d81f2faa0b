/**
 * Who holds an open task, changed from its page: "Take it" (or "Take it over") and "Hand to a colleague" —
 * a picker of the colleagues the task may go to (`GET /tasks/{id}/assignees`: the owning organization's
 * members with the step's role, and its program managers) and a button. The picker shows only to the side
 * that owns the task (the other side is refused the list, 403), and "Take it" only to someone the list
 * names (or while it is not known). Both send the version the user saw: when someone else changed the task
 * first the page says so (it has been reloaded); a colleague who may no longer hold it is named, and the
 * list is asked for again.
 */
import { Alert, Button, Group, NativeSelect, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError, isApiError } from '../../api/api-error.ts';
import { taskKeys, useTaskAssignees, type TaskAssignee, type TaskView } from '../../api/followup.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useFollowupAccess, useFollowupLabels } from './followup-labels.ts';
import { StaleNotice } from './task-bits.tsx';
import { isStale, useTaskAction, type TaskAction } from './use-task-action.ts';

export function AssignTaskControls({ task }: { task: TaskView }) {
  const { t } = useTranslation();
  const labels = useFollowupLabels();
  const access = useFollowupAccess();
  const client = useQueryClient();
  const workable = task.status === 'open' && access.canWork;
  const assignees = useTaskAssignees(task.id, workable);
  const assign = useTaskAction();

  const send = (action: TaskAction) => {
    assign.reset();
    assign.mutate(action, {
      onError: (error) => {
        if (fieldError(error, 'membershipId'))
          void client.invalidateQueries({ queryKey: taskKeys.assignees(task.id) });
      },
    });
  };

  const mine = task.assignee?.membershipId === access.membershipId;
  const listed = assignees.data;
  const eligible = listed ? listed.some((a) => a.membershipId === access.membershipId) : true;
  const refused = isApiError(assignees.error) && assignees.error.status === 403;
  const colleagues = (listed ?? []).filter(
    (a) => a.membershipId !== access.membershipId && a.membershipId !== task.assignee?.membershipId,
  );
  const role = labels.role(task.role).toLocaleLowerCase();
  const pending = assign.isPending ? assign.variables.kind : undefined;
  const refusedPerson = isApiError(assign.error) && fieldError(assign.error, 'membershipId');

  return (
    <>
      {workable ? (
        <Group align="flex-end" gap="md">
          {!mine && eligible ? (
            <Button
              variant="default"
              loading={pending === 'take'}
              disabled={assign.isPending}
              onClick={() => send({ kind: 'take', task })}
            >
              {task.assignee ? t('followup.task.takeOver') : t('followup.tasks.take')}
            </Button>
          ) : null}
          {listed && !refused ? (
            colleagues.length ? (
              <HandToColleague
                // A fresh choice once the task changed (handed over, or reloaded after a stale answer).
                key={task.version}
                colleagues={colleagues}
                pending={pending === 'hand'}
                disabled={assign.isPending}
                onHand={(to) => send({ kind: 'hand', task, to })}
              />
            ) : (
              <Text size="sm" c="dimmed" data-testid="no-colleague">
                {t('followup.task.hand.none', { role })}
              </Text>
            )
          ) : null}
        </Group>
      ) : null}
      {workable && !refused ? <ErrorAlert error={assignees.error} /> : null}
      {isStale(assign.error) ? (
        <StaleNotice onClose={() => assign.reset()} />
      ) : refusedPerson ? (
        <Alert color="orange" variant="light" role="alert">
          {assign.variables?.kind === 'hand'
            ? t('followup.task.hand.cannotHand', { name: assign.variables.to.name, role })
            : t('followup.task.cannotTake', { role })}
        </Alert>
      ) : (
        <ErrorAlert error={assign.error} />
      )}
    </>
  );
}

function HandToColleague({
  colleagues,
  pending,
  disabled,
  onHand,
}: {
  colleagues: TaskAssignee[];
  pending: boolean;
  disabled: boolean;
  onHand: (to: TaskAssignee) => void;
}) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState('');
  const chosen = colleagues.find((a) => a.membershipId === choice);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen && !disabled) onHand(chosen);
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('followup.task.hand.label')}>
      <Group align="flex-end" gap="xs">
        <NativeSelect
          label={t('followup.task.hand.label')}
          value={choice}
          onChange={(e) => setChoice(e.currentTarget.value)}
          data={[
            { value: '', label: t('followup.task.hand.choose') },
            ...colleagues.map((a) => ({ value: a.membershipId, label: a.name })),
          ]}
        />
        <Button type="submit" variant="default" disabled={!chosen || disabled} loading={pending}>
          {t('followup.task.hand.submit')}
        </Button>
      </Group>
    </form>
  );
}
