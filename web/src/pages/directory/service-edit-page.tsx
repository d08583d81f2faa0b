/**
 * Editing a service (`/directory/services/:id/edit`): the form of every writable fact, saved with
 * `PUT /services/{id}` and `If-Match` on the version the form was opened with. A 400 puts the server's
 * field errors next to the fields; a 412 (someone else saved first) offers to reload the service.
 * Who may edit (`service.manage`: the owning organization's administrators and program managers, or a
 * network convener) is decided by the server; the page only avoids offering a form that would be refused.
 */
import { Alert, Anchor, Button, Loader, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/api-error.ts';
import { getService, updateService, type Service } from '../../api/directory.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { notifySuccess } from '../../components/notify.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { activeMembership, useSession } from '../../session/session-context.ts';
import type { Session } from '../../api/types.ts';
import { ServiceEditForm } from './service-edit-form.tsx';

/** Whether the session may manage this service: `service.manage`, at its organization or network-wide. */
export function canManageService(session: Session, service: Pick<Service, 'organizationId'>): boolean {
  if (!session.permissions.includes('service.manage')) return false;
  const membership = activeMembership(session);
  return (
    membership?.roles.includes('network_convener') === true ||
    membership?.organization.id === service.organizationId
  );
}

function EditForm({ service }: { service: Service }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const key = ['directory', 'service', service.id];
  const save = useMutation({
    mutationFn: (input: Record<string, unknown>) => updateService(service.id, service.version, input),
    onSuccess: async (saved) => {
      queryClient.setQueryData(key, saved);
      void queryClient.invalidateQueries({ queryKey: ['directory'], refetchType: 'none' });
      notifySuccess(t('directory.edit.saved'));
      await navigate(`/directory/services/${encodeURIComponent(service.id)}`);
    },
  });
  const stale = isApiError(save.error) && save.error.status === 412;
  const reload = async () => {
    save.reset();
    await queryClient.invalidateQueries({ queryKey: key });
  };
  return (
    <Stack>
      {stale ? (
        <Alert color="yellow" variant="light" role="alert" title={t('directory.edit.stale')}>
          <Button size="xs" variant="default" onClick={() => void reload()}>
            {t('directory.edit.reload')}
          </Button>
        </Alert>
      ) : null}
      <ServiceEditForm
        // A reloaded service (new version) starts the form afresh from its values.
        key={service.version}
        service={service}
        pending={save.isPending}
        error={stale ? null : save.error}
        onSubmit={(input) => save.mutate(input)}
      />
    </Stack>
  );
}

export function ServiceEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const session = useSession();
  const service = useQuery({ queryKey: ['directory', 'service', id], queryFn: () => getService(id) });

  const back = (
    <Anchor component={Link} to={`/directory/services/${encodeURIComponent(id)}`} size="sm">
      {t('directory.edit.back')}
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
  return (
    <Stack>
      {back}
      <PageTitle>{t('directory.edit.title', { name: s.name })}</PageTitle>
      {canManageService(session, s) ? (
        <>
          <Text size="sm">{t('directory.edit.intro')}</Text>
          <EditForm service={s} />
        </>
      ) : (
        <Alert color="yellow" variant="light" role="alert">
          {t('directory.edit.forbidden')}
        </Alert>
      )}
    </Stack>
  );
}
