/**
 * A task's contact attempts: the log (when, how, how it went, by whom, note) and, while the task is open,
 * the form to add one — phones change and patients move, so a task may take several tries by phone, text
 * or in person before it is done. An attempt only adds to the log: it carries no `If-Match`.
 */
import { Button, Group, NativeSelect, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../api/api-error.ts';
import {
  CONTACT_METHODS,
  CONTACT_RESULTS,
  type ContactAttemptView,
  type ContactMethod,
  type ContactResult,
  type TaskView,
} from '../../api/followup.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ListTable } from '../../components/list-table.tsx';
import { SectionCard } from '../../components/section-card.tsx';
import { DateTimeField } from '../transitions/datetime-field.tsx';
import { fromLocalInput } from '../transitions/transition-labels.ts';
import { useFollowupLabels } from './followup-labels.ts';
import { useTaskAction } from './use-task-action.ts';

const MAX_NOTE = 2000;

export function ContactAttemptsSection({ task, canLog }: { task: TaskView; canLog: boolean }) {
  const { t } = useTranslation();
  const labels = useFollowupLabels();
  const attempts = [...task.attempts].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <SectionCard title={t('followup.task.attempts.heading')}>
      <Stack>
        {canLog ? <AttemptForm task={task} /> : null}
        <ListTable<ContactAttemptView>
          label={t('followup.task.attempts.table')}
          records={attempts}
          idAccessor="id"
          emptyText={t('followup.task.attempts.none')}
          columns={[
            { accessor: 'at', title: t('followup.task.attempts.at'), render: (a) => labels.dateTime(a.at) },
            {
              accessor: 'method',
              title: t('followup.task.attempts.method'),
              render: (a) => labels.contactMethod(a.method),
            },
            {
              accessor: 'result',
              title: t('followup.task.attempts.result'),
              render: (a) => labels.contactResult(a.result),
            },
            { accessor: 'by.name', title: t('followup.task.attempts.by') },
            { accessor: 'note', title: t('followup.task.attempts.note'), render: (a) => a.note ?? '—' },
          ]}
        />
      </Stack>
    </SectionCard>
  );
}

function AttemptForm({ task }: { task: TaskView }) {
  const { t } = useTranslation();
  const labels = useFollowupLabels();
  const [method, setMethod] = useState<ContactMethod>('phone');
  const [result, setResult] = useState<ContactResult>('no_answer');
  const [at, setAt] = useState('');
  const [note, setNote] = useState('');
  const log = useTaskAction(() => {
    setAt('');
    setNote('');
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (log.isPending) return;
    const when = fromLocalInput(at);
    const trimmed = note.trim();
    log.reset();
    log.mutate({
      kind: 'attempt',
      task,
      input: { method, result, ...(when ? { at: when } : {}), ...(trimmed ? { note: trimmed } : {}) },
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('followup.task.attempts.form')}>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label={t('followup.task.attempts.method')}
            value={method}
            onChange={(e) => setMethod(e.currentTarget.value as ContactMethod)}
            error={fieldError(log.error, 'method')}
            data={CONTACT_METHODS.map((m) => ({ value: m, label: labels.contactMethod(m) }))}
          />
          <NativeSelect
            label={t('followup.task.attempts.result')}
            value={result}
            onChange={(e) => setResult(e.currentTarget.value as ContactResult)}
            error={fieldError(log.error, 'result')}
            data={CONTACT_RESULTS.map((r) => ({ value: r, label: labels.contactResult(r) }))}
          />
          <DateTimeField
            label={t('followup.task.attempts.atOptional')}
            description={t('followup.task.attempts.atHint')}
            value={at}
            onChange={setAt}
            error={fieldError(log.error, 'at')}
          />
        </SimpleGrid>
        <Textarea
          label={t('followup.task.note')}
          autosize
          minRows={2}
          maxLength={MAX_NOTE}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={fieldError(log.error, 'note')}
        />
        <ErrorAlert error={log.error} />
        <Group justify="flex-end">
          <Button type="submit" variant="default" loading={log.isPending}>
            {t('followup.task.attempts.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
