/**
 * The last two steps of the consent wizard: the signature (typed, drawn or a scanned signed form; who
 * signed and with what authority; the date) with the form's language, and the review that shows exactly
 * who will see what before the consent is saved.
 */
import {
  FileInput,
  List,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CONSENT_LANGUAGES,
  MAX_SIGNATURE_BYTES,
  SIGNATURE_FILE_TYPES,
  SIGNATURE_METHODS,
  SIGNER_CAPACITIES,
  type ConsentLanguage,
  type SignatureFileType,
  type SignatureMethod,
  type SignerCapacity,
} from '../../api/consents.ts';
import { fileToBase64 } from '../../api/partnerships.ts';
import type { Organization } from '../../api/types.ts';
import type { ConsentDraft } from './consent-draft.ts';
import type { StepProps } from './consent-steps.tsx';
import { todayIso, usePatientLabels, useScopeSentence } from './patient-labels.ts';
import { SignaturePad } from './signature-pad.tsx';

export function SignatureStep({ draft, update }: StepProps) {
  const { t } = useTranslation();
  const labels = usePatientLabels();
  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);

  const choose = async (chosen: File | null) => {
    setFile(chosen);
    if (!chosen) {
      setFileProblem(null);
      return update({ image: null });
    }
    if (chosen.size > MAX_SIGNATURE_BYTES) return setFileProblem(t('patients.wizard.signature.tooLarge'));
    if (!SIGNATURE_FILE_TYPES.includes(chosen.type as SignatureFileType))
      return setFileProblem(t('patients.wizard.signature.wrongType'));
    setFileProblem(null);
    update({
      image: {
        contentType: chosen.type as SignatureFileType,
        data: await fileToBase64(chosen),
        name: chosen.name,
      },
    });
  };
  const setMethod = (method: SignatureMethod) => {
    // A drawing and a scan are different things: switching method drops the other one's image.
    if (method !== draft.signatureMethod) {
      setFile(null);
      setFileProblem(null);
      update({ signatureMethod: method, image: null });
    }
  };

  return (
    <Stack>
      <Radio.Group
        label={t('patients.wizard.signature.method')}
        value={draft.signatureMethod}
        onChange={(value) => setMethod(value as SignatureMethod)}
      >
        <Stack gap="xs" mt="xs">
          {SIGNATURE_METHODS.map((m) => (
            <Radio
              key={m}
              value={m}
              label={labels.capital(labels.signatureMethod(m))}
              description={t(`patients.wizard.signature.explain.${m}`)}
            />
          ))}
        </Stack>
      </Radio.Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={
            draft.signatureMethod === 'typed'
              ? t('patients.wizard.signature.typedName')
              : t('patients.wizard.signature.signerName')
          }
          description={t('patients.wizard.signature.signerNameHint')}
          maxLength={200}
          value={draft.signerName}
          onChange={(e) => update({ signerName: e.currentTarget.value })}
        />
        <TextInput
          type="date"
          label={t('patients.wizard.signature.signedOn')}
          max={todayIso()}
          value={draft.signedOn}
          onChange={(e) => update({ signedOn: e.currentTarget.value })}
        />
        <NativeSelect
          label={t('patients.wizard.signature.capacity')}
          value={draft.capacity}
          onChange={(e) => update({ capacity: e.currentTarget.value as SignerCapacity })}
          data={SIGNER_CAPACITIES.map((c) => ({ value: c, label: labels.capital(labels.capacity(c)) }))}
        />
        {draft.capacity === 'patient' ? null : (
          <TextInput
            label={t('patients.wizard.signature.authority')}
            description={t('patients.wizard.signature.authorityHint')}
            maxLength={300}
            value={draft.authority}
            onChange={(e) => update({ authority: e.currentTarget.value })}
          />
        )}
      </SimpleGrid>
      {draft.signatureMethod === 'drawn' ? (
        <SignaturePad
          value={draft.image?.contentType === 'image/png' ? draft.image.data : null}
          onChange={(data) => update({ image: data ? { contentType: 'image/png', data, name: null } : null })}
        />
      ) : null}
      {draft.signatureMethod === 'paper_scan' ? (
        <FileInput
          label={t('patients.wizard.signature.scan')}
          description={t('patients.wizard.signature.scanHint')}
          placeholder={draft.image?.name ?? t('patients.wizard.signature.scanPlaceholder')}
          clearable
          accept={SIGNATURE_FILE_TYPES.join(',')}
          value={file}
          onChange={(chosen) => void choose(chosen)}
          error={fileProblem}
          styles={{ root: { '--mantine-color-error': 'var(--mantine-color-red-9)' } }}
          fileInputProps={{ 'data-testid': 'signature-scan' } as Record<string, string>}
        />
      ) : null}
      <NativeSelect
        label={t('patients.wizard.signature.language')}
        description={t('patients.wizard.signature.languageHint')}
        value={draft.language}
        onChange={(e) => update({ language: e.currentTarget.value as ConsentLanguage })}
        data={CONSENT_LANGUAGES.map((l) => ({ value: l, label: labels.consentLanguage(l) }))}
      />
    </Stack>
  );
}

