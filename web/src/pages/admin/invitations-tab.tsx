/** Invite people by e-mail with roles; list invitations and revoke pending ones. */
import { Button, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../api/api-error.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { createInvitation, listInvitations, revokeInvitation } from '../../api/organizations.ts';
import type { Invitation } from '../../api/types.ts';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { describeError } from '../../components/describe-error.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ListTable } from '../../components/list-table.tsx';
import { RoleBadges } from '../../components/role-badges.tsx';
import { RolesCheckboxes } from '../../components/roles-checkboxes.tsx';
import { StatusBadge, statusOf } from '../../components/status-badge.tsx';
import { useFormatDateTime } from '../../components/use-format.ts';
import { notifyError, notifySuccess } from '../../components/notify.ts';

export function InvitationsTab({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const when = useFormatDateTime();
  const client = useQueryClient();
  const key = ['invitations', organizationId];
  const invitations = useQuery({ queryKey: key, queryFn: () => listInvitations(organizationId) });
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const invite = useMutation({
    mutationFn: () =>
      createInvitation(organizationId, { email: email.trim(), roles, locale: currentLanguage() }),
    onSuccess: async (invitation) => {
      notifySuccess(t('admin.invitations.sent', { email: invitation.email }));
      setEmail('');
      setRoles([]);
      await client.invalidateQueries({ queryKey: key });
    },
  });
  const revoke = useMutation({
    mutationFn: (invitationId: string) => revokeInvitation(organizationId, invitationId),
    onSuccess: async () => {
      notifySuccess(t('admin.invitations.revoked'));
      await client.invalidateQueries({ queryKey: key });
    },
    onError: (error) => notifyError(describeError(error, t)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate();
  };
  return (
    <Stack>
      <Title order={2} size="h4">
        {t('admin.invitations.invite')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack maw={560}>
          <ErrorAlert error={invite.error} />
          <TextInput
            label={t('member.email')}
            type="email"
            required
            value={email}
            error={fieldError(invite.error, 'email')}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <RolesCheckboxes
            label={t('member.roles')}
            value={roles}
            onChange={setRoles}
            error={fieldError(invite.error, 'roles')}
          />
          <Button type="submit" loading={invite.isPending} w="fit-content">
            {t('admin.invitations.send')}
          </Button>
        </Stack>
      </form>
      <Title order={2} size="h4">
        {t('admin.invitations.list')}
      </Title>
      <ErrorAlert error={invitations.error} />
      <ListTable<Invitation>
        label={t('admin.invitations.list')}
        records={invitations.data?.items}
        fetching={invitations.isFetching}
        idAccessor="id"
        emptyText={t('admin.invitations.none')}
        columns={[
          { accessor: 'email', title: t('member.email') },
          { accessor: 'roles', title: t('member.roles'), render: (i) => <RoleBadges roles={i.roles} /> },
          { accessor: 'createdAt', title: t('admin.invitations.sentAt'), render: (i) => when(i.createdAt) },
          { accessor: 'expiresAt', title: t('tokens.expires'), render: (i) => when(i.expiresAt) },
          {
            accessor: 'status',
            noWrap: true,
            title: t('common.status'),
            render: (i) => <StatusBadge status={statusOf(i)} />,
          },
          {
            accessor: 'actions',
            title: t('common.actions'),
            render: (i) =>
              statusOf(i) === 'active' ? (
                <ConfirmButton
                  label={t('admin.invitations.revoke')}
                  ariaLabel={t('admin.invitations.revokeNamed', { email: i.email })}
                  title={t('admin.invitations.revokeTitle')}
                  message={t('admin.invitations.revokeMessage', { email: i.email })}
                  confirmLabel={t('admin.invitations.revoke')}
                  onConfirm={() => revoke.mutate(i.id)}
                />
              ) : null,
          },
        ]}
      />
    </Stack>
  );
}
