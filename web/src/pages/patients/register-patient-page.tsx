/**
 * Register a patient (`/patients/new`) in the active organization: name, date of birth, sex, gender
 * identity, MRN, phones with safe-contact choices (voicemail, texts), an address or "no fixed address",
 * preferred language and insurance. When the organization already holds patients with the same name and
 * date of birth the server answers 409 `possible-duplicate`: the page lists them (with links) and lets
 * the user register anyway.
 */
import {
  Alert,
  Anchor,
  Button,
  Fieldset,
  Group,
  List,
  NativeSelect,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PatientsSubpage } from './patients-subpage.tsx';
import { Link, useNavigate } from 'react-router';
import { fieldError } from '../../api/api-error.ts';
import {
  ADMINISTRATIVE_SEXES,
  INSURANCE_KINDS,
  PHONE_USES,
  PossibleDuplicateError,
  registerPatient,
  type AdministrativeSex,
  type InsuranceKind,
  type PhoneUse,
  type RegisterPatientInput,
} from '../../api/patients.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { SectionCard } from '../../components/section-card.tsx';
import { fullName, orNull, usePatientAccess, usePatientLabels } from './patient-labels.ts';
import { patientKey } from './patient-queries.ts';

/** Languages offered first (the region's most common); any BCP 47 tag can be typed under "Other". */
const LANGUAGE_CHOICES = ['en', 'es', 'ar', 'ne', 'uk', 'ru', 'zh', 'vi', 'so', 'fr', 'pt'] as const;
const OTHER = 'other';

interface PhoneDraft {
  key: number;
  number: string;
  use: PhoneUse;
  voicemailOk: boolean;
  textOk: boolean;
}

let nextPhoneKey = 1;
const newPhone = (): PhoneDraft => ({
  key: nextPhoneKey++,
  number: '',
  use: 'mobile',
  voicemailOk: false,
  textOk: false,
});

export function RegisterPatientPage() {
  const { t } = useTranslation();
  const access = usePatientAccess();
  return (
    <PatientsSubpage
      allowed={access.canRegister}
      title={t('patients.register.title')}
      intro={t('patients.register.intro')}
    >
      <RegisterForm />
    </PatientsSubpage>
  );
}

