/** An organization's members: roles, title and status; edit roles, deactivate or reactivate. */
import { Badge, Button, Group, Stack } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listMembers, updateMember } from '../../api/organizations.ts';
import type { Member } from '../../api/types.ts';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { describeError } from '../../components/describe-error.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ListTable } from '../../components/list-table.tsx';
import { RoleBadges } from '../../components/role-badges.tsx';
import { MemberEditModal } from './member-edit-modal.tsx';
import { notifyError, notifySuccess } from '../../components/notify.ts';

export function MembersTab({ organizationId, canUpdate }: { organizationId: string; canUpdate: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const key = ['members', organizationId];
  const members = useQuery({ queryKey: key, queryFn: () => listMembers(organizationId) });
  const [editing, setEditing] = useState<Member | null>(null);
  const setStatus = useMutation({
    mutationFn: (m: Member) =>
      updateMember(organizationId, m.membershipId, { status: m.status === 'active' ? 'inactive' : 'active' }),
    onSuccess: async () => {
      notifySuccess(t('admin.members.saved'));
      await client.invalidateQueries({ queryKey: key });
    },
    onError: (error) => notifyError(describeError(error, t)),
  });
  return (
    <Stack>
      <ErrorAlert error={members.error} />
      <ListTable<Member>
        label={t('admin.members.title')}
        records={members.data?.items}
        fetching={members.isFetching}
        idAccessor="membershipId"
        emptyText={t('admin.members.none')}
        columns={[
          { accessor: 'displayName', title: t('member.name') },
          { accessor: 'email', title: t('member.email') },
          { accessor: 'title', title: t('member.title'), render: (m) => m.title ?? '—' },
          { accessor: 'roles', title: t('member.roles'), render: (m) => <RoleBadges roles={m.roles} /> },
          {
            accessor: 'status',
            noWrap: true,
            title: t('common.status'),
            render: (m) => (
              <Badge variant="outline" color={m.status === 'active' ? 'teal' : 'gray'} tt="none">
                {t(`status.${m.status}`)}
              </Badge>
            ),
          },
          ...(canUpdate
            ? [
                {
                  accessor: 'actions',
                  title: t('common.actions'),
                  render: (m: Member) => (
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="light"
                        aria-label={t('admin.members.editNamed', { name: m.displayName })}
                        onClick={() => setEditing(m)}
                      >
                        {t('common.edit')}
                      </Button>
                      {m.status === 'active' ? (
                        <ConfirmButton
                          label={t('admin.members.deactivate')}
                          ariaLabel={t('admin.members.deactivateNamed', { name: m.displayName })}
                          title={t('admin.members.deactivateTitle')}
                          message={t('admin.members.deactivateMessage', { name: m.displayName })}
                          confirmLabel={t('admin.members.deactivate')}
                          onConfirm={() => setStatus.mutate(m)}
                        />
                      ) : (
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={t('admin.members.reactivateNamed', { name: m.displayName })}
                          onClick={() => setStatus.mutate(m)}
                        >
                          {t('admin.members.reactivate')}
                        </Button>
                      )}
                    </Group>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing ? (
        <MemberEditModal organizationId={organizationId} member={editing} onClose={() => setEditing(null)} />
      ) : null}
    </Stack>
  );
}
