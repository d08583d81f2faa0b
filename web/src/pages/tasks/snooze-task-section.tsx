/**
 * Snoozing a task until a date and time (in the browser's time zone), with a reason the team sees. A
 * snooze defers work inside the task's window; it never hides a missed deadline.
 */
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../api/api-error.ts';
import type { TaskView } from '../../api/followup.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { SectionCard } from '../../components/section-card.tsx';
import { DateTimeField } from '../transitions/datetime-field.tsx';
import { fromLocalInput, toLocalInput } from '../transitions/transition-labels.ts';
import { StaleNotice } from './task-bits.tsx';
import { isStale, useTaskAction } from './use-task-action.ts';

const MAX_REASON = 500;

export function SnoozeTaskSection({ task }: { task: TaskView }) {
  const { t } = useTranslation();
  const snooze = useTaskAction();
  const [until, setUntil] = useState(toLocalInput(new Date(Date.now() + 24 * 3_600_000)));
  const [reason, setReason] = useState('');
  const at = fromLocalInput(until);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!at || !reason.trim() || snooze.isPending) return;
    snooze.reset();
    snooze.mutate({ kind: 'snooze', task, input: { until: at, reason: reason.trim() } });
  };
  const stale = isStale(snooze.error);

  return (
    <SectionCard title={t('followup.task.snooze.heading')}>
      <form onSubmit={submit} noValidate aria-label={t('followup.task.snooze.heading')}>
        <Stack>
          <Text size="sm">{t('followup.task.snooze.intro')}</Text>
          <DateTimeField
            label={t('followup.task.snooze.until')}
            required
            withNow={false}
            value={until}
            onChange={setUntil}
            error={fieldError(snooze.error, 'until')}
          />
          <TextInput
            label={t('followup.task.snooze.reason')}
            required
            maxLength={MAX_REASON}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={fieldError(snooze.error, 'reason')}
          />
          {stale ? <StaleNotice onClose={() => snooze.reset()} /> : <ErrorAlert error={snooze.error} />}
          <Group justify="flex-end">
            <Button
              type="submit"
              variant="default"
              disabled={!at || !reason.trim()}
              loading={snooze.isPending}
            >
              {t('followup.task.snooze.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </SectionCard>
  );
}
