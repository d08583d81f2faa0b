/**
 * The service edit form: Basics, Medications (a start / continue / accepts-current grid), Intake
 * policies, Eligibility, Intake hours, Referrals and Contact. It converts the values to the
 * `PUT /services/{id}` body and shows the server's field errors next to the fields they concern; errors
 * it cannot place are listed (field: message) in the alert at the top, which takes focus.
 */
import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../api/api-error.ts';
import {
  ACCESSIBILITY_FEATURES,
  ACKNOWLEDGEMENT_UNITS,
  GENDERS,
  HARM_REDUCTION_STANCES,
  INTAKE_PREREQUISITES,
  MEDICATIONS,
  SERVICE_KINDS,
  SERVICE_STATUSES,
  UNINSURED_TERMS,
  type AccessibilityFeature,
  type AcknowledgementUnit,
  type Gender,
  type HarmReductionStance,
  type IntakePrerequisite,
  type MedicationPolicy,
  type Service,
  type ServiceKind,
  type ServiceStatus,
  type UninsuredTerms,
} from '../../api/directory.ts';
import { SectionCard } from '../../components/section-card.tsx';
import { useDirectoryLabels } from './directory-labels.ts';
import { HoursSection } from './service-edit-hours.tsx';
import { SaveProblems } from './service-edit-problems.tsx';
import {
  formFieldOf,
  formValuesOf,
  PAYERS,
  PLAN_MODES,
  serviceInputOf,
  type FormField,
  type PlanMode,
  type ServiceFormValues,
} from './service-edit-values.tsx';

const POLICY_FLAGS = ['walkIn', 'sameDayIntake', 'nextDayIntake', 'telehealth'] as const;
const PHASES = ['start', 'continue', 'acceptsCurrent'] as const satisfies readonly (keyof MedicationPolicy)[];
const PHASE_LABEL = {
  start: 'medStart',
  continue: 'medContinue',
  acceptsCurrent: 'medAcceptsCurrent',
} as const;
const PHASE_COLUMN = {
  start: 'startColumn',
  continue: 'continueColumn',
  acceptsCurrent: 'acceptsCurrentColumn',
} as const;

/**
 * The server's field errors, keyed by the form field that shows them. Every error is also listed in the
 * summary alert, so one the form cannot place is never lost.
 */
function placeErrors(error: unknown): Partial<Record<FormField, string>> {
  const byField: Partial<Record<FormField, string>> = {};
  if (!isApiError(error) || error.status !== 400 || !error.errors) return byField;
  for (const problem of error.errors) {
    const key = formFieldOf(problem.field);
    if (key) byField[key] = byField[key] ? `${byField[key]}; ${problem.message}` : problem.message;
  }
  return byField;
}

