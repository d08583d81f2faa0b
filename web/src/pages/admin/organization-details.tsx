/** An organization's details, with an edit mode that saves with `If-Match` (412 when stale). */
import { Alert, Badge, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error.ts';
import { updateOrganization } from '../../api/organizations.ts';
import type { Organization, OrganizationInput } from '../../api/types.ts';
import { RoleBadges } from '../../components/role-badges.tsx';
import { useLabels } from '../../components/use-labels.ts';
import { OrganizationForm } from './organization-form.tsx';
import { notifySuccess } from '../../components/notify.ts';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" fw={600} component="dt">
        {label}
      </Text>
      <Text component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

export function OrganizationDetails({
  organization: org,
  canEdit,
}: {
  organization: Organization;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const save = useMutation({
    mutationFn: (input: OrganizationInput) => updateOrganization(org.id, org.version, input),
    onSuccess: async (saved) => {
      client.setQueryData(['organization', org.id], saved);
      await client.invalidateQueries({ queryKey: ['organizations'] });
      setEditing(false);
      notifySuccess(t('admin.organization.saved'));
    },
  });
  const stale = isApiError(save.error) && save.error.status === 412;
  const reload = async () => {
    save.reset();
    setEditing(false);
    await client.invalidateQueries({ queryKey: ['organization', org.id] });
  };

  if (editing) {
    return (
      <Stack>
        {stale ? (
          <Alert color="yellow" variant="light" role="alert" title={t('errors.preconditionFailed')}>
            <Button size="xs" variant="default" onClick={() => void reload()}>
              {t('admin.organization.reload')}
            </Button>
          </Alert>
        ) : null}
        <OrganizationForm
          key={org.version}
          organization={org}
          submitLabel={t('common.save')}
          pending={save.isPending}
          error={stale ? null : save.error}
          onSubmit={(input) => save.mutate(input)}
          onCancel={() => {
            save.reset();
            setEditing(false);
          }}
        />
      </Stack>
    );
  }
  const address = [org.street, org.city, org.state, org.postalCode].filter(Boolean).join(', ');
  return (
    <Stack>
      {canEdit ? (
        <Group>
          <Button onClick={() => setEditing(true)}>{t('admin.organization.edit')}</Button>
        </Group>
      ) : null}
      <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} m={0}>
        <Field label={t('organization.kind')}>{labels.kind(org.kind)}</Field>
        <Field label={t('organization.cboSubtype')}>{labels.subtype(org.cboSubtype)}</Field>
        <Field label={t('organization.slug')}>{org.slug}</Field>
        <Field label={t('common.status')}>
          <Badge variant="outline" color={org.active ? 'teal' : 'gray'} tt="none">
            {org.active ? t('status.active') : t('status.inactive')}
          </Badge>
        </Field>
        <Field label={t('organization.part2Program')}>
          {org.part2Program ? t('common.yes') : t('common.no')}
        </Field>
        <Field label={t('organization.part2LegalStatus')}>
          <span data-testid="part2-legal-status">{labels.part2Status(org.part2LegalStatus)}</span>
        </Field>
        <Field label={t('organization.totpRequiredRoles')}>
          {org.totpRequiredRoles.length ? <RoleBadges roles={org.totpRequiredRoles} /> : t('common.none')}
        </Field>
        <Field label={t('organization.address')}>{address || '—'}</Field>
        <Field label={t('organization.phone')}>{org.phone ?? '—'}</Field>
        <Field label={t('organization.website')}>{org.website ?? '—'}</Field>
      </SimpleGrid>
    </Stack>
  );
}
