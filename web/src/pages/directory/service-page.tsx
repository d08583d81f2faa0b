/**
 * One service: every fact navigators refer on (medications, intake policies, eligibility, hours,
 * contact), its capacity with who reported it and when, and — for staff of the owning organization
 * who may report capacity — the one-click capacity buttons.
 */
import { Anchor, Badge, Button, Group, Loader, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  getService,
  INSURANCE_KINDS,
  MEDICATIONS,
  WEEKDAYS,
  type PlanAcceptance,
  type Service,
} from '../../api/directory.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { SectionCard } from '../../components/section-card.tsx';
import { useFormatDateTime } from '../../components/use-format.ts';
import { activeMembership, useSession } from '../../session/session-context.ts';
import { CapacityBadge } from './capacity-badge.tsx';
import { CapacityButtons } from './capacity-buttons.tsx';
import { useDirectoryLabels } from './directory-labels.ts';
import { canManageService } from './service-edit-page.tsx';

/** A term and its description, as a row of a description list. */
function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" fw={600}>
        {term}
      </Text>
      <Text component="dd" size="sm" m={0}>
        {children}
      </Text>
    </div>
  );
}

function Facts({ children }: { children: ReactNode }) {
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="sm" m={0}>
      {children}
    </SimpleGrid>
  );
}

function useYesNo() {
  const { t } = useTranslation();
  return (value: boolean) => (value ? t('directory.service.yes') : t('directory.service.no'));
}