export function ServiceEditForm({
  service,
  pending,
  error,
  onSubmit,
}: {
  service: Service;
  pending: boolean;
  /** The save's error (a 412 is shown by the page, not here). */
  error: unknown;
  onSubmit: (input: Record<string, unknown>) => void;
}) {
  const { t } = useTranslation();
  const labels = useDirectoryLabels();
  const [values, setValues] = useState<ServiceFormValues>(() => formValuesOf(service));
  const set = <K extends keyof ServiceFormValues>(key: K, value: ServiceFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const summaryRef = useRef<HTMLDivElement>(null);
  const medicationHelpId = useId();
  const medicationErrorId = useId();

  const byField = placeErrors(error);
  const err = (key: FormField) => byField[key];

  // After a refused save, move focus to the summary so keyboard and screen reader users hear it.
  useEffect(() => {
    if (error) summaryRef.current?.focus();
  }, [error]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(serviceInputOf(service, values));
  };

  const setMedication = (
    medication: (typeof MEDICATIONS)[number],
    phase: keyof MedicationPolicy,
    checked: boolean,
  ) =>
    setValues((current) => ({
      ...current,
      medications: {
        ...current.medications,
        [medication]: { ...current.medications[medication], [phase]: checked },
      },
    }));

  return (
    <form onSubmit={submit} noValidate aria-label={t('directory.edit.title', { name: service.name })}>
      <Stack gap="lg">
        <div ref={summaryRef} tabIndex={-1} style={{ outline: 'none' }}>
          <SaveProblems error={error} />
        </div>

        <SectionCard title={t('directory.edit.basics')}>
          <Stack gap="sm">
            <TextInput
              label={t('directory.edit.name')}
              required
              value={values.name}
              onChange={(e) => set('name', e.currentTarget.value)}
              error={err('name')}
              maxLength={200}
            />
            <Textarea
              label={t('directory.edit.description')}
              value={values.description}
              onChange={(e) => set('description', e.currentTarget.value)}
              error={err('description')}
              autosize
              minRows={2}
              maxLength={4000}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect
                label={t('directory.edit.kind')}
                value={values.kind}
                onChange={(e) => set('kind', e.currentTarget.value as ServiceKind)}
                data={SERVICE_KINDS.map((k) => ({ value: k, label: labels.kind(k) }))}
                error={err('kind')}
              />
              <NativeSelect
                label={t('directory.edit.status')}
                description={t('directory.edit.statusHelp')}
                value={values.status}
                onChange={(e) => set('status', e.currentTarget.value as ServiceStatus)}
                data={SERVICE_STATUSES.map((s) => ({
                  value: s,
                  label: t(`directory.vocab.serviceStatus.${s}`),
                }))}
                error={err('status')}
              />
            </SimpleGrid>
          </Stack>
        </SectionCard>

        <SectionCard title={t('directory.edit.medications')}>
          <Stack gap="sm">
            <Text size="sm" id={medicationHelpId}>
              {t('directory.edit.medicationsHelp')} {t('directory.edit.methadoneOtpOnly')}
            </Text>
            <Table withTableBorder aria-label={t('directory.edit.medicationGrid')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('directory.edit.medicationColumn')}</Table.Th>
                  {PHASES.map((phase) => (
                    <Table.Th scope="col" key={phase}>
                      {t(`directory.edit.${PHASE_COLUMN[phase]}`)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {MEDICATIONS.map((m) => (
                  <Table.Tr key={m}>
                    <Table.Th scope="row">{labels.medication(m)}</Table.Th>
                    {PHASES.map((phase) => (
                      <Table.Td key={phase}>
                        <Checkbox
                          aria-label={t(`directory.edit.${PHASE_LABEL[phase]}`, {
                            medication: t(`directory.vocab.medicationInSentence.${m}`),
                          })}
                          aria-describedby={
                            err('medications') ? `${medicationErrorId} ${medicationHelpId}` : medicationHelpId
                          }
                          aria-invalid={err('medications') ? true : undefined}
                          checked={values.medications[m][phase]}
                          onChange={(e) => setMedication(m, phase, e.currentTarget.checked)}
                        />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {err('medications') ? (
              <Text size="sm" c="red.8" id={medicationErrorId} data-testid="medications-error">
                {err('medications')}
              </Text>
            ) : null}
          </Stack>
        </SectionCard>

        <SectionCard title={t('directory.edit.policies')}>
          <Stack gap="sm">
            <NativeSelect
              label={t('directory.edit.harmReduction')}
              value={values.harmReduction}
              onChange={(e) => set('harmReduction', e.currentTarget.value as HarmReductionStance)}
              data={HARM_REDUCTION_STANCES.map((s) => ({
                value: s,
                label: t(`directory.vocab.harmReduction.${s}`),
              }))}
              error={err('harmReduction')}
            />
            <Checkbox.Group
              label={t('directory.edit.prerequisites')}
              description={t('directory.edit.prerequisitesHelp')}
              value={values.prerequisites}
              onChange={(value) => set('prerequisites', value as IntakePrerequisite[])}
              error={err('prerequisites')}
            >
              <Group gap="md" mt="xs">
                {INTAKE_PREREQUISITES.map((p) => (
                  <Checkbox key={p} value={p} label={t(`directory.vocab.prerequisite.${p}`)} />
                ))}
              </Group>
            </Checkbox.Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {POLICY_FLAGS.map((flag) => (
                <Switch
                  key={flag}
                  label={t(`directory.edit.${flag}`)}
                  checked={values[flag]}
                  onChange={(e) => set(flag, e.currentTarget.checked)}
                />
              ))}
            </SimpleGrid>
            {err('policyFlags') ? (
              <Text size="sm" c="red.8">
                {err('policyFlags')}
              </Text>
            ) : null}
          </Stack>
        </SectionCard>

        <SectionCard title={t('directory.edit.eligibility')}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('directory.edit.minAge')}
                description={t('directory.edit.ageHelp')}
                inputMode="numeric"
                value={values.minAge}
                onChange={(e) => set('minAge', e.currentTarget.value)}
                error={err('minAge')}
              />
              <TextInput
                label={t('directory.edit.maxAge')}
                description={t('directory.edit.ageHelp')}
                inputMode="numeric"
                value={values.maxAge}
                onChange={(e) => set('maxAge', e.currentTarget.value)}
                error={err('maxAge')}
              />
            </SimpleGrid>
            <Switch
              label={t('directory.edit.gendersAny')}
              checked={values.gendersAny}
              onChange={(e) => set('gendersAny', e.currentTarget.checked)}
            />
            {values.gendersAny ? null : (
              <Checkbox.Group
                label={t('directory.edit.genders')}
                value={values.genders}
                onChange={(value) => set('genders', value as Gender[])}
                error={err('genders')}
              >
                <Group gap="md" mt="xs">
                  {GENDERS.map((g) => (
                    <Checkbox key={g} value={g} label={t(`directory.vocab.gender.${g}`)} />
                  ))}
                </Group>
              </Checkbox.Group>
            )}
            {values.gendersAny && err('genders') ? (
              <Text size="sm" c="red.8">
                {err('genders')}
              </Text>
            ) : null}
            <Switch
              label={t('directory.edit.insuranceStated')}
              description={t('directory.edit.insuranceStatedHelp')}
              checked={values.insuranceStated}
              onChange={(e) => set('insuranceStated', e.currentTarget.checked)}
            />
            {values.insuranceStated ? (
              <Fieldset legend={t('directory.service.insurance')}>
                <Stack gap="sm">
                  {PAYERS.map((payer) => {
                    const plan = values.plans[payer];
                    const setPlan = (next: Partial<typeof plan>) =>
                      set('plans', { ...values.plans, [payer]: { ...plan, ...next } });
                    return (
                      <SimpleGrid key={payer} cols={{ base: 1, sm: 2 }}>
                        <NativeSelect
                          label={labels.insurance(payer)}
                          value={plan.mode}
                          onChange={(e) => setPlan({ mode: e.currentTarget.value as PlanMode })}
                          data={PLAN_MODES.map((mode) => ({
                            value: mode,
                            label: t(`directory.edit.planMode.${mode}`),
                          }))}
                          error={plan.mode === 'some' ? undefined : err(payer)}
                        />
                        {plan.mode === 'some' ? (
                          <TextInput
                            label={t('directory.edit.plans', { payer: labels.insurance(payer) })}
                            description={t('directory.edit.plansHelp')}
                            value={plan.list}
                            onChange={(e) => setPlan({ list: e.currentTarget.value })}
                            error={err(payer)}
                          />
                        ) : null}
                      </SimpleGrid>
                    );
                  })}
                  <NativeSelect
                    label={t('directory.edit.uninsured')}
                    value={values.uninsured}
                    onChange={(e) => set('uninsured', e.currentTarget.value as UninsuredTerms | '')}
                    data={[
                      { value: '', label: t('directory.edit.uninsuredNone') },
                      ...UNINSURED_TERMS.map((term) => ({
                        value: term,
                        label: t(`directory.vocab.uninsuredTerms.${term}`),
                      })),
                    ]}
                    error={err('uninsured')}
                  />
                </Stack>
              </Fieldset>
            ) : null}
            <TagsInput
              label={t('directory.edit.languages')}
              description={t('directory.edit.languagesHelp')}
              value={values.languages}
              onChange={(value) => set('languages', value)}
              splitChars={[',', ' ', ';']}
              acceptValueOnBlur
              clearable
              clearButtonProps={{ 'aria-label': t('directory.edit.clearLanguages') }}
              error={err('languages')}
            />
            <Checkbox.Group
              label={t('directory.edit.accessibility')}
              value={values.accessibility}
              onChange={(value) => set('accessibility', value as AccessibilityFeature[])}
              error={err('accessibility')}
            >
              <Group gap="md" mt="xs">
                {ACCESSIBILITY_FEATURES.map((f) => (
                  <Checkbox key={f} value={f} label={labels.feature(f)} />
                ))}
              </Group>
            </Checkbox.Group>
          </Stack>
        </SectionCard>

        <HoursSection values={values} set={set} err={err} />

        <SectionCard title={t('directory.edit.referral')}>
          <Stack gap="sm">
            <Textarea
              label={t('directory.edit.referralChannel')}
              value={values.referralChannel}
              onChange={(e) => set('referralChannel', e.currentTarget.value)}
              error={err('referralChannel')}
              autosize
              minRows={1}
              maxLength={500}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('directory.edit.acknowledgementAmount')}
                inputMode="numeric"
                value={values.acknowledgementAmount}
                onChange={(e) => set('acknowledgementAmount', e.currentTarget.value)}
                error={err('acknowledgementAmount')}
              />
              <NativeSelect
                label={t('directory.edit.acknowledgementUnit')}
                value={values.acknowledgementUnit}
                onChange={(e) =>
                  set('acknowledgementUnit', e.currentTarget.value as AcknowledgementUnit | '')
                }
                data={[
                  { value: '', label: t('directory.edit.acknowledgementNone') },
                  ...ACKNOWLEDGEMENT_UNITS.map((unit) => ({
                    value: unit,
                    label: t(`directory.edit.acknowledgementUnits.${unit}`),
                  })),
                ]}
                error={err('acknowledgementUnit')}
              />
            </SimpleGrid>
          </Stack>
        </SectionCard>

        <SectionCard title={t('directory.edit.contact')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('directory.edit.phone')}
              type="tel"
              autoComplete="off"
              value={values.phone}
              onChange={(e) => set('phone', e.currentTarget.value)}
              error={err('phone')}
            />
            <TextInput
              label={t('directory.edit.email')}
              type="email"
              autoComplete="off"
              value={values.email}
              onChange={(e) => set('email', e.currentTarget.value)}
              error={err('email')}
            />
            <TextInput
              label={t('directory.edit.url')}
              type="url"
              autoComplete="off"
              value={values.url}
              onChange={(e) => set('url', e.currentTarget.value)}
              error={err('url')}
            />
          </SimpleGrid>
        </SectionCard>

        <Group>
          <Button type="submit" loading={pending}>
            {t('directory.edit.save')}
          </Button>
          <Button
            component={Link}
            to={`/directory/services/${encodeURIComponent(service.id)}`}
            variant="default"
          >
            {t('directory.edit.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
