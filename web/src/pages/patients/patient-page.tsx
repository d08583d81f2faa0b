/**
 * One patient (`/patients/:id`). Everyone who may see the patient gets the demographics; a reader from
 * another organization first sees the §2.32 notice and the consent's scope (the disclosure banner). The
 * holding organization also gets the consents (summary, record, revoke, print), the accounting of
 * disclosures and restriction requests. An unknown patient and one the organization may not see look
 * the same: "not found" (P4, P21).
 */
import { Alert, Anchor, Badge, Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../api/api-error.ts';
import type { PatientView } from '../../api/patients.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { SectionCard } from '../../components/section-card.tsx';
import { AccessBadge } from './access-badge.tsx';
import { ConsentsSection } from './consents-section.tsx';
import { DisclosureBanner } from './disclosure-banner.tsx';
import { EmergencyAccessForm } from './emergency-access-form.tsx';
import { fullName, usePatientAccess, usePatientLabels } from './patient-labels.ts';
import { usePatient } from './patient-queries.ts';
import { RestrictionsSection } from './restrictions-section.tsx';
import { useTransitionAccess } from '../transitions/transition-labels.ts';

/** "Patient not found": the same for an unknown patient and one the organization may not see. */
export function PatientNotFound({ error, emergencyFor }: { error: unknown; emergencyFor?: string }) {
  const { t } = useTranslation();
  const access = usePatientAccess();
  const notFound = isApiError(error) && error.status === 404;
  return (
    <Stack>
      <Anchor component={Link} to="/patients" size="sm">
        {t('patients.page.back')}
      </Anchor>
      <PageTitle>{notFound ? t('patients.page.notFoundTitle') : t('patients.title')}</PageTitle>
      {notFound ? (
        <Alert color="yellow" variant="light" role="alert">
          {t('patients.page.notFoundBody')}
        </Alert>
      ) : (
        <ErrorAlert error={error} />
      )}
      {notFound && emergencyFor && access.canEmergency ? (
        <EmergencyAccessForm patientId={emergencyFor} />
      ) : null}
    </Stack>
  );
}

export function PatientPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const access = usePatientAccess();
  const canStartTransition = useTransitionAccess().canManage;
  const patient = usePatient(id, params.get('purpose') === 'ETREAT' ? 'ETREAT' : undefined);
  if (patient.isPending) return <Loader aria-label={t('common.loading')} />;
  if (patient.isError) return <PatientNotFound error={patient.error} emergencyFor={id} />;
  const p = patient.data;
  const holder = p.access === 'holder';
  return (
    <Stack>
      <Anchor component={Link} to="/patients" size="sm">
        {t('patients.page.back')}
      </Anchor>
      <PageTitle
        actions={
          <Group gap="sm">
            <AccessBadge access={p.access} />
            {holder && canStartTransition ? (
              <Button component={Link} to={`/transitions/new?patient=${encodeURIComponent(p.id)}`}>
                {t('transitions.start')}
              </Button>
            ) : null}
          </Group>
        }
      >
        {fullName(p)}
      </PageTitle>
      {!holder && p.disclosure ? (
        <DisclosureBanner notice={p.disclosure} organizationName={p.holderOrganizationName} part2={p.part2} />
      ) : null}
      {!holder && !p.disclosure ? (
        <Alert color="red" variant="light" role="alert">
          {t('patients.banner.missing')}
        </Alert>
      ) : null}
      <Demographics patient={p} />
      {holder ? (
        <>
          <ConsentsSection patient={p} />
          {access.canReport ? (
            <SectionCard title={t('patients.disclosures.heading')}>
              <Stack gap="xs">
                <Text size="sm">{t('patients.disclosures.hint')}</Text>
                <div>
                  <Anchor component={Link} to={`/patients/${encodeURIComponent(p.id)}/disclosures`}>
                    {t('patients.disclosures.open')}
                  </Anchor>
                </div>
              </Stack>
            </SectionCard>
          ) : null}
          {access.canManageRestrictions ? <RestrictionsSection patient={p} /> : null}
        </>
      ) : null}
    </Stack>
  );
}

function Demographics({ patient: p }: { patient: PatientView }) {
  const { t } = useTranslation();
  const labels = usePatientLabels();
  const rows: [string, ReactNode][] = [
    [t('patients.fields.birthDate'), labels.day(p.birthDate)],
    [t('patients.fields.sex'), labels.sex(p.sex)],
    [t('patients.fields.genderIdentity'), p.genderIdentity ?? '—'],
    [
      t('patients.fields.mrn'),
      p.mrn ? t('patients.page.mrnAt', { mrn: p.mrn, org: p.holderOrganizationName }) : '—',
    ],
    [
      t('patients.fields.phones'),
      p.phones.length ? (
        <Stack gap={4}>
          {p.phones.map((phone, i) => (
            <Group key={`${phone.number}-${i}`} gap="xs" wrap="wrap">
              <Text size="sm">
                {phone.number} ({labels.phoneUse(phone.use)})
              </Text>
              <Badge color={phone.voicemailOk ? 'teal' : 'red'} variant="outline" tt="none">
                {phone.voicemailOk ? t('patients.page.voicemailOk') : t('patients.page.noVoicemail')}
              </Badge>
              <Badge color={phone.textOk ? 'teal' : 'red'} variant="outline" tt="none">
                {phone.textOk ? t('patients.page.textOk') : t('patients.page.noText')}
              </Badge>
            </Group>
          ))}
        </Stack>
      ) : (
        '—'
      ),
    ],
    [
      t('patients.fields.address'),
      p.unhoused
        ? t('patients.page.unhoused')
        : p.address
          ? `${p.address.street}, ${p.address.city}, ${p.address.state} ${p.address.postalCode}`
          : '—',
    ],
    [t('patients.fields.preferredLanguage'), labels.languageName(p.preferredLanguage)],
    [
      t('patients.fields.insurance'),
      p.insurance
        ? [labels.insuranceKind(p.insurance.kind), p.insurance.payerName, p.insurance.memberId]
            .filter(Boolean)
            .join(' · ')
        : '—',
    ],
    [t('patients.page.heldBy'), p.holderOrganizationName],
    [
      t('patients.page.protection'),
      p.part2 ? (
        <Badge color="orange" variant="light" tt="none">
          {t('patients.page.part2')}
        </Badge>
      ) : (
        t('patients.page.notPart2')
      ),
    ],
  ];
  return (
    <SectionCard title={t('patients.page.demographics')}>
      <Table variant="vertical" withTableBorder aria-label={t('patients.page.demographics')}>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row" w={220}>
                {label}
              </Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </SectionCard>
  );
}
