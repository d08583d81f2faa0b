/**
 * The patient's need, as a navigator describes it: medication and phase, insurance, home ZIP code,
 * language, age, gender, other needs, and whether to list services with conflicts. No identity.
 */
import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  GENDERS,
  INSURANCE_KINDS,
  MEDICATION_PHASES,
  MEDICATIONS,
  OTHER_NEEDS,
  type Gender,
  type InsuranceKind,
  type MatchNeed,
  type Medication,
  type MedicationPhase,
  type OtherNeed,
} from '../../api/directory.ts';
import { FORM_LANGUAGES, useDirectoryLabels } from './directory-labels.ts';

export interface NeedFormValues {
  medication: Medication | '';
  phase: MedicationPhase;
  insurance: InsuranceKind | '';
  zip: string;
  language: string;
  age: string;
  gender: Gender | '';
  otherNeeds: OtherNeed[];
  includeConflicts: boolean;
}

export const EMPTY_NEED: NeedFormValues = {
  medication: 'buprenorphine',
  phase: 'start',
  insurance: '',
  zip: '',
  language: '',
  age: '',
  gender: '',
  otherNeeds: [],
  includeConflicts: false,
};

/** The match request for the form's values, or undefined when neither a medication nor a need is given. */
export function needOf(values: NeedFormValues): MatchNeed | undefined {
  if (!values.medication && values.otherNeeds.length === 0) return undefined;
  const need: MatchNeed = { includeConflicts: values.includeConflicts, limit: 50 };
  if (values.medication) need.medication = { name: values.medication, phase: values.phase };
  if (values.insurance) need.insurance = [{ kind: values.insurance }];
  const zip = values.zip.trim();
  if (zip) need.home = { zip };
  if (values.language) need.language = values.language;
  const age = Number.parseInt(values.age, 10);
  if (values.age.trim() !== '' && Number.isFinite(age)) need.age = age;
  if (values.gender) need.gender = values.gender;
  if (values.otherNeeds.length > 0) need.otherNeeds = values.otherNeeds;
  return need;
}

export function NeedForm({
  initial,
  onSearch,
  searching,
}: {
  initial: NeedFormValues;
  onSearch: (values: NeedFormValues) => void;
  searching: boolean;
}) {
  const { t } = useTranslation();
  const labels = useDirectoryLabels();
  const [values, setValues] = useState<NeedFormValues>(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const set = <K extends keyof NeedFormValues>(key: K, value: NeedFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!values.medication && values.otherNeeds.length === 0) {
      setProblem(t('directory.find.needSomething'));
      return;
    }
    setProblem(null);
    onSearch(values);
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('directory.find.formTitle')}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('directory.find.formHint')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          <NativeSelect
            label={t('directory.find.medication')}
            value={values.medication}
            onChange={(e) => set('medication', e.currentTarget.value as Medication | '')}
            data={[
              { value: '', label: t('directory.find.medicationNone') },
              ...MEDICATIONS.map((m) => ({ value: m, label: labels.medication(m) })),
            ]}
          />
          <NativeSelect
            label={t('directory.find.phase')}
            value={values.phase}
            disabled={!values.medication}
            onChange={(e) => set('phase', e.currentTarget.value as MedicationPhase)}
            data={MEDICATION_PHASES.map((p) => ({ value: p, label: t(`directory.vocab.phase.${p}`) }))}
          />
          <NativeSelect
            label={t('directory.find.insurance')}
            value={values.insurance}
            onChange={(e) => set('insurance', e.currentTarget.value as InsuranceKind | '')}
            data={[
              { value: '', label: t('directory.find.insuranceNone') },
              ...INSURANCE_KINDS.map((k) => ({ value: k, label: labels.insurance(k) })),
            ]}
          />
          <TextInput
            label={t('directory.find.zip')}
            description={t('directory.find.zipHelp')}
            value={values.zip}
            inputMode="numeric"
            autoComplete="off"
            maxLength={10}
            onChange={(e) => set('zip', e.currentTarget.value)}
          />
          <NativeSelect
            label={t('directory.find.language')}
            value={values.language}
            onChange={(e) => set('language', e.currentTarget.value)}
            data={[
              { value: '', label: t('directory.find.languageNone') },
              ...FORM_LANGUAGES.map((code) => ({ value: code, label: labels.language(code) })),
            ]}
          />
          <TextInput
            label={t('directory.find.age')}
            value={values.age}
            inputMode="numeric"
            type="number"
            min={0}
            max={120}
            onChange={(e) => set('age', e.currentTarget.value)}
          />
          <NativeSelect
            label={t('directory.find.gender')}
            value={values.gender}
            onChange={(e) => set('gender', e.currentTarget.value as Gender | '')}
            data={[
              { value: '', label: t('directory.find.genderNone') },
              ...GENDERS.map((g) => ({ value: g, label: t(`directory.vocab.gender.${g}`) })),
            ]}
          />
        </SimpleGrid>
        <Checkbox.Group
          label={t('directory.find.otherNeeds')}
          value={values.otherNeeds}
          onChange={(value) => set('otherNeeds', value as OtherNeed[])}
        >
          <Group gap="md" mt="xs">
            {OTHER_NEEDS.map((need) => (
              <Checkbox key={need} value={need} label={t(`directory.vocab.otherNeed.${need}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Switch
          label={t('directory.find.includeConflicts')}
          description={t('directory.find.includeConflictsHelp')}
          checked={values.includeConflicts}
          onChange={(e) => set('includeConflicts', e.currentTarget.checked)}
        />
        {problem ? (
          <Text c="red.8" size="sm" role="alert">
            {problem}
          </Text>
        ) : null}
        <Group>
          <Button type="submit" loading={searching}>
            {t('directory.find.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
