/**
 * Sign-in: e-mail and password, then a 6-digit authenticator code when the server asks for one
 * (problem type `…/totp-required`); a lockout (429) says how long to wait.
 */
import { Alert, Anchor, Button, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { fieldError, isApiError } from '../../api/api-error.ts';
import { login, type LoginInput } from '../../api/auth.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { readNotice } from '../../components/notice.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { waitWords } from '../../components/wait-words.ts';
import { useApplySession, useSessionQuery } from '../../session/session-query.ts';
import { PasswordField } from '../../components/password-field.tsx';

/** Only same-app paths are followed after login (no open redirect). */
const safeNext = (next: string | null) => (next?.startsWith('/') && !next.startsWith('//') ? next : '/');

export function LoginPage() {
  const { t } = useTranslation();
  const session = useSessionQuery();
  const applySession = useApplySession();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const notice = readNotice(location.state);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needTotp, setNeedTotp] = useState(false);

  const signIn = useMutation({
    mutationFn: (input: LoginInput) => login(input),
    onSuccess: async (result) => {
      applySession(result);
      await navigate(next, { replace: true });
    },
    onError: (error) => {
      if (isApiError(error) && error.is('totp-required')) setNeedTotp(true);
    },
  });

  // Arriving from "Log out": forget the old session (and everything cached with it) once, here.
  const signedOut = notice === 'loggedOut';
  const hasSession = !!session.data;
  useEffect(() => {
    if (signedOut && hasSession && !signIn.isPending && !signIn.isSuccess) applySession(null);
  }, [signedOut, hasSession, applySession, signIn.isPending, signIn.isSuccess]);

  // Already signed in: go on (unless signing out, handled above).
  if (session.data && !signedOut && !signIn.isPending && !signIn.isSuccess) {
    return <Navigate to={next} replace />;
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ email: email.trim(), password, ...(needTotp ? { totp: totp.trim() } : {}) });
  };

  const error = signIn.error;
  const apiError = isApiError(error) ? error : undefined;
  const totpAsked = apiError?.is('totp-required') ?? false;
  const lockedFor = apiError?.status === 429 ? (apiError.retryAfterSeconds ?? -1) : undefined;

  return (
    <Stack>
      <PageTitle>{t('login.title')}</PageTitle>
      {notice ? (
        <Alert color="teal" variant="light" role="status">
          {t(`notices.${notice}`)}
        </Alert>
      ) : null}
      <Paper withBorder p="lg" radius="md">
        <form onSubmit={submit} noValidate aria-describedby={error ? 'login-error' : undefined}>
          <Stack>
            <div id="login-error" aria-live="polite">
              {lockedFor !== undefined ? (
                <Alert color="red" variant="light" role="alert" title={t('login.lockedTitle')}>
                  {lockedFor >= 0
                    ? t('login.lockedFor', { wait: waitWords(lockedFor, t) })
                    : t('login.lockedLater')}
                </Alert>
              ) : totpAsked ? (
                totp ? (
                  <ErrorAlert error={error} title={t('login.totpWrong')} />
                ) : null
              ) : (
                <ErrorAlert error={error} />
              )}
            </div>
            <TextInput
              label={t('login.email')}
              type="email"
              autoComplete="username"
              required
              value={email}
              error={fieldError(error, 'email')}
              onChange={(e) => setEmail(e.currentTarget.value)}
              readOnly={needTotp}
            />
            <PasswordField
              label={t('login.password')}
              autoComplete="current-password"
              required
              value={password}
              error={fieldError(error, 'password')}
              onChange={(e) => setPassword(e.currentTarget.value)}
              readOnly={needTotp}
            />
            {needTotp ? (
              <TextInput
                label={t('login.totp')}
                description={t('login.totpHelp')}
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9]{6}"
                maxLength={6}
                required
                autoFocus
                value={totp}
                onChange={(e) => setTotp(e.currentTarget.value.replace(/\D/g, ''))}
              />
            ) : null}
            <Button type="submit" loading={signIn.isPending}>
              {needTotp ? t('login.verify') : t('login.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
      <Text size="sm">
        <Anchor component={Link} to="/forgot-password">
          {t('login.forgot')}
        </Anchor>
      </Text>
    </Stack>
  );
}
