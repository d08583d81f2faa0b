/**
 * Revoke a consent (P10): in writing, prospective, for the whole consent or for some recipients only.
 * The dialog records how the written request arrived, when it was received and an optional note;
 * the revocation takes effect on saving.
 */
import {
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  Radio,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../api/api-error.ts';
import {
  revokeConsent,
  WRITTEN_REQUEST_METHODS,
  type ConsentView,
  type WrittenRequestMethod,
} from '../../api/consents.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { notifySuccess } from '../../components/notify.ts';
import {
  orNull,
  revocableRecipients,
  todayIso,
  usePatientLabels,
  useRecipientName,
} from './patient-labels.ts';
import { consentsKey } from './patient-queries.ts';

export function RevokeConsentModal({
  patientId,
  consent,
  onClose,
}: {
  patientId: string;
  consent: ConsentView;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const labels = usePatientLabels();
  const recipientName = useRecipientName();
  const client = useQueryClient();
  const recipients = revocableRecipients(consent);
  const [scope, setScope] = useState<'whole' | 'some'>('whole');
  const [chosen, setChosen] = useState<string[]>([]);
  const [method, setMethod] = useState<WrittenRequestMethod>('signed_form');
  const [receivedOn, setReceivedOn] = useState(todayIso());
  const [note, setNote] = useState('');

  const revoke = useMutation({
    mutationFn: () =>
      revokeConsent(consent.id, {
        ...(scope === 'some' ? { recipientIds: chosen } : {}),
        writtenRequest: { method, receivedOn, note: orNull(note) },
      }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: consentsKey(patientId) });
      notifySuccess(t('patients.revoke.done'));
      onClose();
    },
  });

  const ready = !!receivedOn && (scope === 'whole' || chosen.length > 0);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (ready) revoke.mutate();
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('patients.revoke.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('patients.revoke.intro')}</Text>
          <Radio.Group
            label={t('patients.revoke.scope')}
            value={scope}
            onChange={(value) => setScope(value === 'some' ? 'some' : 'whole')}
          >
            <Stack gap="xs" mt="xs">
              <Radio value="whole" label={t('patients.revoke.whole')} />
              <Radio value="some" label={t('patients.revoke.some')} disabled={recipients.length < 1} />
            </Stack>
          </Radio.Group>
          {scope === 'some' ? (
            <Checkbox.Group
              label={t('patients.revoke.recipients')}
              value={chosen}
              onChange={setChosen}
              error={fieldError(revoke.error, 'recipientIds')}
            >
              <Stack gap="xs" mt="xs">
                {recipients.map((r) => (
                  <Checkbox key={r.id} value={r.id} label={recipientName(r)} />
                ))}
              </Stack>
            </Checkbox.Group>
          ) : null}
          <NativeSelect
            label={t('patients.revoke.method')}
            value={method}
            onChange={(e) => setMethod(e.currentTarget.value as WrittenRequestMethod)}
            error={fieldError(revoke.error, 'writtenRequest.method')}
            data={WRITTEN_REQUEST_METHODS.map((m) => ({ value: m, label: labels.writtenMethod(m) }))}
          />
          <TextInput
            type="date"
            label={t('patients.revoke.receivedOn')}
            required
            max={todayIso()}
            value={receivedOn}
            onChange={(e) => setReceivedOn(e.currentTarget.value)}
            error={fieldError(revoke.error, 'writtenRequest.receivedOn')}
          />
          <Textarea
            label={t('patients.revoke.note')}
            autosize
            minRows={2}
            maxLength={1000}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={fieldError(revoke.error, 'writtenRequest.note')}
          />
          <Text size="sm">{t('patients.revoke.prospective')}</Text>
          <ErrorAlert error={revoke.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={revoke.isPending} disabled={!ready}>
              {t('patients.revoke.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
