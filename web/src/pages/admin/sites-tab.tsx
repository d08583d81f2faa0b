/** An organization's sites (locations): list, add and edit. */
import { Badge, Button, Group, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listSites } from '../../api/organizations.ts';
import type { Site } from '../../api/types.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ListTable } from '../../components/list-table.tsx';
import { SiteFormModal } from './site-form-modal.tsx';

export function SitesTab({ organizationId, canManage }: { organizationId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const sites = useQuery({ queryKey: ['sites', organizationId], queryFn: () => listSites(organizationId) });
  const [editing, setEditing] = useState<Site | 'new' | null>(null);
  return (
    <Stack>
      {canManage ? (
        <Group>
          <Button onClick={() => setEditing('new')}>{t('admin.sites.add')}</Button>
        </Group>
      ) : null}
      <ErrorAlert error={sites.error} />
      <ListTable<Site>
        label={t('admin.sites.title')}
        records={sites.data?.items}
        fetching={sites.isFetching}
        idAccessor="id"
        emptyText={t('admin.sites.none')}
        columns={[
          { accessor: 'name', title: t('site.name') },
          {
            accessor: 'address',
            title: t('organization.address'),
            render: (s) => [s.street, s.city, s.state, s.postalCode].filter(Boolean).join(', ') || '—',
          },
          { accessor: 'phone', title: t('organization.phone'), render: (s) => s.phone ?? '—' },
          { accessor: 'timezone', title: t('site.timezone'), render: (s) => s.timezone ?? '—' },
          {
            accessor: 'active',
            noWrap: true,
            title: t('common.status'),
            render: (s) => (
              <Badge variant="outline" color={s.active ? 'teal' : 'gray'} tt="none">
                {s.active ? t('status.active') : t('status.inactive')}
              </Badge>
            ),
          },
          ...(canManage
            ? [
                {
                  accessor: 'actions',
                  title: t('common.actions'),
                  render: (s: Site) => (
                    <Button
                      size="xs"
                      variant="light"
                      aria-label={t('admin.sites.editNamed', { name: s.name })}
                      onClick={() => setEditing(s)}
                    >
                      {t('common.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing ? (
        <SiteFormModal
          organizationId={organizationId}
          site={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </Stack>
  );
}
