/**
 * The follow-up worklist (`/tasks`): mine, my team's (the unassigned role queue included), overdue, due
 * today. Each row shows the patient, the task, when it is due (in words and as a date), its state and who has
 * it; the open rows carry their step's one-click outcomes and "Take it" when nobody has. The filter and
 * page live in the address.
 */
import { Anchor, Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useTaskList, WORKLIST_FILTERS, type TaskView, type WorklistFilter } from '../../api/followup.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ListTable } from '../../components/list-table.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { useFollowupAccess, useFollowupLabels } from './followup-labels.ts';
import { Assignee, DueTimes, OutcomeButtons, StaleNotice, TaskStateBadge } from './task-bits.tsx';
import { isStale, useTaskAction, type TaskAction } from './use-task-action.ts';

const PAGE_SIZE = 25;

const pickFilter = (value: string | null): WorklistFilter =>
  WORKLIST_FILTERS.includes(value as WorklistFilter) ? (value as WorklistFilter) : 'mine';

export function TaskWorklistPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter = pickFilter(params.get('filter'));
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useTaskList({ filter, page, pageSize: PAGE_SIZE });
  const action = useTaskAction();
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next);
  };
  const total = list.data?.total ?? 0;

  return (
    <Stack>
      <PageTitle>{t('followup.tasks.title')}</PageTitle>
      <Text size="sm">{t('followup.tasks.intro')}</Text>
      <SegmentedControl
        aria-label={t('followup.tasks.filter')}
        value={filter}
        onChange={(value) => set('filter', value === 'mine' ? undefined : value)}
        data={WORKLIST_FILTERS.map((f) => ({ value: f, label: t(`followup.tasks.filters.${f}`) }))}
        style={{ alignSelf: 'flex-start' }}
      />
      {isStale(action.error) ? <StaleNotice onClose={() => action.reset()} /> : null}
      <ErrorAlert error={list.error} />
      {isStale(action.error) ? null : <ErrorAlert error={action.error} />}
      <Stack
        gap="xs"
        data-testid="task-list"
        data-state={list.isFetching ? 'loading' : list.isSuccess ? 'loaded' : 'idle'}
      >
        <TaskTable
          rows={list.data?.items}
          fetching={list.isFetching}
          filter={filter}
          act={(a) => {
            action.reset();
            action.mutate(a);
          }}
          acting={action.isPending ? action.variables : undefined}
        />
        <Group justify="space-between">
          <Text size="sm" aria-live="polite">
            {t('followup.tasks.total', { count: total })}
          </Text>
          <Group gap="xs">
            <Button variant="default" disabled={page <= 1} onClick={() => set('page', String(page - 1))}>
              {t('followup.tasks.previous')}
            </Button>
            <Button
              variant="default"
              disabled={page * PAGE_SIZE >= total}
              onClick={() => set('page', String(page + 1))}
            >
              {t('followup.tasks.next')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Stack>
  );
}

function TaskTable({
  rows,
  fetching,
  filter,
  act,
  acting,
}: {
  rows: TaskView[] | undefined;
  fetching: boolean;
  filter: WorklistFilter;
  act: (action: TaskAction) => void;
  acting: TaskAction | undefined;
}) {
  const { t } = useTranslation();
  const labels = useFollowupLabels();
  const access = useFollowupAccess();
  const pendingKey = (task: TaskView) => {
    if (acting?.task.id !== task.id || acting.kind !== 'complete') return undefined;
    const input = acting.input;
    if ('result' in input) return input.result;
    if ('attended' in input) return String(input.attended);
    return String(input.onMoud);
  };
  return (
    <ListTable<TaskView>
      label={t('followup.tasks.table')}
      records={rows}
      fetching={fetching}
      idAccessor="id"
      emptyText={t(`followup.tasks.none.${filter}`)}
      columns={[
        {
          accessor: 'patient.name',
          title: t('followup.fields.patient'),
          render: (task) => labels.patient(task.patient.name),
        },
        {
          accessor: 'title',
          title: t('followup.fields.task'),
          render: (task) => (
            <Anchor component={Link} to={`/tasks/${encodeURIComponent(task.id)}`}>
              {task.title}
            </Anchor>
          ),
        },
        {
          accessor: 'dueAt',
          title: t('followup.fields.due'),
          render: (task) => <DueTimes task={task} />,
        },
        {
          accessor: 'state',
          noWrap: true,
          title: t('followup.fields.state'),
          render: (task) => <TaskStateBadge task={task} size="sm" />,
        },
        {
          accessor: 'assignee',
          title: t('followup.fields.assignee'),
          render: (task) => <Assignee task={task} />,
        },
        ...(access.canWork
          ? [
              {
                accessor: 'actions',
                title: t('common.actions'),
                render: (task: TaskView) =>
                  task.status === 'open' ? (
                    <Stack gap={6} align="flex-start">
                      <OutcomeButtons
                        task={task}
                        pending={pendingKey(task)}
                        disabled={acting?.task.id === task.id}
                        onComplete={(input) => act({ kind: 'complete', task, input })}
                      />
                      {task.assignee ? null : (
                        <Button
                          size="xs"
                          variant="default"
                          loading={acting?.task.id === task.id && acting.kind === 'take'}
                          disabled={acting?.task.id === task.id}
                          onClick={() => act({ kind: 'take', task })}
                          aria-label={t('followup.tasks.takeFor', {
                            title: task.title,
                            patient: labels.patient(task.patient.name),
                          })}
                        >
                          {t('followup.tasks.take')}
                        </Button>
                      )}
                    </Stack>
                  ) : null,
              },
            ]
          : []),
      ]}
    />
  );
}
