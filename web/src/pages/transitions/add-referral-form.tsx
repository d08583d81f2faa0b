/**
 * Refer the patient to a partner service: pick the service, say how urgent, add a note, and send now (the
 * partner sees it with the handoff packet) or keep a draft. Without a consent naming the service's
 * organization the server refuses (422 `no-consent`): the form says so and links to the consent wizard.
 */
import { Alert, Anchor, Button, Group, Radio, Stack, Switch, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fieldError, isApiError } from '../../api/api-error.ts';
import type { Service } from '../../api/directory.ts';
import {
  addReferral,
  NO_CONSENT,
  referralKeys,
  transitionKeys,
  URGENCIES,
  type CreateReferralInput,
  type TransitionView,
  type Urgency,
} from '../../api/transitions.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { ServicePicker } from './service-picker.tsx';
import { orNull, useTransitionAccess, useTransitionLabels } from './transition-labels.ts';
import { useIdempotencyKey } from './use-idempotency-key.ts';

export function AddReferralForm({ transition }: { transition: TransitionView }) {
  const { t } = useTranslation();
  const labels = useTransitionLabels();
  const access = useTransitionAccess();
  const client = useQueryClient();
  const keyFor = useIdempotencyKey();
  const [service, setService] = useState<Service | null>(null);
  const [urgency, setUrgency] = useState<Urgency>('routine');
  const [note, setNote] = useState('');
  const [send, setSend] = useState(true);

  const add = useMutation({
    mutationFn: (input: CreateReferralInput) => addReferral(transition.id, input, keyFor(input)),
    onSuccess: async (referral) => {
      await client.invalidateQueries({ queryKey: transitionKeys.all });
      await client.invalidateQueries({ queryKey: referralKeys.all });
      notifySuccess(
        referral.status === 'draft'
          ? t('transitions.refer.drafted', { name: referral.receiver.name })
          : t('transitions.refer.sent', { name: referral.receiver.name }),
      );
      setService(null);
      setNote('');
    },
  });
  const noConsent = isApiError(add.error) && add.error.status === 422 && add.error.is(NO_CONSENT);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!service || add.isPending) return;
    add.mutate({ serviceId: service.id, urgency, send, note: orNull(note) });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('transitions.refer.heading')}>
      <Stack>
        <ServicePicker
          value={service}
          onChange={(s) => {
            setService(s);
            add.reset();
          }}
          error={fieldError(add.error, 'serviceId')}
        />
        <Radio.Group
          label={t('transitions.refer.urgency')}
          value={urgency}
          onChange={(value) => setUrgency(value === 'urgent' ? 'urgent' : 'routine')}
        >
          <Group mt="xs">
            {URGENCIES.map((u) => (
              <Radio key={u} value={u} label={labels.urgency(u)} />
            ))}
          </Group>
        </Radio.Group>
        <Textarea
          label={t('transitions.refer.note')}
          autosize
          minRows={2}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={fieldError(add.error, 'note')}
        />
        <Switch
          label={t('transitions.refer.sendNow')}
          description={t('transitions.refer.sendNowHint')}
          checked={send}
          onChange={(e) => setSend(e.currentTarget.checked)}
        />
        {noConsent ? (
          <Alert
            color="orange"
            variant="light"
            role="alert"
            title={t('transitions.refer.noConsentTitle')}
            data-testid="no-consent"
          >
            <Stack gap="xs" align="flex-start">
              <Text size="sm">
                {t('transitions.refer.noConsentBody', {
                  organization: service?.organizationName ?? '',
                  patient: transition.patient.name,
                })}
              </Text>
              {access.canRecordConsent ? (
                <Anchor
                  component={Link}
                  to={`/patients/${encodeURIComponent(transition.patient.id)}/consents/new`}
                >
                  {t('transitions.refer.recordConsent', { patient: transition.patient.name })}
                </Anchor>
              ) : null}
            </Stack>
          </Alert>
        ) : (
          <ErrorAlert error={add.error} />
        )}
        <Group justify="flex-end">
          <Button type="submit" disabled={!service} loading={add.isPending}>
            {send ? t('transitions.refer.submitSend') : t('transitions.refer.submitDraft')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
