/**
 * Record a consent (`/patients/:id/consents/new`), one plain-language step at a time: the kind of
 * consent, who will see it, what and why, until when, the statements, the signature — then a review
 * that says exactly who will see what. Nothing is checked in the browser that the server does not check
 * itself: on saving, a 422 lists every missing §2.31 element, and each one is shown on its step.
 */
import { Alert, Anchor, Button, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError, type FieldProblem } from '../../api/api-error.ts';
import {
  recordConsent,
  type ConsentLanguage,
  type ConsentPurpose,
  type ConsentType,
  type DataCategory,
} from '../../api/consents.ts';
import { listOrganizations } from '../../api/organizations.ts';
import type { PatientView } from '../../api/patients.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import {
  initialDraft,
  STEPS,
  stepOf,
  toInput,
  withType,
  withWords,
  type ConsentDraft,
  type DraftWords,
  type Step,
} from './consent-draft.ts';
import { ReviewStep, SignatureStep } from './consent-signature.tsx';
import {
  ExpiryStep,
  InformationStep,
  RecipientsStep,
  StatementsStep,
  StepProblems,
  TypeStep,
} from './consent-steps.tsx';
import { fullName, todayIso, usePatientAccess, usePatientLabels } from './patient-labels.ts';
import { consentsKey, usePatient } from './patient-queries.ts';
import { PatientNotFound } from './patient-page.tsx';

export function ConsentWizardPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const access = usePatientAccess();
  const patient = usePatient(id);
  if (patient.isPending) return <Loader aria-label={t('common.loading')} />;
  if (patient.isError) return <PatientNotFound error={patient.error} />;
  const p = patient.data;
  if (p.access !== 'holder' || !access.canRecordConsent) {
    return (
      <Stack>
        <PageTitle>{t('errors.notAllowedTitle')}</PageTitle>
        <Alert color="yellow" variant="light">
          {t('patients.wizard.notHolder')}
        </Alert>
      </Stack>
    );
  }
  return <Wizard patient={p} />;
}

function useDraftWords(holderName: string): DraftWords {
  const { t } = useTranslation();
  const labels = usePatientLabels();
  return {
    revocationHow: t('patients.wizard.defaults.revocationHow', { org: holderName }),
    refusalConsequences: t('patients.wizard.defaults.refusal', { org: holderName }),
    generalDesignation: t('patients.wizard.defaults.designation'),
    information: (categories: readonly DataCategory[]) =>
      categories.map((c) => t(`patients.wizard.defaults.information.${c}`)).join(' '),
    purposeDescription: (type: ConsentType, purposes: readonly ConsentPurpose[]) =>
      type === 'tpo'
        ? t('patients.wizard.defaults.tpoPurpose')
        : t('patients.wizard.defaults.purpose', { purposes: labels.list(purposes.map(labels.purpose)) }),
  };
}