export function ReviewStep({
  draft,
  organizations,
  patientName,
  holderName,
}: {
  draft: ConsentDraft;
  organizations: Organization[];
  patientName: string;
  holderName: string;
}) {
  const { t } = useTranslation();
  const labels = usePatientLabels();
  const sentence = useScopeSentence();
  const byId = new Map(organizations.map((o) => [o.id, o.name]));
  const scope = {
    categories: draft.categories,
    purposes: draft.purposes,
    expiresOn: draft.expiryMode === 'date' ? draft.expiresOn || null : null,
    expiryEvent:
      draft.expiryMode === 'event' ? draft.expiryEvent || null : draft.expiryMode === 'none' ? 'none' : null,
  };
  const who = [
    ...draft.organizationIds.map((id) => byId.get(id) ?? id),
    ...(draft.classDescription.trim() ? [draft.classDescription.trim()] : []),
    ...(draft.intermediary
      ? [t('patients.wizard.review.viaHandoff', { designation: draft.generalDesignation.trim() })]
      : []),
  ];
  const yes = (value: boolean) => (value ? t('common.yes') : t('common.no'));
  const rows: [string, ReactNode][] = [
    [t('patients.wizard.review.patient'), patientName],
    [t('patients.wizard.review.discloser'), holderName],
    [t('patients.wizard.review.type'), labels.consentType(draft.type)],
    [t('patients.wizard.information.description'), draft.information || '—'],
    [t('patients.wizard.information.purposeDescription'), draft.purposeDescription || '—'],
    [t('patients.wizard.review.until'), labels.until(scope)],
    [
      t('patients.wizard.review.revocation'),
      draft.revocationAcknowledged ? draft.revocationHow || '—' : t('common.no'),
    ],
    ...(draft.type === 'tpo'
      ? ([
          [t('patients.wizard.statements.redisclosureTitle'), yes(draft.redisclosureStatement)],
          [t('patients.wizard.statements.refusal'), draft.refusalConsequences || '—'],
        ] as [string, ReactNode][])
      : []),
    [t('patients.wizard.statements.hipaaTitle'), yes(draft.hipaaRedisclosureStatement)],
    [
      t('patients.wizard.statements.fundraisingTitle'),
      draft.programFundraises
        ? yes(draft.fundraisingOptOutStatement)
        : t('patients.wizard.review.noFundraising'),
    ],
    [
      t('patients.wizard.review.signature'),
      draft.signerName.trim()
        ? t('patients.wizard.review.signedBy', {
            name: draft.signerName.trim(),
            capacity: labels.capacity(draft.capacity),
            method: labels.signatureMethod(draft.signatureMethod),
          })
        : t('patients.wizard.review.notSigned'),
    ],
    [t('patients.wizard.signature.signedOn'), labels.day(draft.signedOn)],
    [t('patients.wizard.signature.language'), labels.consentLanguage(draft.language)],
  ];
  return (
    <Stack>
      <Title order={3} size="h5">
        {t('patients.wizard.review.whoSeesWhat')}
      </Title>
      {who.length ? (
        <List size="sm" spacing="xs" data-testid="review-scope">
          {who.map((name, i) => (
            <List.Item key={`${name}-${i}`}>
              <Text size="sm" fw={600}>
                {sentence(name, scope)}
              </Text>
            </List.Item>
          ))}
        </List>
      ) : (
        <Text size="sm" c="red.9">
          {t('patients.wizard.review.nobody')}
        </Text>
      )}
      <Text size="sm">{t('patients.wizard.review.nobodyElse')}</Text>
      <Table variant="vertical" withTableBorder aria-label={t('patients.wizard.review.details')}>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row" w={240}>
                {label}
              </Table.Th>
              <Table.Td style={{ whiteSpace: 'pre-line' }}>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
