/**
 * Partnerships home: the active organization's partnerships (partner, status, agreements due for
 * renewal), a form to start one with an organization of the other kind, and — for the network
 * convener — the network's partnerships in aggregate.
 */
import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getPartnership, listPartnerships, type PartnershipSummary } from '../../api/partnerships.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ListTable } from '../../components/list-table.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { SectionCard } from '../../components/section-card.tsx';
import { useFormatDateTime } from '../../components/use-format.ts';
import { activeMembership, useSession } from '../../session/session-context.ts';
import { NetworkOverview } from './network-overview.tsx';
import { expiryState, usePartnershipAccess, usePartnershipLabels } from './partnership-labels.ts';
import { PartnershipStatusBadge } from './partnership-status-badge.tsx';
import { StartPartnershipForm } from './start-partnership-form.tsx';
import { partnershipKey } from './use-workspace.ts';

export const PARTNERSHIP_LIST_KEY = ['partnerships', 'list'] as const;

interface Row extends PartnershipSummary {
  partnerName: string;
  expiring: number;
  expired: number;
}

export function PartnershipsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const access = usePartnershipAccess();
  const ownId = activeMembership(session)?.organization.id;
  const list = useQuery({ queryKey: PARTNERSHIP_LIST_KEY, queryFn: listPartnerships, enabled: !!ownId });
  const items = list.data?.items ?? [];
  // The list carries no agreements: each workspace (usually a handful) tells which ones are due for renewal.
  const workspaces = useQueries({
    queries: items.map((p) => ({ queryKey: partnershipKey(p.id), queryFn: () => getPartnership(p.id) })),
  });
  const rows: Row[] = items.map((p, i) => {
    const agreements = workspaces[i]?.data?.agreements ?? [];
    const states = agreements.map((a) => expiryState(a.daysUntilExpiry));
    return {
      ...p,
      partnerName: p.hospital.id === ownId ? p.cbo.name : p.hospital.name,
      expiring: states.filter((s) => s === 'soon').length,
      expired: states.filter((s) => s === 'expired').length,
    };
  });
  const existing = items
    .filter((p) => p.status !== 'ended')
    .map((p) => (p.hospital.id === ownId ? p.cbo.id : p.hospital.id));

  return (
    <Stack>
      <PageTitle>{t('partnerships.title')}</PageTitle>
      <Text size="sm">{t('partnerships.intro')}</Text>
      {access.canAggregate ? <NetworkOverview /> : null}
      {ownId ? (
        <SectionCard title={t('partnerships.list.heading')}>
          <Stack>
            <ErrorAlert error={list.error} />
            <PartnershipTable rows={rows} fetching={list.isFetching} />
          </Stack>
        </SectionCard>
      ) : (
        <Text>{t('partnerships.list.noOrganization')}</Text>
      )}
      {ownId && access.canCreate ? (
        <StartPartnershipForm ownId={ownId} existingPartnerIds={existing} />
      ) : null}
    </Stack>
  );
}

function PartnershipTable({ rows, fetching }: { rows: Row[]; fetching: boolean }) {
  const { t } = useTranslation();
  const labels = usePartnershipLabels();
  const formatDateTime = useFormatDateTime();
  return (
    <ListTable<Row>
      label={t('partnerships.list.label')}
      records={rows}
      fetching={fetching}
      idAccessor="id"
      emptyText={t('partnerships.list.none')}
      columns={[
        {
          accessor: 'partnerName',
          title: t('partnerships.list.partner'),
          render: (p) => (
            <Stack gap={4}>
              <Anchor component={Link} to={`/partnerships/${p.id}`}>
                {p.partnerName}
              </Anchor>
              {p.expiring > 0 || p.expired > 0 ? (
                <Group gap={4}>
                  {p.expiring > 0 ? (
                    <Badge color="orange" variant="light" tt="none" data-testid="expiring-flag">
                      {t('partnerships.agreements.expiringFlag')}
                    </Badge>
                  ) : null}
                  {p.expired > 0 ? (
                    <Badge color="red" variant="light" tt="none">
                      {t('partnerships.agreements.expiredFlag')}
                    </Badge>
                  ) : null}
                </Group>
              ) : null}
            </Stack>
          ),
        },
        {
          accessor: 'status',
          title: t('partnerships.list.status'),
          render: (p) => <PartnershipStatusBadge status={p.status} />,
        },
        {
          accessor: 'startedOn',
          title: t('partnerships.list.startedOn'),
          render: (p) => labels.day(p.startedOn),
        },
        {
          accessor: 'updatedAt',
          title: t('partnerships.list.updatedAt'),
          render: (p) => formatDateTime(p.updatedAt),
        },
      ]}
    />
  );
}