function Wizard({ patient }: { patient: PatientView }) {
  const { t } = useTranslation();
  const labels = usePatientLabels();
  const client = useQueryClient();
  const navigate = useNavigate();
  const holderName = patient.holderOrganizationName;
  const words = useDraftWords(holderName);
  const organizations = useQuery({ queryKey: ['organizations', 'all'], queryFn: () => listOrganizations() });
  const [draft, setDraft] = useState<ConsentDraft>(() =>
    initialDraft(words, todayIso(), (currentLanguage() === 'es' ? 'es' : 'en') satisfies ConsentLanguage),
  );
  const [step, setStep] = useState<Step>('type');
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  const update = (change: Partial<ConsentDraft>) => setDraft((d) => withWords({ ...d, ...change }, words));
  const setType = (type: ConsentType) => setDraft((d) => withWords(withType(d, type), words));

  const save = useMutation({
    mutationFn: () => recordConsent(patient.id, toInput(draft)),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: consentsKey(patient.id) });
      notifySuccess(t('patients.wizard.saved'));
      await navigate(`/patients/${encodeURIComponent(patient.id)}`);
    },
  });
  const invalid =
    isApiError(save.error) && (save.error.status === 422 || save.error.status === 400) ? save.error : null;
  const problems: FieldProblem[] = invalid?.errors ?? [];
  const problemsOf = (s: Step) => problems.filter((p) => stepOf(p.field) === s);

  const index = STEPS.indexOf(step);
  const go = (next: Step) => {
    moved.current = true;
    setStep(next);
  };
  useEffect(() => {
    // Moving between steps takes the focus to the new step's heading (screen readers announce it).
    if (moved.current) heading.current?.focus();
  }, [step]);

  const stepTitle = (s: Step) => t(`patients.wizard.steps.${s}`);
  const orgs = organizations.data?.items ?? [];
  const ownId = patient.holderOrganizationId;

  return (
    <Stack>
      <Anchor component={Link} to={`/patients/${encodeURIComponent(patient.id)}`} size="sm">
        {t('patients.wizard.back', { name: fullName(patient) })}
      </Anchor>
      <PageTitle>{t('patients.wizard.title', { name: fullName(patient) })}</PageTitle>
      <nav aria-label={t('patients.wizard.stepsLabel')}>
        <Group component="ol" gap="xs" wrap="wrap" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {STEPS.map((s, i) => {
            const current = s === step;
            const broken = problemsOf(s).length > 0;
            return (
              <li key={s}>
                <Button
                  size="xs"
                  variant={current ? 'filled' : 'light'}
                  color={broken ? 'red' : 'indigo'}
                  aria-current={current ? 'step' : undefined}
                  onClick={() => go(s)}
                  data-testid={`wizard-step-${s}`}
                  data-problems={broken ? 'true' : undefined}
                >
                  {t('patients.wizard.stepButton', { n: i + 1, title: stepTitle(s) })}
                  {broken ? ` (${t('patients.wizard.needsAttention')})` : ''}
                </Button>
              </li>
            );
          })}
        </Group>
      </nav>
      <section aria-labelledby="wizard-step-heading">
        <Stack>
          <Title order={2} size="h4" id="wizard-step-heading" ref={heading} tabIndex={-1}>
            {t('patients.wizard.stepHeading', { n: index + 1, total: STEPS.length, title: stepTitle(step) })}
          </Title>
          {step === 'review' ? null : <StepProblems problems={problemsOf(step)} />}
          {step === 'type' ? <TypeStep draft={draft} update={update} setType={setType} /> : null}
          {step === 'recipients' ? (
            <>
              <ErrorAlert error={organizations.error} />
              <RecipientsStep draft={draft} update={update} organizations={orgs} ownId={ownId} />
            </>
          ) : null}
          {step === 'information' ? <InformationStep draft={draft} update={update} /> : null}
          {step === 'expiry' ? <ExpiryStep draft={draft} update={update} /> : null}
          {step === 'statements' ? (
            <StatementsStep draft={draft} update={update} holderName={holderName} />
          ) : null}
          {step === 'signature' ? <SignatureStep draft={draft} update={update} /> : null}
          {step === 'review' ? (
            <>
              <ReviewStep
                draft={draft}
                organizations={orgs}
                patientName={fullName(patient)}
                holderName={holderName}
              />
              {invalid ? (
                <Alert
                  color="red"
                  variant="light"
                  role="alert"
                  title={t('patients.wizard.notSaved')}
                  data-testid="consent-problems"
                >
                  <Stack gap="xs">
                    <Text size="sm">{t('patients.wizard.notSavedBody')}</Text>
                    {problems.length ? (
                      <List size="sm" spacing={4}>
                        {problems.map((p, i) => {
                          const target = stepOf(p.field);
                          return (
                            <List.Item key={`${p.field}-${i}`} data-element={p.field}>
                              {t('patients.wizard.problem', {
                                element: labels.element(p.field),
                                message: p.message,
                              })}{' '}
                              {target !== 'review' ? (
                                <Anchor component="button" type="button" size="sm" onClick={() => go(target)}>
                                  {t('patients.wizard.fixIn', {
                                    n: STEPS.indexOf(target) + 1,
                                    title: stepTitle(target),
                                  })}
                                </Anchor>
                              ) : null}
                            </List.Item>
                          );
                        })}
                      </List>
                    ) : (
                      <Text size="sm">{invalid.detail ?? invalid.title}</Text>
                    )}
                  </Stack>
                </Alert>
              ) : (
                <ErrorAlert error={save.error} />
              )}
            </>
          ) : null}
          <Group justify="space-between">
            <Button variant="default" disabled={index === 0} onClick={() => go(STEPS[index - 1] ?? 'type')}>
              {t('patients.wizard.previous')}
            </Button>
            {step === 'review' ? (
              <Button onClick={() => save.mutate()} loading={save.isPending}>
                {t('patients.wizard.save')}
              </Button>
            ) : (
              <Button onClick={() => go(STEPS[index + 1] ?? 'review')}>{t('patients.wizard.next')}</Button>
            )}
          </Group>
        </Stack>
      </section>
    </Stack>
  );
}
