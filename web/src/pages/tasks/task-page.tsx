/**
 * One follow-up task (`/tasks/:id`): what it is and for whom, when it is due, who has it (with "Take it" and
 * "Hand to a colleague", `assign-task-controls.tsx`), the links to its transition and referral; then, while
 * it is open, the form that completes it with what its step records, the snooze form, and the contact
 * attempts (log one, see all). When someone else changed the task first (412) the page says so: it has
 * already been reloaded.
 */
import { Alert, Anchor, Group, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/api-error.ts';
import { useTaskQuery, type TaskView } from '../../api/followup.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { SectionCard } from '../../components/section-card.tsx';
import { FactsTable } from '../transitions/facts-table.tsx';
import { AssignTaskControls } from './assign-task-controls.tsx';
import { ContactAttemptsSection } from './contact-attempts-section.tsx';
import { CompleteTaskSection } from './complete-task-section.tsx';
import { useFollowupAccess, useFollowupLabels } from './followup-labels.ts';
import { SnoozeTaskSection } from './snooze-task-section.tsx';
import { Assignee, DueTimes, TaskStateBadge } from './task-bits.tsx';

export function TaskPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const access = useFollowupAccess();
  const task = useTaskQuery(id);
  if (task.isPending) return <Loader aria-label={t('common.loading')} />;
  if (task.isError) {
    const notFound = isApiError(task.error) && task.error.status === 404;
    return (
      <Stack>
        <Anchor component={Link} to="/tasks" size="sm">
          {t('followup.task.back')}
        </Anchor>
        <PageTitle>{notFound ? t('followup.task.notFound') : t('followup.tasks.title')}</PageTitle>
        {notFound ? (
          <Alert color="yellow" variant="light" role="alert">
            {t('errors.notFound')}
          </Alert>
        ) : (
          <ErrorAlert error={task.error} />
        )}
      </Stack>
    );
  }
  const view = task.data;
  const open = view.status === 'open';
  return (
    <Stack>
      <Anchor component={Link} to="/tasks" size="sm">
        {t('followup.task.back')}
      </Anchor>
      <PageTitle actions={<TaskStateBadge task={view} size="lg" />}>{view.title}</PageTitle>
      <TaskDetails task={view} />
      {open && access.canWork ? (
        <>
          {/* Keyed by version: after a change (or a reload) the forms start from the task as it now is. */}
          <CompleteTaskSection key={`complete-${view.version}`} task={view} />
          <SnoozeTaskSection key={`snooze-${view.version}`} task={view} />
        </>
      ) : null}
      <ContactAttemptsSection task={view} canLog={open && access.canWork} />
    </Stack>
  );
}

function TaskDetails({ task }: { task: TaskView }) {
  const { t } = useTranslation();
  const labels = useFollowupLabels();
  return (
    <SectionCard title={t('followup.task.details')}>
      <Stack>
        <FactsTable
          label={t('followup.task.details')}
          rows={[
            [t('followup.fields.patient'), labels.patient(task.patient.name)],
            [
              t('followup.fields.pathway'),
              <Anchor key="pathway" component={Link} to={`/pathways/${encodeURIComponent(task.pathway.id)}`}>
                {t('followup.task.pathwayVersion', {
                  name: task.pathway.name,
                  version: task.pathway.version,
                })}
              </Anchor>,
            ],
            [t('followup.fields.owner'), capitalized(labels.owner(task))],
            [t('followup.fields.records'), labels.records(task.records)],
            [t('followup.fields.due'), <DueTimes key="due" task={task} />],
            [
              t('followup.fields.snoozed'),
              task.snoozedUntil
                ? t('followup.task.snoozedUntil', {
                    at: labels.dateTime(task.snoozedUntil),
                    reason: task.snoozeReason ?? '—',
                  })
                : '—',
            ],
            [t('followup.fields.assignee'), <Assignee key="assignee" task={task} />],
            [t('followup.fields.outcome'), task.outcome ? <Outcome key="outcome" task={task} /> : '—'],
            [
              t('followup.fields.links'),
              <Group key="links" gap="md">
                {task.side === 'hospital' ? (
                  <Anchor component={Link} to={`/transitions/${encodeURIComponent(task.transitionId)}`}>
                    {t('followup.task.openTransition')}
                  </Anchor>
                ) : null}
                {task.referralId ? (
                  <Anchor component={Link} to={`/referrals/${encodeURIComponent(task.referralId)}`}>
                    {t('followup.task.openReferral')}
                  </Anchor>
                ) : null}
              </Group>,
            ],
          ]}
        />
        <AssignTaskControls task={task} />
      </Stack>
    </SectionCard>
  );
}

const capitalized = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

function Outcome({ task }: { task: TaskView }) {
  const labels = useFollowupLabels();
  if (!task.outcome) return null;
  return (
    <Stack gap={2}>
      <Text size="sm" fw={500} data-testid="task-outcome">
        {labels.outcome(task.outcome)}
      </Text>
      {task.outcome.note ? <Text size="sm">{task.outcome.note}</Text> : null}
    </Stack>
  );
}
