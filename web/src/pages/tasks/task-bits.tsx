/**
 * Small parts of the tasks area: a task's state badge (overdue red, due today orange, snoozed grey,
 * upcoming blue), its assignee ("Unassigned (peer recovery specialist)"), when it is due in words and as a
 * date, the one-click outcomes of its step, and the notice shown when someone else changed it first.
 */
import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CompleteTaskInput, TaskView } from '../../api/followup.ts';
import { outcomeChoices, STATE_COLORS, useFollowupLabels } from './followup-labels.ts';

/** Badges show their whole words: a table cell grows to fit them rather than cutting them short. */
export const FULL_BADGE = {
  root: { maxWidth: 'none', overflow: 'visible', flexShrink: 0 },
  label: { overflow: 'visible', textOverflow: 'clip' },
} as const;

export function TaskStateBadge({ task, size = 'md' }: { task: TaskView; size?: 'sm' | 'md' | 'lg' }) {
  const labels = useFollowupLabels();
  return (
    <Badge
      color={STATE_COLORS[task.state]}
      variant={task.state === 'overdue' ? 'filled' : 'light'}
      size={size}
      tt="none"
      data-testid="task-state"
      data-state={task.state}
      styles={FULL_BADGE}
    >
      {labels.state(task.state)}
    </Badge>
  );
}

export function Assignee({ task }: { task: TaskView }) {
  const { t } = useTranslation();
  const labels = useFollowupLabels();
  return (
    <Text size="sm" data-testid="task-assignee">
      {task.assignee
        ? task.assignee.name
        : t('followup.tasks.unassigned', { role: labels.role(task.role).toLocaleLowerCase() })}
    </Text>
  );
}

/** "in 7 days" over "Mar 12, 2027, 10:00 AM", then the deadline the same way. */
export function DueTimes({ task }: { task: TaskView }) {
  const { t } = useTranslation();
  const labels = useFollowupLabels();
  return (
    <Stack gap={2}>
      <Text size="sm">
        {labels.relative(task.dueAt)}
        <Text span size="xs" c="dimmed">
          {' · '}
          {labels.dateTime(task.dueAt)}
        </Text>
      </Text>
      <Text size="xs">
        {t('followup.tasks.deadline', {
          relative: labels.relative(task.deadlineAt),
          at: labels.dateTime(task.deadlineAt),
        })}
      </Text>
    </Stack>
  );
}

/** The outcomes of the task's step, one button each ("Reached", "No answer"…; "Still on MOUD"…). */
export function OutcomeButtons({
  task,
  onComplete,
  pending,
  disabled,
  size = 'xs',
}: {
  task: TaskView;
  onComplete: (input: CompleteTaskInput) => void;
  /** The key of the outcome being sent, if any. */
  pending?: string | undefined;
  disabled?: boolean;
  size?: 'xs' | 'sm';
}) {
  const { t } = useTranslation();
  const labels = useFollowupLabels();
  return (
    <Group
      gap={6}
      role="group"
      aria-label={t('followup.tasks.outcomeGroup', {
        title: task.title,
        patient: labels.patient(task.patient.name),
      })}
    >
      {outcomeChoices(task.records).map((choice) => (
        <Button
          key={choice.key}
          size={size}
          variant="light"
          loading={pending === choice.key}
          disabled={disabled}
          onClick={() => onComplete(choice.input)}
        >
          {labels.outcome(choice.outcome)}
        </Button>
      ))}
    </Group>
  );
}

/** Someone else changed the task first: it has been reloaded, and the user acts again on what it is now. */
export function StaleNotice({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="yellow"
      variant="light"
      role="alert"
      title={t('followup.stale.title')}
      data-testid="stale"
      withCloseButton
      onClose={onClose}
      closeButtonLabel={t('common.close')}
    >
      {t('followup.stale.body')}
    </Alert>
  );
}