function RegisterForm() {
  const { t } = useTranslation();
  const labels = usePatientLabels();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [givenName, setGivenName] = useState('');
  const [familyName, setFamilyName] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [sex, setSex] = useState<AdministrativeSex | ''>('');
  const [genderIdentity, setGenderIdentity] = useState('');
  const [mrn, setMrn] = useState('');
  const [phones, setPhones] = useState<PhoneDraft[]>([newPhone()]);
  const [unhoused, setUnhoused] = useState(false);
  const [street, setStreet] = useState('');
  const [city, setCity] = useState('');
  const [state, setState] = useState('OH');
  const [postalCode, setPostalCode] = useState('');
  const [language, setLanguage] = useState<string>('en');
  const [otherLanguage, setOtherLanguage] = useState('');
  const [insuranceKind, setInsuranceKind] = useState<InsuranceKind | ''>('');
  const [payerName, setPayerName] = useState('');
  const [memberId, setMemberId] = useState('');

  const register = useMutation({
    mutationFn: registerPatient,
    onSuccess: async (patient) => {
      client.setQueryData(patientKey(patient.id), patient);
      await client.invalidateQueries({ queryKey: ['patients', 'search'] });
      notifySuccess(t('patients.register.registered', { name: fullName(patient) }));
      await navigate(`/patients/${encodeURIComponent(patient.id)}`);
    },
  });
  const duplicates = register.error instanceof PossibleDuplicateError ? register.error : null;
  const apiError = duplicates ? null : register.error;

  const hasAddress = [street, city, postalCode].some((v) => v.trim());
  const input = (confirmNotDuplicate: boolean): RegisterPatientInput => ({
    givenName: givenName.trim(),
    familyName: familyName.trim(),
    birthDate,
    sex: sex || 'unknown',
    genderIdentity: orNull(genderIdentity),
    mrn: orNull(mrn),
    phones: phones
      .filter((p) => p.number.trim())
      .map(({ number, use, voicemailOk, textOk }) => ({ number: number.trim(), use, voicemailOk, textOk })),
    address:
      unhoused || !hasAddress
        ? null
        : {
            street: street.trim(),
            city: city.trim(),
            state: state.trim().toUpperCase(),
            postalCode: postalCode.trim(),
          },
    unhoused,
    preferredLanguage: language === OTHER ? otherLanguage.trim() : language,
    insurance: insuranceKind
      ? { kind: insuranceKind, payerName: orNull(payerName), memberId: orNull(memberId) }
      : null,
    confirmNotDuplicate,
  });

  const ready = givenName.trim() && familyName.trim() && birthDate && sex;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (ready) register.mutate(input(false));
  };
  const updatePhone = (key: number, change: Partial<PhoneDraft>) =>
    setPhones((list) => list.map((p) => (p.key === key ? { ...p, ...change } : p)));

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <SectionCard title={t('patients.register.identity')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('patients.fields.givenName')}
              required
              maxLength={100}
              autoComplete="off"
              value={givenName}
              onChange={(e) => setGivenName(e.currentTarget.value)}
              error={fieldError(register.error, 'givenName')}
            />
            <TextInput
              label={t('patients.fields.familyName')}
              required
              maxLength={100}
              autoComplete="off"
              value={familyName}
              onChange={(e) => setFamilyName(e.currentTarget.value)}
              error={fieldError(register.error, 'familyName')}
            />
            <TextInput
              type="date"
              label={t('patients.fields.birthDate')}
              required
              value={birthDate}
              onChange={(e) => setBirthDate(e.currentTarget.value)}
              error={fieldError(register.error, 'birthDate')}
            />
            <NativeSelect
              label={t('patients.fields.sex')}
              description={t('patients.register.sexHint')}
              required
              value={sex}
              onChange={(e) => setSex(e.currentTarget.value as AdministrativeSex | '')}
              error={fieldError(register.error, 'sex')}
              data={[
                { value: '', label: t('patients.register.choose') },
                ...ADMINISTRATIVE_SEXES.map((s) => ({ value: s, label: labels.sex(s) })),
              ]}
            />
            <TextInput
              label={t('patients.fields.genderIdentityOptional')}
              description={t('patients.register.genderIdentityHint')}
              maxLength={100}
              value={genderIdentity}
              onChange={(e) => setGenderIdentity(e.currentTarget.value)}
              error={fieldError(register.error, 'genderIdentity')}
            />
            <TextInput
              label={t('patients.fields.mrnOptional')}
              description={t('patients.register.mrnHint')}
              maxLength={64}
              value={mrn}
              onChange={(e) => setMrn(e.currentTarget.value)}
              error={fieldError(register.error, 'mrn')}
            />
          </SimpleGrid>
        </SectionCard>

        <SectionCard title={t('patients.register.contact')}>
          <Stack>
            <Text size="sm">{t('patients.register.safeContactHint')}</Text>
            {phones.map((phone, index) => (
              <Fieldset key={phone.key} legend={t('patients.register.phoneN', { n: index + 1 })}>
                <Stack gap="sm">
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <TextInput
                      type="tel"
                      label={t('patients.fields.phoneNumber')}
                      maxLength={25}
                      value={phone.number}
                      onChange={(e) => updatePhone(phone.key, { number: e.currentTarget.value })}
                      error={fieldError(register.error, `phones.${index}.number`)}
                    />
                    <NativeSelect
                      label={t('patients.fields.phoneUse')}
                      value={phone.use}
                      onChange={(e) => updatePhone(phone.key, { use: e.currentTarget.value as PhoneUse })}
                      data={PHONE_USES.map((u) => ({ value: u, label: labels.phoneUse(u) }))}
                    />
                  </SimpleGrid>
                  <Group>
                    <Switch
                      label={t('patients.fields.voicemailOk')}
                      checked={phone.voicemailOk}
                      onChange={(e) => updatePhone(phone.key, { voicemailOk: e.currentTarget.checked })}
                    />
                    <Switch
                      label={t('patients.fields.textOk')}
                      checked={phone.textOk}
                      onChange={(e) => updatePhone(phone.key, { textOk: e.currentTarget.checked })}
                    />
                  </Group>
                  <div>
                    <Button
                      variant="subtle"
                      color="red"
                      size="xs"
                      onClick={() => setPhones((list) => list.filter((p) => p.key !== phone.key))}
                    >
                      {t('patients.register.removePhone', { n: index + 1 })}
                    </Button>
                  </div>
                </Stack>
              </Fieldset>
            ))}
            {phones.length < 5 ? (
              <div>
                <Button
                  variant="default"
                  size="xs"
                  onClick={() => setPhones((list) => [...list, newPhone()])}
                >
                  {t('patients.register.addPhone')}
                </Button>
              </div>
            ) : null}
            <Switch
              label={t('patients.fields.unhoused')}
              description={t('patients.register.unhousedHint')}
              checked={unhoused}
              onChange={(e) => setUnhoused(e.currentTarget.checked)}
            />
            {unhoused ? null : (
              <Fieldset legend={t('patients.register.addressOptional')}>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput
                    label={t('patients.fields.street')}
                    maxLength={200}
                    value={street}
                    onChange={(e) => setStreet(e.currentTarget.value)}
                    error={fieldError(register.error, 'address.street')}
                  />
                  <TextInput
                    label={t('patients.fields.city')}
                    maxLength={100}
                    value={city}
                    onChange={(e) => setCity(e.currentTarget.value)}
                    error={fieldError(register.error, 'address.city')}
                  />
                  <TextInput
                    label={t('patients.fields.state')}
                    maxLength={2}
                    value={state}
                    onChange={(e) => setState(e.currentTarget.value)}
                    error={fieldError(register.error, 'address.state')}
                  />
                  <TextInput
                    label={t('patients.fields.postalCode')}
                    maxLength={10}
                    value={postalCode}
                    onChange={(e) => setPostalCode(e.currentTarget.value)}
                    error={fieldError(register.error, 'address.postalCode')}
                  />
                </SimpleGrid>
              </Fieldset>
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect
                label={t('patients.fields.preferredLanguage')}
                value={language}
                onChange={(e) => setLanguage(e.currentTarget.value)}
                error={language === OTHER ? undefined : fieldError(register.error, 'preferredLanguage')}
                data={[
                  ...LANGUAGE_CHOICES.map((l) => ({ value: l, label: labels.languageName(l) })),
                  { value: OTHER, label: t('patients.register.otherLanguage') },
                ]}
              />
              {language === OTHER ? (
                <TextInput
                  label={t('patients.register.languageTag')}
                  description={t('patients.register.languageTagHint')}
                  maxLength={35}
                  value={otherLanguage}
                  onChange={(e) => setOtherLanguage(e.currentTarget.value)}
                  error={fieldError(register.error, 'preferredLanguage')}
                />
              ) : null}
            </SimpleGrid>
          </Stack>
        </SectionCard>

        <SectionCard title={t('patients.register.insurance')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NativeSelect
              label={t('patients.fields.insuranceKind')}
              value={insuranceKind}
              onChange={(e) => setInsuranceKind(e.currentTarget.value as InsuranceKind | '')}
              data={[
                { value: '', label: t('patients.register.notRecorded') },
                ...INSURANCE_KINDS.map((k) => ({ value: k, label: labels.insuranceKind(k) })),
              ]}
            />
            <TextInput
              label={t('patients.fields.payerNameOptional')}
              maxLength={200}
              disabled={!insuranceKind}
              value={payerName}
              onChange={(e) => setPayerName(e.currentTarget.value)}
              error={fieldError(register.error, 'insurance.payerName')}
            />
            <TextInput
              label={t('patients.fields.memberIdOptional')}
              maxLength={64}
              disabled={!insuranceKind}
              value={memberId}
              onChange={(e) => setMemberId(e.currentTarget.value)}
              error={fieldError(register.error, 'insurance.memberId')}
            />
          </SimpleGrid>
        </SectionCard>

        {duplicates ? (
          <Alert
            color="orange"
            variant="light"
            role="alert"
            title={t('patients.register.duplicateTitle')}
            data-testid="possible-duplicates"
          >
            <Stack gap="sm">
              <Text size="sm">
                {t('patients.register.duplicateBody', { count: duplicates.duplicates.length })}
              </Text>
              {duplicates.duplicates.length ? (
                <List size="sm">
                  {duplicates.duplicates.map((d) => (
                    <List.Item key={d.id}>
                      <Anchor component={Link} to={`/patients/${encodeURIComponent(d.id)}`}>
                        {fullName(d)}
                      </Anchor>{' '}
                      {t('patients.register.duplicateLine', {
                        birthDate: labels.day(d.birthDate),
                        mrn: d.mrn ?? '—',
                      })}
                    </List.Item>
                  ))}
                </List>
              ) : null}
              <Group>
                <Button onClick={() => register.mutate(input(true))} loading={register.isPending}>
                  {t('patients.register.registerAnyway')}
                </Button>
                <Button variant="default" onClick={() => register.reset()}>
                  {t('patients.register.keepEditing')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : null}
        <ErrorAlert error={apiError} />
        {duplicates ? null : (
          <div>
            <Button type="submit" loading={register.isPending} disabled={!ready}>
              {t('patients.register.submit')}
            </Button>
          </div>
        )}
      </Stack>
    </form>
  );
}
