/**
 * Start a transition (`/transitions/new?patient=<id>`): the encounter, the care team, the MOUD plan and the
 * bridge, for a patient the organization holds. Saving sends one `Idempotency-Key` per form content, so a
 * double click creates one transition; the server's field errors are shown beside the fields.
 */
import { Alert, Anchor, Button, Group, Loader, NativeSelect, Stack, Switch, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { searchPatients } from '../../api/patients.ts';
import { createTransition, transitionKeys } from '../../api/transitions.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { fullName } from '../patients/patient-labels.ts';
import { patientSearchKey, usePatient } from '../patients/patient-queries.ts';
import { EncounterFields } from './encounter-fields.tsx';
import { MoudPlanFields } from './moud-plan-fields.tsx';
import { initialDraft, toInput, type TransitionDraft } from './transition-draft.ts';
import { useTransitionAccess } from './transition-labels.ts';
import { useIdempotencyKey } from './use-idempotency-key.ts';

export function NewTransitionPage() {
  const { t } = useTranslation();
  const access = useTransitionAccess();
  const [params, setParams] = useSearchParams();
  const patientId = params.get('patient') ?? '';
  if (!access.canManage) {
    return (
      <Stack>
        <PageTitle>{t('errors.notAllowedTitle')}</PageTitle>
        <Alert color="yellow" variant="light">
          {t('errors.notAllowedBody')}
        </Alert>
      </Stack>
    );
  }
  return (
    <Stack>
      <Anchor component={Link} to="/transitions" size="sm">
        {t('transitions.back')}
      </Anchor>
      {patientId ? (
        <PatientForm patientId={patientId} />
      ) : (
        <ChoosePatient onChoose={(id) => setParams({ patient: id })} />
      )}
    </Stack>
  );
}

/** Without a patient in the address: pick one of the organization's own patients. */
function ChoosePatient({ onChoose }: { onChoose: (id: string) => void }) {
  const { t } = useTranslation();
  const patients = useQuery({
    queryKey: patientSearchKey('', ''),
    queryFn: () => searchPatients({ limit: 100 }),
  });
  const own = (patients.data?.items ?? []).filter((p) => p.access === 'holder');
  return (
    <>
      <PageTitle>{t('transitions.form.title')}</PageTitle>
      <Text size="sm">{t('transitions.form.choosePatientHint')}</Text>
      <ErrorAlert error={patients.error} />
      {patients.isPending ? <Loader aria-label={t('common.loading')} /> : null}
      <NativeSelect
        label={t('transitions.fields.patient')}
        value=""
        onChange={(e) => {
          if (e.currentTarget.value) onChoose(e.currentTarget.value);
        }}
        data={[
          { value: '', label: t('transitions.form.choosePatient') },
          ...own.map((p) => ({ value: p.id, label: fullName(p) })),
        ]}
      />
      <Text size="sm">
        <Anchor component={Link} to="/patients/new">
          {t('transitions.form.registerFirst')}
        </Anchor>
      </Text>
    </>
  );
}

function PatientForm({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const access = useTransitionAccess();
  const navigate = useNavigate();
  const client = useQueryClient();
  const patient = usePatient(patientId);
  const keyFor = useIdempotencyKey();
  const [draft, setDraft] = useState<TransitionDraft>(() => initialDraft(access.membershipId));
  const update = (change: Partial<TransitionDraft>) => setDraft((d) => ({ ...d, ...change }));

  const save = useMutation({
    mutationFn: () => {
      const input = toInput(patientId, draft);
      return createTransition(input, keyFor(input));
    },
    onSuccess: async (view) => {
      await client.invalidateQueries({ queryKey: transitionKeys.all });
      notifySuccess(t('transitions.form.saved'));
      await navigate(`/transitions/${encodeURIComponent(view.id)}`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!save.isPending) save.mutate();
  };

  if (patient.isPending) return <Loader aria-label={t('common.loading')} />;
  if (patient.isError) return <ErrorAlert error={patient.error} />;
  const name = fullName(patient.data);
  return (
    <>
      <PageTitle>{t('transitions.form.titleFor', { name })}</PageTitle>
      <Text size="sm">{t('transitions.form.intro')}</Text>
      <form onSubmit={submit} noValidate aria-label={t('transitions.form.titleFor', { name })}>
        <Stack>
          <EncounterFields draft={draft} update={update} error={save.error} />
          <Switch
            label={t('transitions.plan.started')}
            checked={draft.withPlan}
            onChange={(e) => update({ withPlan: e.currentTarget.checked })}
          />
          {draft.withPlan ? (
            <MoudPlanFields plan={draft.plan} update={(plan) => update({ plan })} error={save.error} />
          ) : null}
          <ErrorAlert error={save.error} />
          <Group justify="flex-end">
            <Button variant="default" component={Link} to={`/patients/${encodeURIComponent(patientId)}`}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('transitions.form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
