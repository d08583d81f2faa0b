/** Browse the network's services: search by name, organization or city; filter by kind and capacity. */
import { Anchor, Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  CAPACITY_STATUSES,
  listServices,
  SERVICE_KINDS,
  type EffectiveCapacityStatus,
  type Service,
  type ServiceKind,
} from '../../api/directory.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ListTable } from '../../components/list-table.tsx';
import { CapacityBadge } from './capacity-badge.tsx';
import { useDirectoryLabels } from './directory-labels.ts';

const PAGE = 25;

export function BrowseServicesSection() {
  const { t } = useTranslation();
  const labels = useDirectoryLabels();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<ServiceKind | ''>('');
  const [capacity, setCapacity] = useState<EffectiveCapacityStatus | ''>('');
  const [offset, setOffset] = useState(0);
  const [query] = useDebouncedValue(q.trim(), 300);
  const services = useQuery({
    queryKey: ['directory', 'services', { q: query, kind, capacity, offset }],
    queryFn: () => listServices({ q: query, kind, capacity, limit: PAGE, offset }),
    placeholderData: keepPreviousData,
  });
  const total = services.data?.total ?? 0;
  const shown = services.data?.items.length ?? 0;

  return (
    <Stack>
      <Group align="flex-end" role="search" aria-label={t('directory.browse.filters')}>
        <TextInput
          label={t('directory.browse.search')}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setOffset(0);
          }}
        />
        <NativeSelect
          label={t('directory.browse.kind')}
          value={kind}
          onChange={(e) => {
            setKind(e.currentTarget.value as ServiceKind | '');
            setOffset(0);
          }}
          data={[
            { value: '', label: t('directory.browse.all') },
            ...SERVICE_KINDS.map((k) => ({ value: k, label: labels.kind(k) })),
          ]}
        />
        <NativeSelect
          label={t('directory.browse.capacity')}
          value={capacity}
          onChange={(e) => {
            setCapacity(e.currentTarget.value as EffectiveCapacityStatus | '');
            setOffset(0);
          }}
          data={[
            { value: '', label: t('directory.browse.all') },
            ...[...CAPACITY_STATUSES, 'unknown' as const].map((s) => ({
              value: s,
              label: labels.capacityStatus(s),
            })),
          ]}
        />
      </Group>
      <ErrorAlert error={services.error} />
      <ListTable<Service>
        label={t('directory.browse.table')}
        records={services.data?.items}
        fetching={services.isFetching}
        idAccessor="id"
        columns={[
          {
            accessor: 'name',
            title: t('directory.browse.table'),
            render: (s) => (
              <Anchor component={Link} to={`/directory/services/${s.id}`}>
                {s.name}
              </Anchor>
            ),
          },
          { accessor: 'organizationName', title: t('directory.result.organization') },
          { accessor: 'kind', title: t('directory.result.kind'), render: (s) => labels.kind(s.kind) },
          {
            accessor: 'address.city',
            title: t('directory.service.address'),
            render: (s) => s.address.city ?? '—',
          },
          {
            accessor: 'capacity',
            title: t('directory.capacity.label'),
            render: (s) => <CapacityBadge capacity={s.capacity} />,
          },
        ]}
      />
      <Group justify="space-between">
        <Text size="sm" aria-live="polite">
          {total > 0
            ? t('directory.browse.showing', { from: offset + 1, to: offset + shown, total })
            : t('directory.browse.total', { count: 0 })}
        </Text>
        <Group gap="xs">
          <Button
            variant="default"
            disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - PAGE))}
          >
            {t('directory.browse.previous')}
          </Button>
          <Button
            variant="default"
            disabled={offset + PAGE >= total}
            onClick={() => setOffset(offset + PAGE)}
          >
            {t('directory.browse.next')}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
