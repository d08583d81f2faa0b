/** Shared goals of the partnership: a measure (share of referrals) and its target percentage. */
import { Button, NativeSelect, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../api/api-error.ts';
import {
  addGoal,
  GOAL_METRICS,
  type Goal,
  type GoalInput,
  type GoalMetric,
  type Partnership,
} from '../../api/partnerships.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ListTable } from '../../components/list-table.tsx';
import { SectionCard } from '../../components/section-card.tsx';
import { orNull, usePartnershipLabels } from './partnership-labels.ts';
import { useWorkspaceWrite } from './use-workspace.ts';

export function GoalsTab({ partnership: p, canManage }: { partnership: Partnership; canManage: boolean }) {
  const { t } = useTranslation();
  const labels = usePartnershipLabels();
  return (
    <Stack>
      <ListTable<Goal>
        label={t('partnerships.goals.label')}
        records={p.goals}
        idAccessor="id"
        emptyText={t('partnerships.goals.none')}
        columns={[
          {
            accessor: 'metric',
            title: t('partnerships.goals.metric'),
            render: (g) => labels.goalMetric(g.metric),
          },
          {
            accessor: 'target',
            title: t('partnerships.goals.target'),
            textAlign: 'right',
            render: (g) => t('partnerships.goals.targetValue', { target: labels.number(g.target) }),
          },
          {
            accessor: 'description',
            title: t('partnerships.goals.description'),
            render: (g) => g.description ?? '—',
          },
        ]}
      />
      {canManage ? <GoalForm partnership={p} /> : null}
    </Stack>
  );
}

function GoalForm({ partnership: p }: { partnership: Partnership }) {
  const { t } = useTranslation();
  const labels = usePartnershipLabels();
  const [metric, setMetric] = useState<GoalMetric>('intake_within_72h');
  const [target, setTarget] = useState<number | string>('');
  const [description, setDescription] = useState('');
  const add = useWorkspaceWrite(
    p.id,
    (input: GoalInput) => addGoal(p.id, input),
    t('partnerships.goals.added'),
    () => {
      setTarget('');
      setDescription('');
    },
  );
  const value = typeof target === 'number' ? target : target === '' ? NaN : Number(target);
  const valid = Number.isFinite(value) && value >= 0 && value <= 100;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (valid) add.mutate({ metric, target: value, description: orNull(description) });
  };
  return (
    <SectionCard title={t('partnerships.goals.add')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('partnerships.goals.metric')}
              value={metric}
              onChange={(e) => setMetric(e.currentTarget.value as GoalMetric)}
              data={GOAL_METRICS.map((m) => ({ value: m, label: labels.goalMetric(m) }))}
            />
            <NumberInput
              label={t('partnerships.goals.target')}
              required
              min={0}
              max={100}
              suffix="%"
              value={target}
              onChange={setTarget}
              error={fieldError(add.error, 'target')}
            />
          </SimpleGrid>
          <TextInput
            label={t('partnerships.goals.descriptionOptional')}
            maxLength={500}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
          />
          <ErrorAlert error={add.error} />
          <div>
            <Button type="submit" loading={add.isPending} disabled={!valid}>
              {t('partnerships.goals.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </SectionCard>
  );
}
