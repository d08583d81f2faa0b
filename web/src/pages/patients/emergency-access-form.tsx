/**
 * Medical emergency access ("break glass", 42 CFR § 2.51, P19), for clinicians: when the patient's
 * record is not shared with the organization and their prior written consent cannot be obtained, the
 * clinician documents who receives the information, their health care facility and the nature of the
 * emergency. The access is time-limited, recorded in the patient's record at the holding program and
 * reviewed. The form is offered on "not found" alike for every address, so it reveals nothing.
 */
import { Button, Checkbox, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { fieldError } from '../../api/api-error.ts';
import { openEmergencyAccess } from '../../api/consents.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { SectionCard } from '../../components/section-card.tsx';
import { activeMembership, useSession } from '../../session/session-context.ts';
import { patientUrl } from './patient-queries.ts';

export function EmergencyAccessForm({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [recipientName, setRecipientName] = useState(session.user.displayName);
  const [affiliation, setAffiliation] = useState(activeMembership(session)?.organization.name ?? '');
  const [nature, setNature] = useState('');
  const [unobtainable, setUnobtainable] = useState(false);
  const open = useMutation({
    mutationFn: () =>
      openEmergencyAccess(patientId, {
        recipientName: recipientName.trim(),
        recipientAffiliation: affiliation.trim(),
        nature: nature.trim(),
        consentUnobtainable: true,
      }),
    onSuccess: async () => {
      notifySuccess(t('patients.emergency.opened'));
      await client.invalidateQueries({ queryKey: ['patients'] });
      await navigate(patientUrl(patientId, 'emergency'));
    },
  });
  const ready = recipientName.trim() && affiliation.trim() && nature.trim() && unobtainable;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (ready) open.mutate();
  };
  return (
    <SectionCard title={t('patients.emergency.heading')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('patients.emergency.intro')}</Text>
          <TextInput
            label={t('patients.emergency.recipientName')}
            description={t('patients.emergency.recipientNameHint')}
            required
            maxLength={200}
            value={recipientName}
            onChange={(e) => setRecipientName(e.currentTarget.value)}
            error={fieldError(open.error, 'recipientName')}
          />
          <TextInput
            label={t('patients.emergency.affiliation')}
            description={t('patients.emergency.affiliationHint')}
            required
            maxLength={200}
            value={affiliation}
            onChange={(e) => setAffiliation(e.currentTarget.value)}
            error={fieldError(open.error, 'recipientAffiliation')}
          />
          <Textarea
            label={t('patients.emergency.nature')}
            required
            autosize
            minRows={2}
            maxLength={2000}
            value={nature}
            onChange={(e) => setNature(e.currentTarget.value)}
            error={fieldError(open.error, 'nature')}
          />
          <Checkbox
            label={t('patients.emergency.unobtainable')}
            checked={unobtainable}
            onChange={(e) => setUnobtainable(e.currentTarget.checked)}
            error={fieldError(open.error, 'consentUnobtainable')}
          />
          <ErrorAlert error={open.error} />
          <div>
            <Button type="submit" color="red.9" loading={open.isPending} disabled={!ready}>
              {t('patients.emergency.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </SectionCard>
  );
}
