/** Organizations of the network: filter by kind, CBO subtype and name; open one; create (conveners). */
import { Anchor, Badge, Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listOrganizations } from '../../api/organizations.ts';
import type { Organization } from '../../api/types.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ListTable } from '../../components/list-table.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { useLabels } from '../../components/use-labels.ts';
import { useAccess } from '../../session/session-context.ts';
import { CBO_SUBTYPES, ORGANIZATION_KINDS } from '../../vocabulary.ts';

export function OrganizationsPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const access = useAccess();
  const [kind, setKind] = useState('');
  const [subtype, setSubtype] = useState('');
  const [q, setQ] = useState('');
  const [query] = useDebouncedValue(q.trim(), 300);
  const organizations = useQuery({
    queryKey: ['organizations', { kind, q: query }],
    queryFn: () => listOrganizations({ kind, q: query }),
  });
  const records = organizations.data?.items.filter((o) => !subtype || o.cboSubtype === subtype);
  return (
    <Stack>
      <PageTitle
        actions={
          access.can('organization.create') ? (
            <Button component={Link} to="/admin/organizations/new">
              {t('admin.organizations.create')}
            </Button>
          ) : null
        }
      >
        {t('admin.organizations.title')}
      </PageTitle>
      <Group align="flex-end" role="search" aria-label={t('admin.organizations.filters')}>
        <TextInput label={t('common.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
        <NativeSelect
          label={t('organization.kind')}
          value={kind}
          onChange={(e) => {
            setKind(e.currentTarget.value);
            if (e.currentTarget.value && e.currentTarget.value !== 'cbo') setSubtype('');
          }}
          data={[
            { value: '', label: t('common.all') },
            ...ORGANIZATION_KINDS.map((k) => ({ value: k, label: labels.kind(k) })),
          ]}
        />
        <NativeSelect
          label={t('organization.cboSubtype')}
          value={subtype}
          disabled={kind !== '' && kind !== 'cbo'}
          onChange={(e) => setSubtype(e.currentTarget.value)}
          data={[
            { value: '', label: t('common.all') },
            ...CBO_SUBTYPES.map((s) => ({ value: s, label: labels.subtype(s) })),
          ]}
        />
      </Group>
      <ErrorAlert error={organizations.error} />
      <ListTable<Organization>
        label={t('admin.organizations.title')}
        records={records}
        fetching={organizations.isFetching}
        idAccessor="id"
        columns={[
          {
            accessor: 'name',
            title: t('organization.name'),
            render: (o) => (
              <Anchor component={Link} to={`/admin/organizations/${o.id}`}>
                {o.name}
              </Anchor>
            ),
          },
          { accessor: 'kind', title: t('organization.kind'), render: (o) => labels.kind(o.kind) },
          {
            accessor: 'cboSubtype',
            title: t('organization.cboSubtype'),
            render: (o) => labels.subtype(o.cboSubtype),
          },
          { accessor: 'city', title: t('organization.city'), render: (o) => o.city ?? '—' },
          {
            accessor: 'part2LegalStatus',
            title: t('organization.part2LegalStatus'),
            render: (o) => labels.part2Status(o.part2LegalStatus),
          },
          {
            accessor: 'active',
            noWrap: true,
            title: t('common.status'),
            render: (o) => (
              <Badge variant="outline" color={o.active ? 'teal' : 'gray'} tt="none">
                {o.active ? t('status.active') : t('status.inactive')}
              </Badge>
            ),
          },
        ]}
      />
    </Stack>
  );
}
