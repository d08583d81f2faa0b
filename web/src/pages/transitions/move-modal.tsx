/**
 * The dialog of one referral move that needs more than a click: a reason (declined, cancelled, failed: the
 * code list of that kind and words), an appointment (book or change: date and time in the browser's time
 * zone, place, notes) or a note (reopen, entered in error; optional for other moves). A move the referral
 * can no longer make (409) lists the moves it can; a stale version (412) says someone else acted.
 */
import { Alert, Button, Group, Modal, NativeSelect, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError, isApiError } from '../../api/api-error.ts';
import { referralKeys, type ReferralStatus, type ReferralStatusInput } from '../../api/transitions.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { DateTimeField } from './datetime-field.tsx';
import { requirementsOf, useMoveLabel, useMoveReferral, type MoveSubject } from './referral-moves.ts';
import {
  fromLocalInput,
  orNull,
  reasonCodesFor,
  toLocalInput,
  useTransitionLabels,
} from './transition-labels.ts';
import { StaleAlert } from './transition-update.tsx';

export function MoveModal({
  subject,
  target,
  context,
  onClose,
}: {
  subject: MoveSubject;
  target: ReferralStatus;
  /** Who the referral is about, shown under the title (the inbox has many). */
  context?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const labels = useTransitionLabels();
  const moveLabel = useMoveLabel();
  const client = useQueryClient();
  const move = useMoveReferral(() => onClose());
  const requires = requirementsOf(subject, target);
  const codes = reasonCodesFor(target);
  const needsReason = codes !== null && requires.some((r) => r.endsWith('_reason'));
  const needsAppointment = requires.includes('appointment');
  const needsNote = requires.includes('note');
  const [code, setCode] = useState(codes?.[0] ?? '');
  const [reasonText, setReasonText] = useState('');
  const [at, setAt] = useState(
    target === 'scheduled' && subject.status === 'scheduled' ? toLocalInput(subject.appointmentAt) : '',
  );
  const [place, setPlace] = useState('');
  const [notes, setNotes] = useState('');
  const [note, setNote] = useState('');

  const error = move.error;
  const stale = isApiError(error) && error.status === 412;
  const illegal = isApiError(error) && error.status === 409 ? error : null;
  const allowed = Array.isArray(illegal?.problem.allowed)
    ? (illegal.problem.allowed as ReferralStatus[])
    : [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: ReferralStatusInput = { status: target, note: orNull(note) };
    if (needsReason) input.reason = { code, text: reasonText.trim() || labels.reason(code) };
    if (needsAppointment) {
      input.appointment = { at: fromLocalInput(at) ?? '', place: orNull(place), notes: orNull(notes) };
    }
    move.mutate({ subject, target, input });
  };
  const reload = async () => {
    await client.invalidateQueries({ queryKey: referralKeys.all });
    onClose();
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={moveLabel(subject.status, target)}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {context ? <Text size="sm">{context}</Text> : null}
          {needsReason && codes ? (
            <>
              <NativeSelect
                label={t('transitions.move.reason')}
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                error={fieldError(error, 'reason.code')}
                data={codes.map((c) => ({ value: c, label: labels.reason(c) }))}
              />
              <Textarea
                label={t('transitions.move.reasonText')}
                description={t('transitions.move.reasonTextHint')}
                autosize
                minRows={2}
                maxLength={1000}
                value={reasonText}
                onChange={(e) => setReasonText(e.currentTarget.value)}
                error={fieldError(error, 'reason.text')}
              />
            </>
          ) : null}
          {needsAppointment ? (
            <>
              <DateTimeField
                label={t('transitions.move.appointmentAt')}
                required
                withNow={false}
                value={at}
                onChange={setAt}
                error={fieldError(error, 'appointment.at') ?? fieldError(error, 'appointment')}
              />
              <TextInput
                label={t('transitions.move.place')}
                maxLength={300}
                value={place}
                onChange={(e) => setPlace(e.currentTarget.value)}
                error={fieldError(error, 'appointment.place')}
              />
              <Textarea
                label={t('transitions.move.appointmentNotes')}
                autosize
                minRows={2}
                maxLength={1000}
                value={notes}
                onChange={(e) => setNotes(e.currentTarget.value)}
                error={fieldError(error, 'appointment.notes')}
              />
            </>
          ) : null}
          <Textarea
            label={needsNote ? t('transitions.move.noteRequired') : t('transitions.move.note')}
            required={needsNote}
            autosize
            minRows={2}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={fieldError(error, 'note')}
          />
          {stale ? <StaleAlert onReload={() => void reload()} /> : null}
          {illegal ? (
            <Alert color="yellow" variant="light" role="alert" title={t('transitions.move.illegalTitle')}>
              {allowed.length
                ? t('transitions.move.illegalAllowed', {
                    moves: allowed.map((s) => labels.referralStatus(s)).join(', '),
                  })
                : t('transitions.move.illegalNone')}
            </Alert>
          ) : null}
          {stale || illegal ? null : <ErrorAlert error={error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              loading={move.isPending}
              disabled={stale || !!illegal || (needsAppointment && !at) || (needsNote && !note.trim())}
            >
              {moveLabel(subject.status, target)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
