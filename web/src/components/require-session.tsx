/**
 * Guards the signed-in part of the app: waits for the session, sends anonymous visitors to the login
 * page (remembering where they were going) and users who must enroll in TOTP to their account page.
 */
import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { SessionContext } from '../session/session-context.ts';
import { useSessionQuery } from '../session/session-query.ts';
import { ErrorAlert } from './error-alert.tsx';

export function RequireSession() {
  const { t } = useTranslation();
  const session = useSessionQuery();
  const location = useLocation();
  if (session.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (session.isError) {
    return (
      <Center h="100vh" p="md">
        <ErrorAlert error={session.error} />
      </Center>
    );
  }
  if (!session.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`} replace />;
  }
  if (session.data.totpEnrollmentRequired && location.pathname !== '/account') {
    return <Navigate to="/account" replace />;
  }
  return (
    <SessionContext value={session.data}>
      <Outlet />
    </SessionContext>
  );
}
