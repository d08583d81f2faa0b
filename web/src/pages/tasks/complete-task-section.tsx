/**
 * Completing a task with what its step records — how the contact went, whether the visit was attended,
 * whether the patient is still on MOUD — and an optional note. Sent with the version the user saw.
 */
import { Button, Group, Radio, Stack, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../api/api-error.ts';
import type { TaskView } from '../../api/followup.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { SectionCard } from '../../components/section-card.tsx';
import { outcomeChoices, useFollowupLabels } from './followup-labels.ts';
import { StaleNotice } from './task-bits.tsx';
import { isStale, useTaskAction } from './use-task-action.ts';

const MAX_NOTE = 2000;

export function CompleteTaskSection({ task }: { task: TaskView }) {
  const { t } = useTranslation();
  const labels = useFollowupLabels();
  const complete = useTaskAction();
  const choices = outcomeChoices(task.records);
  const [choice, setChoice] = useState('');
  const [note, setNote] = useState('');
  const chosen = choices.find((c) => c.key === choice);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen || complete.isPending) return;
    const trimmed = note.trim();
    complete.reset();
    complete.mutate({
      kind: 'complete',
      task,
      input: trimmed ? { ...chosen.input, note: trimmed } : chosen.input,
    });
  };
  const stale = isStale(complete.error);

  return (
    <SectionCard title={t('followup.task.complete.heading')}>
      <form onSubmit={submit} noValidate aria-label={t('followup.task.complete.heading')}>
        <Stack>
          <Radio.Group
            label={t(`followup.task.complete.question.${task.records}`)}
            value={choice}
            onChange={setChoice}
            required
            error={
              fieldError(complete.error, 'result') ??
              fieldError(complete.error, 'attended') ??
              fieldError(complete.error, 'onMoud')
            }
          >
            <Group mt="xs">
              {choices.map((c) => (
                <Radio key={c.key} value={c.key} label={labels.outcome(c.outcome)} />
              ))}
            </Group>
          </Radio.Group>
          <Textarea
            label={t('followup.task.note')}
            autosize
            minRows={2}
            maxLength={MAX_NOTE}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={fieldError(complete.error, 'note')}
          />
          {stale ? <StaleNotice onClose={() => complete.reset()} /> : <ErrorAlert error={complete.error} />}
          <Group justify="flex-end">
            <Button type="submit" disabled={!chosen} loading={complete.isPending}>
              {t('followup.task.complete.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </SectionCard>
  );
}
