/**
 * Accounting of disclosures (`/patients/:id/disclosures`, §2.25, P15; §2.24 intermediary list, P16):
 * every disclosure of the patient's records in a period (three years by default) — when, to whom, what,
 * why and on what basis — for the holding organization, with CSV and PDF downloads of the same report.
 * Below it, the patient's written requests for the §2.24 list: log one (received day, not in the future,
 * and a note) and see each with its due day (received + 30 days) and whether it is fulfilled.
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
  Textarea,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { fieldError } from '../../api/api-error.ts';
import {
  disclosureReportUrl,
  getDisclosureReport,
  listPatientListRequests,
  recordListRequest,
  type DisclosureEntry,
  type DisclosureKind,
  type DisclosureListRequestView,
  type DisclosurePeriod,
} from '../../api/consents.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ListTable } from '../../components/list-table.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { SectionCard } from '../../components/section-card.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { DueDay, listRequestsKey, RequestState } from './list-requests-page.tsx';
import { fullName, orNull, todayIso, usePatientLabels, yearsAgoIso } from './patient-labels.ts';
import { PatientNotFound } from './patient-page.tsx';
import { usePatient } from './patient-queries.ts';

export function DisclosuresPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const patient = usePatient(id);
  if (patient.isPending) return <Loader aria-label={t('common.loading')} />;
  if (patient.isError) return <PatientNotFound error={patient.error} />;
  return (
    <Stack>
      <Report patientId={id} name={fullName(patient.data)} />
      <ListRequests patientId={id} />
    </Stack>
  );
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

/** The patient's §2.24 written requests for the list of disclosures, and the form that logs one. */
function ListRequests({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const labels = usePatientLabels();
  const requests = useQuery({
    queryKey: [...listRequestsKey, 'patient', patientId],
    queryFn: () => listPatientListRequests(patientId),
  });
  const mine = requests.data?.items;
  return (
    <SectionCard title={t('patients.disclosures.requests')}>
      <Stack>
        <Text size="sm">{t('patients.disclosures.requestsHint')}</Text>
        <ErrorAlert error={requests.error} />
        <Stack
          gap="xs"
          data-testid="patient-list-requests"
          data-state={requests.isFetching ? 'loading' : requests.isSuccess ? 'loaded' : 'idle'}
        >
          <ListTable<DisclosureListRequestView>
            label={t('patients.disclosures.requestsList')}
            records={mine}
            fetching={requests.isFetching}
            idAccessor="id"
            emptyText={t('patients.disclosures.requestsNone')}
            columns={[
              {
                accessor: 'receivedOn',
                title: t('patients.listRequests.receivedOn'),
                noWrap: true,
                render: (r) => labels.day(r.receivedOn),
              },
              {
                accessor: 'dueOn',
                title: t('patients.listRequests.dueOn'),
                noWrap: true,
                render: (r) => <DueDay request={r} />,
              },
              {
                accessor: 'note',
                title: t('patients.listRequests.note'),
                render: (r) => (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {r.note ?? '—'}
                  </Text>
                ),
              },
              { accessor: 'recordedByName', title: t('patients.listRequests.recordedBy') },
              {
                accessor: 'fulfilledAt',
                title: t('patients.listRequests.state'),
                render: (r) => <RequestState request={r} />,
              },
            ]}
          />
          <div>
            <Anchor component={Link} to="/patients/list-requests" size="sm">
              {t('patients.disclosures.worklist')}
            </Anchor>
          </div>
        </Stack>
        <ListRequestForm patientId={patientId} />
      </Stack>
    </SectionCard>
  );
}

function ListRequestForm({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const labels = usePatientLabels();
  const client = useQueryClient();
  const today = todayIso();
  const [receivedOn, setReceivedOn] = useState(today);
  const [note, setNote] = useState('');
  const record = useMutation({
    mutationFn: () => recordListRequest(patientId, { receivedOn, note: orNull(note) }),
    onSuccess: async (request) => {
      await client.invalidateQueries({ queryKey: listRequestsKey });
      notifySuccess(t('patients.disclosures.requestLogged', { date: labels.day(request.dueOn) }));
      setReceivedOn(todayIso());
      setNote('');
    },
  });
  // A date input's value is `YYYY-MM-DD`, so the days compare as strings.
  const future = !!receivedOn && receivedOn > today;
  const ready = !!receivedOn && !future;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (ready) record.mutate();
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('patients.disclosures.logRequest')}>
      <Stack>
        <Text fw={600} size="sm">
          {t('patients.disclosures.logRequest')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="date"
            label={t('patients.disclosures.requestReceivedOn')}
            description={t('patients.disclosures.requestReceivedHint')}
            required
            max={today}
            value={receivedOn}
            onChange={(e) => setReceivedOn(e.currentTarget.value)}
            error={future ? t('patients.disclosures.requestFuture') : fieldError(record.error, 'receivedOn')}
          />
        </SimpleGrid>
        <Textarea
          label={t('patients.disclosures.requestNote')}
          autosize
          minRows={2}
          maxLength={1000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={fieldError(record.error, 'note')}
        />
        <ErrorAlert error={record.error} />
        <div>
          <Button type="submit" loading={record.isPending} disabled={!ready}>
            {t('patients.disclosures.requestSubmit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
