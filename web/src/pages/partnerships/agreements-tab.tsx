/**
 * Agreements between the two organizations (MOU, QSOA, BAA, data sharing) with a countdown to each
 * one's expiry — highlighted from 60 days before — and a form to add one with its signed document.
 */
import { Anchor, Badge, Button, FileInput, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../api/api-error.ts';
import {
  addAgreement,
  AGREEMENT_KINDS,
  agreementDocumentUrl,
  DOCUMENT_TYPES,
  fileToBase64,
  MAX_DOCUMENT_BYTES,
  type Agreement,
  type AgreementInput,
  type AgreementKind,
  type DocumentType,
  type Partnership,
} from '../../api/partnerships.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ListTable } from '../../components/list-table.tsx';
import { SectionCard } from '../../components/section-card.tsx';
import { expiryState, todayIso, usePartnershipLabels, type ExpiryState } from './partnership-labels.ts';
import { useWorkspaceWrite } from './use-workspace.ts';

const EXPIRY_COLORS: Record<ExpiryState, string> = {
  open: 'gray',
  ok: 'teal',
  soon: 'orange',
  expired: 'red',
};

export function ExpiryBadge({ daysUntilExpiry }: { daysUntilExpiry: number | null }) {
  const labels = usePartnershipLabels();
  const state = expiryState(daysUntilExpiry);
  return (
    <Badge
      color={EXPIRY_COLORS[state]}
      variant={state === 'expired' ? 'filled' : 'light'}
      size={state === 'soon' || state === 'expired' ? 'lg' : 'md'}
      tt="none"
      data-testid="agreement-expiry"
      data-state={state}
      styles={{
        root: { height: 'auto', maxWidth: 'none' },
        label: { overflow: 'visible', whiteSpace: 'nowrap' },
      }}
    >
      {labels.expiry(daysUntilExpiry)}
    </Badge>
  );
}

export function AgreementsTab({
  partnership: p,
  canManage,
}: {
  partnership: Partnership;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const labels = usePartnershipLabels();
  return (
    <Stack>
      <ListTable<Agreement>
        label={t('partnerships.agreements.label')}
        records={p.agreements}
        idAccessor="id"
        emptyText={t('partnerships.agreements.none')}
        columns={[
          { accessor: 'title', title: t('partnerships.agreements.title') },
          {
            accessor: 'kind',
            title: t('partnerships.agreements.kind'),
            render: (a) => labels.agreementKind(a.kind),
          },
          {
            accessor: 'effectiveOn',
            title: t('partnerships.agreements.effectiveOn'),
            noWrap: true,
            render: (a) => labels.day(a.effectiveOn),
          },
          {
            accessor: 'expiresOn',
            title: t('partnerships.agreements.expiresOn'),
            noWrap: true,
            render: (a) => (a.expiresOn ? labels.day(a.expiresOn) : t('partnerships.agreements.openEnded')),
          },
          {
            accessor: 'daysUntilExpiry',
            title: t('partnerships.agreements.expiry'),
            noWrap: true,
            render: (a) => <ExpiryBadge daysUntilExpiry={a.daysUntilExpiry} />,
          },
          {
            accessor: 'documentName',
            title: t('partnerships.agreements.document'),
            render: (a) =>
              a.hasDocument && a.documentName ? (
                <Anchor
                  href={agreementDocumentUrl(p.id, a.id)}
                  download={a.documentName}
                  aria-label={t('partnerships.agreements.download', { name: a.documentName })}
                >
                  {a.documentName}
                </Anchor>
              ) : (
                t('partnerships.agreements.noDocument')
              ),
          },
        ]}
      />
      {canManage ? <AgreementForm partnership={p} /> : null}
    </Stack>
  );
}

function AgreementForm({ partnership: p }: { partnership: Partnership }) {
  const { t } = useTranslation();
  const labels = usePartnershipLabels();
  const [kind, setKind] = useState<AgreementKind>('mou');
  const [title, setTitle] = useState('');
  const [effectiveOn, setEffectiveOn] = useState(todayIso());
  const [expiresOn, setExpiresOn] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const reset = () => {
    setTitle('');
    setExpiresOn('');
    setFile(null);
  };
  const add = useWorkspaceWrite(
    p.id,
    (input: AgreementInput) => addAgreement(p.id, input),
    t('partnerships.agreements.added'),
    reset,
  );

  const choose = (chosen: File | null) => {
    setFile(chosen);
    if (!chosen) return setFileProblem(null);
    if (chosen.size > MAX_DOCUMENT_BYTES) return setFileProblem(t('partnerships.agreements.tooLarge'));
    if (!DOCUMENT_TYPES.includes(chosen.type as DocumentType))
      return setFileProblem(t('partnerships.agreements.wrongType'));
    setFileProblem(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (fileProblem || !title.trim()) return;
    const document = file
      ? { name: file.name, contentType: file.type as DocumentType, data: await fileToBase64(file) }
      : undefined;
    add.mutate({
      kind,
      title: title.trim(),
      effectiveOn,
      expiresOn: expiresOn || null,
      ...(document ? { document } : {}),
    });
  };

  return (
    <SectionCard title={t('partnerships.agreements.add')}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('partnerships.agreements.kind')}
              value={kind}
              onChange={(e) => setKind(e.currentTarget.value as AgreementKind)}
              data={AGREEMENT_KINDS.map((k) => ({ value: k, label: labels.agreementKind(k) }))}
            />
            <TextInput
              label={t('partnerships.agreements.title')}
              required
              maxLength={200}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              error={fieldError(add.error, 'title')}
            />
            <TextInput
              type="date"
              label={t('partnerships.agreements.effectiveOn')}
              required
              value={effectiveOn}
              onChange={(e) => setEffectiveOn(e.currentTarget.value)}
              error={fieldError(add.error, 'effectiveOn')}
            />
            <TextInput
              type="date"
              label={t('partnerships.agreements.expiresOn')}
              description={t('partnerships.agreements.expiresOnHint')}
              value={expiresOn}
              onChange={(e) => setExpiresOn(e.currentTarget.value)}
              error={fieldError(add.error, 'expiresOn')}
            />
          </SimpleGrid>
          <FileInput
            label={t('partnerships.agreements.file')}
            description={t('partnerships.agreements.fileHint')}
            placeholder={t('partnerships.agreements.filePlaceholder')}
            clearable
            accept={DOCUMENT_TYPES.join(',')}
            value={file}
            onChange={choose}
            error={fileProblem ?? fieldError(add.error, 'document')}
            styles={{ root: { '--mantine-color-error': 'var(--mantine-color-red-9)' } }}
            fileInputProps={{ 'data-testid': 'agreement-document' } as Record<string, string>}
          />
          <ErrorAlert error={add.error} />
          <div>
            <Button
              type="submit"
              loading={add.isPending}
              disabled={!title.trim() || !effectiveOn || !!fileProblem}
            >
              {t('partnerships.agreements.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </SectionCard>
  );
}
