/**
 * Changes to a transition, saved with `If-Match` (the version the user saw): record the discharge (time and
 * where the patient went), close the transition without a link, or reopen it. When someone else changed it
 * in the meantime (412), the page says so and offers to reload.
 */
import { Alert, Button, Group, NativeSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError, isApiError } from '../../api/api-error.ts';
import {
  DISPOSITIONS,
  transitionKeys,
  updateTransition,
  type Disposition,
  type TransitionView,
  type UpdateTransitionInput,
} from '../../api/transitions.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { SectionCard } from '../../components/section-card.tsx';
import { DateTimeField } from './datetime-field.tsx';
import { fromLocalInput, toLocalInput, useTransitionLabels } from './transition-labels.ts';

/** The PATCH of one transition, and what a stale version looks like. */
export function useUpdateTransition(transition: TransitionView) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const update = useMutation({
    mutationFn: (input: UpdateTransitionInput) => updateTransition(transition.id, transition.version, input),
    onSuccess: async (view) => {
      client.setQueryData(transitionKeys.one(view.id), view);
      await client.invalidateQueries({ queryKey: transitionKeys.all });
      notifySuccess(t('transitions.update.saved'));
    },
  });
  const stale = isApiError(update.error) && update.error.status === 412;
  const reload = async () => {
    update.reset();
    await client.invalidateQueries({ queryKey: transitionKeys.one(transition.id) });
  };
  return { update, stale, reload };
}

export function StaleAlert({ onReload }: { onReload: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="yellow"
      variant="light"
      role="alert"
      title={t('transitions.stale.title')}
      data-testid="stale"
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('transitions.stale.body')}</Text>
        <Button size="xs" variant="default" onClick={onReload}>
          {t('transitions.stale.reload')}
        </Button>
      </Stack>
    </Alert>
  );
}

export function TransitionUpdateSection({ transition }: { transition: TransitionView }) {
  const { t } = useTranslation();
  const labels = useTransitionLabels();
  const { update, stale, reload } = useUpdateTransition(transition);
  const [dischargedAt, setDischargedAt] = useState(toLocalInput(transition.dischargedAt));
  const [disposition, setDisposition] = useState<Disposition | ''>(transition.disposition ?? '');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ dischargedAt: fromLocalInput(dischargedAt), disposition: disposition || null });
  };
  const closed = transition.status === 'closed';

  return (
    <SectionCard title={t('transitions.update.heading')}>
      <Stack>
        {stale ? <StaleAlert onReload={() => void reload()} /> : null}
        <form onSubmit={submit} noValidate aria-label={t('transitions.update.discharge')}>
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <DateTimeField
                label={t('transitions.fields.dischargedAt')}
                value={dischargedAt}
                onChange={setDischargedAt}
                error={fieldError(update.error, 'dischargedAt')}
              />
              <NativeSelect
                label={t('transitions.fields.disposition')}
                value={disposition}
                onChange={(e) => setDisposition(e.currentTarget.value as Disposition | '')}
                data={[
                  { value: '', label: t('transitions.form.notYet') },
                  ...DISPOSITIONS.map((v) => ({ value: v, label: labels.disposition(v) })),
                ]}
              />
            </SimpleGrid>
            <Group>
              <Button type="submit" loading={update.isPending}>
                {t('transitions.update.saveDischarge')}
              </Button>
              {transition.status === 'linked' ? null : (
                <Button
                  variant="default"
                  color={closed ? undefined : 'red'}
                  disabled={update.isPending}
                  onClick={() => update.mutate({ status: closed ? 'open' : 'closed' })}
                >
                  {closed ? t('transitions.update.reopen') : t('transitions.update.close')}
                </Button>
              )}
            </Group>
          </Stack>
        </form>
        {stale ? null : <ErrorAlert error={update.error} />}
      </Stack>
    </SectionCard>
  );
}
