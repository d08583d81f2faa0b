/** A network convener registers a new organization (hospital, health system or CBO). */
import { Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { createOrganization } from '../../api/organizations.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { OrganizationForm } from './organization-form.tsx';
import { notifySuccess } from '../../components/notify.ts';

export function CreateOrganizationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const create = useMutation({
    mutationFn: createOrganization,
    onSuccess: async (organization) => {
      notifySuccess(t('admin.organizations.created', { name: organization.name }));
      await client.invalidateQueries({ queryKey: ['organizations'] });
      await navigate(`/admin/organizations/${organization.id}`);
    },
  });
  return (
    <Stack>
      <PageTitle>{t('admin.organizations.create')}</PageTitle>
      <OrganizationForm
        submitLabel={t('admin.organizations.createSubmit')}
        pending={create.isPending}
        error={create.error}
        onSubmit={(input) => create.mutate(input)}
        onCancel={() => void navigate('/admin/organizations')}
      />
    </Stack>
  );
}
