/**
 * Accounting of disclosures (`/patients/:id/disclosures`, §2.25, P15; §2.24 intermediary list, P16):
 * every disclosure of the patient's records in a period (three years by default) — when, to whom, what,
 * why and on what basis — for the holding organization, with CSV and PDF downloads of the same report.
 */
import {
  Anchor,
  Button,
  Group,
  Loader,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  disclosureReportUrl,
  getDisclosureReport,
  type DisclosureEntry,
  type DisclosureKind,
  type DisclosurePeriod,
} from '../../api/consents.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ListTable } from '../../components/list-table.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { SectionCard } from '../../components/section-card.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { fullName, todayIso, usePatientLabels, yearsAgoIso } from './patient-labels.ts';
import { PatientNotFound } from './patient-page.tsx';
import { usePatient } from './patient-queries.ts';

export function DisclosuresPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const patient = usePatient(id);
  if (patient.isPending) return <Loader aria-label={t('common.loading')} />;
  if (patient.isError) return <PatientNotFound error={patient.error} />;
  return <Report patientId={id} name={fullName(patient.data)} />;
}

function Report({ patientId, name }: { patientId: string; name: string }) {
  const { t } = useTranslation();
  const labels = usePatientLabels();
  const language = currentLanguage();
  const [from, setFrom] = useState(yearsAgoIso(3));
  const [to, setTo] = useState(todayIso());
  const [kind, setKind] = useState<DisclosureKind>('all');
  const [period, setPeriod] = useState<DisclosurePeriod>({ from, to, kind });
  const report = useQuery({
    queryKey: ['patients', 'disclosures', patientId, period],
    queryFn: () => getDisclosureReport(patientId, period),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setPeriod({ from: from || undefined, to: to || undefined, kind });
  };

  return (
    <Stack>
      <Anchor component={Link} to={`/patients/${encodeURIComponent(patientId)}`} size="sm">
        {t('patients.wizard.back', { name })}
      </Anchor>
      <PageTitle>{t('patients.disclosures.title', { name })}</PageTitle>
      <Text size="sm">{t('patients.disclosures.intro')}</Text>
      <SectionCard title={t('patients.disclosures.period')}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                type="date"
                label={t('patients.disclosures.from')}
                value={from}
                max={to || undefined}
                onChange={(e) => setFrom(e.currentTarget.value)}
              />
              <TextInput
                type="date"
                label={t('patients.disclosures.to')}
                value={to}
                min={from || undefined}
                onChange={(e) => setTo(e.currentTarget.value)}
              />
              <NativeSelect
                label={t('patients.disclosures.kind')}
                value={kind}
                onChange={(e) => setKind(e.currentTarget.value === 'intermediary' ? 'intermediary' : 'all')}
                data={[
                  { value: 'all', label: t('patients.disclosures.kindAll') },
                  { value: 'intermediary', label: t('patients.disclosures.kindIntermediary') },
                ]}
              />
            </SimpleGrid>
            <Group>
              <Button type="submit">{t('patients.disclosures.show')}</Button>
              <Anchor href={disclosureReportUrl(patientId, 'csv', period, language)} download>
                {t('patients.disclosures.csv')}
              </Anchor>
              <Anchor
                href={disclosureReportUrl(patientId, 'pdf', period, language)}
                target="_blank"
                rel="noreferrer"
              >
                {t('patients.disclosures.pdf')}
              </Anchor>
            </Group>
          </Stack>
        </form>
      </SectionCard>
      <SectionCard title={t('patients.disclosures.list')}>
        <Stack>
          <ErrorAlert error={report.error} />
          {report.data ? (
            <Text size="sm">
              {t('patients.disclosures.summary', {
                count: report.data.items.length,
                from: labels.day(report.data.from),
                to: labels.day(report.data.to),
              })}
            </Text>
          ) : null}
          <ListTable<DisclosureEntry>
            label={t('patients.disclosures.list')}
            records={report.data?.items}
            fetching={report.isFetching}
            idAccessor="id"
            emptyText={t('patients.disclosures.none')}
            columns={[
              {
                accessor: 'at',
                title: t('patients.disclosures.at'),
                noWrap: true,
                render: (d) => labels.dateTime(d.at),
              },
              {
                accessor: 'recipientOrganizationName',
                title: t('patients.disclosures.recipient'),
                render: (d) => `${d.recipientOrganizationName} (${d.recipientUserName})`,
              },
              { accessor: 'description', title: t('patients.disclosures.description') },
              {
                accessor: 'purpose',
                title: t('patients.disclosures.purpose'),
                render: (d) => labels.capital(labels.purpose(d.purpose)),
              },
              {
                accessor: 'basis',
                title: t('patients.disclosures.basis'),
                render: (d) =>
                  d.basis === 'emergency'
                    ? t('patients.disclosures.basisEmergency')
                    : d.generalDesignation
                      ? t('patients.disclosures.basisDesignation')
                      : t('patients.disclosures.basisConsent'),
              },
            ]}
          />
        </Stack>
      </SectionCard>
    </Stack>
  );
}
