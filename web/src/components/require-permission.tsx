/** Renders the nested routes only when the active membership holds one of the given permissions. */
import { Alert, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { useAccess } from '../session/session-context.ts';
import type { Permission } from '../vocabulary.ts';
import { PageTitle } from './page-title.tsx';

export function RequirePermission({ anyOf }: { anyOf: readonly Permission[] }) {
  const { t } = useTranslation();
  const access = useAccess();
  if (anyOf.some((p) => access.can(p))) return <Outlet />;
  return (
    <Stack>
      <PageTitle>{t('errors.notAllowedTitle')}</PageTitle>
      <Alert color="yellow" variant="light">
        {t('errors.notAllowedBody')}
      </Alert>
    </Stack>
  );
}
