/** Edit a member's roles and job title in a dialog. */
import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../api/api-error.ts';
import { updateMember } from '../../api/organizations.ts';
import type { Member } from '../../api/types.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { RolesCheckboxes } from '../../components/roles-checkboxes.tsx';
import { notifySuccess } from '../../components/notify.ts';

export function MemberEditModal({
  organizationId,
  member,
  onClose,
}: {
  organizationId: string;
  member: Member;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [roles, setRoles] = useState(member.roles);
  const [title, setTitle] = useState(member.title ?? '');
  const save = useMutation({
    mutationFn: () =>
      updateMember(organizationId, member.membershipId, { roles, title: title.trim() || null }),
    onSuccess: async () => {
      notifySuccess(t('admin.members.saved'));
      await client.invalidateQueries({ queryKey: ['members', organizationId] });
      onClose();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={t('admin.members.editTitle', { name: member.displayName })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={save.error} />
          <TextInput
            label={t('member.title')}
            value={title}
            error={fieldError(save.error, 'title')}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <RolesCheckboxes
            label={t('member.roles')}
            value={roles}
            onChange={setRoles}
            error={fieldError(save.error, 'roles')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