function MedicationsSection({ service }: { service: Service }) {
  const { t } = useTranslation();
  const labels = useDirectoryLabels();
  const yesNo = useYesNo();
  return (
    <SectionCard title={t('directory.service.medications')}>
      <Table withTableBorder striped aria-label={t('directory.service.medicationTable')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('directory.service.medication')}</Table.Th>
            <Table.Th scope="col">{t('directory.service.start')}</Table.Th>
            <Table.Th scope="col">{t('directory.service.continue')}</Table.Th>
            <Table.Th scope="col">{t('directory.service.acceptsCurrent')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {MEDICATIONS.map((m) => {
            const policy = service.medications[m];
            return (
              <Table.Tr key={m}>
                <Table.Th scope="row">{labels.medication(m)}</Table.Th>
                <Table.Td>{yesNo(policy.start)}</Table.Td>
                <Table.Td>{yesNo(policy.continue)}</Table.Td>
                <Table.Td>{yesNo(policy.acceptsCurrent)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </SectionCard>
  );
}

function PoliciesSection({ service }: { service: Service }) {
  const { t } = useTranslation();
  const yesNo = useYesNo();
  const p = service.policies;
  return (
    <SectionCard title={t('directory.service.policies')}>
      <Facts>
        <Fact term={t('directory.service.harmReduction')}>
          {t(`directory.vocab.harmReduction.${p.harmReduction}`)}
        </Fact>
        <Fact term={t('directory.service.prerequisites')}>
          {p.prerequisites.length > 0
            ? p.prerequisites.map((code) => t(`directory.vocab.prerequisite.${code}`)).join(', ')
            : t('directory.service.prerequisitesNone')}
        </Fact>
        <Fact term={t('directory.service.walkIn')}>{yesNo(p.walkIn)}</Fact>
        <Fact term={t('directory.service.sameDayIntake')}>{yesNo(p.sameDayIntake)}</Fact>
        <Fact term={t('directory.service.nextDayIntake')}>{yesNo(p.nextDayIntake)}</Fact>
        <Fact term={t('directory.service.telehealth')}>{yesNo(p.telehealth)}</Fact>
      </Facts>
    </SectionCard>
  );
}

function EligibilitySection({ service }: { service: Service }) {
  const { t } = useTranslation();
  const labels = useDirectoryLabels();
  const e = service.eligibility;
  const plans = (value: PlanAcceptance | undefined) =>
    value === undefined
      ? t('directory.service.notAccepted')
      : value === 'all'
        ? t('directory.service.planAll')
        : t('directory.service.plansSome', { plans: value.join(', ') });
  const ages =
    e.minAge !== undefined && e.maxAge !== undefined
      ? `${e.minAge}–${e.maxAge}`
      : e.minAge !== undefined
        ? `${e.minAge}+`
        : e.maxAge !== undefined
          ? `≤ ${e.maxAge}`
          : t('directory.service.agesAny');
  return (
    <SectionCard title={t('directory.service.eligibility')}>
      <Facts>
        <Fact term={t('directory.service.ages')}>{ages}</Fact>
        <Fact term={t('directory.service.genders')}>
          {e.genders === 'any'
            ? t('directory.service.gendersAny')
            : e.genders.map((g) => t(`directory.vocab.gender.${g}`)).join(', ')}
        </Fact>
        <Fact term={t('directory.service.insurance')}>
          {e.insurance ? (
            <>
              {INSURANCE_KINDS.filter((k) => k !== 'uninsured').map((k) => (
                <span key={k} style={{ display: 'block' }}>
                  {labels.insurance(k)}: {plans(e.insurance?.[k as 'medicaid' | 'medicare' | 'commercial'])}
                </span>
              ))}
              <span style={{ display: 'block' }}>
                {t('directory.service.uninsured')}:{' '}
                {e.insurance.uninsured
                  ? t(`directory.vocab.uninsuredTerms.${e.insurance.uninsured}`)
                  : t('directory.service.notAccepted')}
              </span>
            </>
          ) : (
            t('directory.service.insuranceNotStated')
          )}
        </Fact>
        <Fact term={t('directory.service.languages')}>
          {e.languages.length > 0
            ? e.languages.map((tag) => labels.language(tag)).join(', ')
            : t('directory.service.languagesNone')}
        </Fact>
        <Fact term={t('directory.service.accessibility')}>
          {e.accessibility.length > 0
            ? e.accessibility.map((f) => labels.feature(f)).join(', ')
            : t('directory.service.accessibilityNone')}
        </Fact>
        {service.location?.serviceArea ? (
          <Fact term={t('directory.service.serviceArea')}>
            {[
              service.location.serviceArea.radiusKm !== undefined
                ? t('directory.service.radius', { km: service.location.serviceArea.radiusKm })
                : null,
              service.location.serviceArea.zips?.length
                ? t('directory.service.zips', { zips: service.location.serviceArea.zips.join(', ') })
                : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Fact>
        ) : null}
      </Facts>
    </SectionCard>
  );
}

function HoursSection({ service }: { service: Service }) {
  const { t } = useTranslation();
  const hours = service.intakeHours;
  return (
    <SectionCard title={t('directory.service.hours')}>
      <Stack gap="xs">
        {hours ? (
          <Table withTableBorder striped aria-label={t('directory.service.hoursTable')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('directory.service.day')}</Table.Th>
                <Table.Th scope="col">{t('directory.service.hoursOfDay')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {WEEKDAYS.map((day) => (
                <Table.Tr key={day}>
                  <Table.Th scope="row">{t(`directory.vocab.weekday.${day}`)}</Table.Th>
                  <Table.Td>
                    {hours[day]?.length ? hours[day].join(', ') : t('directory.service.closed')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Text size="sm">{t('directory.service.hoursUnknown')}</Text>
        )}
        <Text size="sm">{t('directory.service.timezone', { zone: service.timezone })}</Text>
        {service.holidays.length > 0 ? (
          <Text size="sm">{t('directory.service.holidays', { dates: service.holidays.join(', ') })}</Text>
        ) : null}
      </Stack>
    </SectionCard>
  );
}

function ContactSection({ service }: { service: Service }) {
  const { t } = useTranslation();
  const none = t('directory.service.none');
  const ack = service.acknowledgement;
  return (
    <SectionCard title={t('directory.service.contact')}>
      <Facts>
        <Fact term={t('directory.service.phone')}>
          {service.phone ? <Anchor href={`tel:${service.phone}`}>{service.phone}</Anchor> : none}
        </Fact>
        <Fact term={t('directory.service.email')}>
          {service.email ? <Anchor href={`mailto:${service.email}`}>{service.email}</Anchor> : none}
        </Fact>
        <Fact term={t('directory.service.website')}>
          {service.url ? (
            <Anchor href={service.url} target="_blank" rel="noreferrer">
              {service.url}
            </Anchor>
          ) : (
            none
          )}
        </Fact>
        <Fact term={t('directory.service.referralChannel')}>{service.referralChannel ?? none}</Fact>
        <Fact term={t('directory.service.acknowledgement')}>
          {ack ? t(`directory.vocab.acknowledgementUnit.${ack.unit}`, { count: ack.amount }) : none}
        </Fact>
      </Facts>
    </SectionCard>
  );
}

function CapacitySection({ service, canUpdate }: { service: Service; canUpdate: boolean }) {
  const { t } = useTranslation();
  const session = useSession();
  const labels = useDirectoryLabels();
  const when = useFormatDateTime();
  const c = service.capacity;
  const by = c.updatedBy;
  const who =
    by === null
      ? null
      : by === session.user.id
        ? t('directory.capacity.whoYou')
        : by === 'demo'
          ? t('directory.capacity.whoDemo')
          : by.startsWith('import:')
            ? t('directory.capacity.whoImport', { source: by.slice('import:'.length) })
            : t('directory.capacity.whoStaff', { organization: service.organizationName });
  return (
    <SectionCard title={t('directory.capacity.label')}>
      <Stack gap="sm" data-testid="service-capacity">
        <Group gap="sm">
          <CapacityBadge capacity={c} />
          {c.expectedWaitDays !== undefined ? (
            <Text size="sm">{t('directory.capacity.waitDays', { count: c.expectedWaitDays })}</Text>
          ) : null}
        </Group>
        {c.updatedAt && who ? (
          <Text size="sm">{t('directory.capacity.reportedBy', { who, when: when(c.updatedAt) })}</Text>
        ) : (
          <Text size="sm">{t('directory.capacity.notReported')}</Text>
        )}
        {c.stale && c.reportedStatus ? (
          <Text size="sm">
            {t('directory.capacity.lastReported', { status: labels.capacityStatus(c.reportedStatus) })}
          </Text>
        ) : null}
        {canUpdate ? <CapacityButtons service={service} /> : null}
      </Stack>
    </SectionCard>
  );
}

export function ServicePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const session = useSession();
  const labels = useDirectoryLabels();
  const service = useQuery({ queryKey: ['directory', 'service', id], queryFn: () => getService(id) });

  const back = (
    <Anchor component={Link} to="/directory" size="sm">
      {t('directory.service.back')}
    </Anchor>
  );
  if (service.isPending) return <Loader aria-label={t('common.loading')} />;
  if (service.isError) {
    return (
      <Stack>
        {back}
        <PageTitle>{t('directory.service.notFound')}</PageTitle>
        <ErrorAlert error={service.error} />
      </Stack>
    );
  }
  const s = service.data;
  // The server decides (`service.capacity`: the owning organization's staff); this only hides buttons
  // that would be refused.
  const canUpdate =
    session.permissions.includes('service.capacity') &&
    activeMembership(session)?.organization.id === s.organizationId;
  const address = [s.address.street, s.address.city, s.address.state, s.address.postalCode]
    .filter(Boolean)
    .join(', ');

  return (
    <Stack>
      {back}
      <PageTitle
        actions={
          canManageService(session, s) ? (
            <Button component={Link} to={`/directory/services/${encodeURIComponent(s.id)}/edit`}>
              {t('directory.edit.button')}
            </Button>
          ) : undefined
        }
      >
        {s.name}
      </PageTitle>
      <Group gap="xs">
        <Badge variant="outline" tt="none">
          {labels.kind(s.kind)}
        </Badge>
        <Badge variant="outline" color={s.status === 'active' ? 'teal' : 'gray'} tt="none">
          {t(`directory.vocab.serviceStatus.${s.status}`)}
        </Badge>
      </Group>
      <SectionCard title={t('directory.service.about')}>
        <Facts>
          <Fact term={t('directory.service.organization')}>{s.organizationName}</Fact>
          <Fact term={t('directory.service.site')}>{s.siteName}</Fact>
          <Fact term={t('directory.service.address')}>{address || t('directory.service.none')}</Fact>
          {s.description ? <Fact term={t('directory.service.description')}>{s.description}</Fact> : null}
        </Facts>
      </SectionCard>
      <CapacitySection service={s} canUpdate={canUpdate} />
      <MedicationsSection service={s} />
      <PoliciesSection service={s} />
      <EligibilitySection service={s} />
      <HoursSection service={s} />
      <ContactSection service={s} />
    </Stack>
  );
}
