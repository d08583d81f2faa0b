/**
 * Patients home (`/patients`): search the patients the active organization can see — its own and those
 * another organization shared with it by consent (or a medical emergency) — by name or MRN and an
 * optional date of birth; an empty search lists them all. The search lives in the address (`?q=&birthDate=`).
 */
import { Anchor, Button, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { searchPatients, type PatientListItem } from '../../api/patients.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ListTable } from '../../components/list-table.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { SectionCard } from '../../components/section-card.tsx';
import { activeMembership, useAccess, useSession } from '../../session/session-context.ts';
import { AccessBadge } from './access-badge.tsx';
import { fullName, usePatientAccess, usePatientLabels } from './patient-labels.ts';
import { patientSearchKey, patientUrl } from './patient-queries.ts';

export function PatientsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const access = usePatientAccess();
  const canReviewEmergencies = useAccess().can('emergency.review');
  const ownId = activeMembership(session)?.organization.id;
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const birthDate = params.get('birthDate') ?? '';
  const [text, setText] = useState(q);
  const [day, setDay] = useState(birthDate);
  const results = useQuery({
    queryKey: patientSearchKey(q, birthDate),
    queryFn: () => searchPatients({ q, birthDate: birthDate || undefined, limit: 100 }),
    enabled: !!ownId,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (text.trim()) next.q = text.trim();
    if (day) next.birthDate = day;
    setParams(next);
  };
  const clear = () => {
    setText('');
    setDay('');
    setParams({});
  };

  return (
    <Stack>
      <PageTitle
        actions={
          ownId && (canReviewEmergencies || access.canReport || access.canRegister) ? (
            <Group>
              {canReviewEmergencies ? (
                <Button component={Link} to="/patients/emergency-review" variant="default">
                  {t('patients.emergencyReview.link')}
                </Button>
              ) : null}
              {access.canReport ? (
                <Button component={Link} to="/patients/list-requests" variant="default">
                  {t('patients.listRequests.link')}
                </Button>
              ) : null}
              {access.canRegister ? (
                <Button component={Link} to="/patients/new">
                  {t('patients.list.register')}
                </Button>
              ) : null}
            </Group>
          ) : null
        }
      >
        {t('patients.title')}
      </PageTitle>
      <Text size="sm">{t('patients.intro')}</Text>
      {ownId ? (
        <>
          <SectionCard title={t('patients.search.heading')}>
            <form onSubmit={submit} role="search" aria-label={t('patients.search.heading')}>
              <Stack>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput
                    label={t('patients.search.q')}
                    description={t('patients.search.qHint')}
                    maxLength={200}
                    value={text}
                    onChange={(e) => setText(e.currentTarget.value)}
                  />
                  <TextInput
                    type="date"
                    label={t('patients.search.birthDate')}
                    value={day}
                    onChange={(e) => setDay(e.currentTarget.value)}
                  />
                </SimpleGrid>
                <Group>
                  <Button type="submit">{t('common.search')}</Button>
                  {q || birthDate ? (
                    <Button variant="default" onClick={clear}>
                      {t('patients.search.clear')}
                    </Button>
                  ) : null}
                </Group>
              </Stack>
            </form>
          </SectionCard>
          <SectionCard title={q || birthDate ? t('patients.list.results') : t('patients.list.heading')}>
            <Stack
              data-testid="patient-results"
              data-state={results.isFetching ? 'loading' : results.isSuccess ? 'loaded' : 'idle'}
            >
              <ErrorAlert error={results.error} />
              <PatientTable
                rows={results.data?.items}
                fetching={results.isFetching}
                searched={!!(q || birthDate)}
              />
            </Stack>
          </SectionCard>
        </>
      ) : (
        <Text>{t('patients.list.noOrganization')}</Text>
      )}
    </Stack>
  );
}

function PatientTable({
  rows,
  fetching,
  searched,
}: {
  rows: PatientListItem[] | undefined;
  fetching: boolean;
  searched: boolean;
}) {
  const { t } = useTranslation();
  const labels = usePatientLabels();
  return (
    <ListTable<PatientListItem>
      label={t('patients.list.label')}
      records={rows}
      fetching={fetching}
      idAccessor="id"
      emptyText={searched ? t('patients.list.noMatch') : t('patients.list.none')}
      columns={[
        {
          accessor: 'familyName',
          title: t('patients.fields.name'),
          render: (p) => (
            <Anchor component={Link} to={patientUrl(p.id, p.access)}>
              {fullName(p)}
            </Anchor>
          ),
        },
        {
          accessor: 'birthDate',
          title: t('patients.fields.birthDate'),
          noWrap: true,
          render: (p) => labels.day(p.birthDate),
        },
        { accessor: 'mrn', title: t('patients.fields.mrn'), render: (p) => p.mrn ?? '—' },
        { accessor: 'holderOrganizationName', title: t('patients.list.heldBy') },
        {
          accessor: 'access',
          title: t('patients.list.access'),
          render: (p) => <AccessBadge access={p.access} />,
        },
      ]}
    />
  );
}
