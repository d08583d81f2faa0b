/**
 * The frame of a page under Patients: a link back to the list, the title and an introduction — or, for a
 * session without the needed permission, the app's "not allowed" message instead of the content.
 */
import { Alert, Anchor, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../components/page-title.tsx';

export function PatientsSubpage(props: {
  allowed: boolean;
  title: string;
  intro?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Anchor component={Link} to="/patients" size="sm">
        {t('patients.page.back')}
      </Anchor>
      {props.allowed ? (
        <>
          <PageTitle>{props.title}</PageTitle>
          {props.intro ? <Text size="sm">{props.intro}</Text> : null}
          {props.children}
        </>
      ) : (
        <>
          <PageTitle>{t('errors.notAllowedTitle')}</PageTitle>
          <Alert color="yellow" variant="light">
            {t('errors.notAllowedBody')}
          </Alert>
        </>
      )}
    </Stack>
  );
}
