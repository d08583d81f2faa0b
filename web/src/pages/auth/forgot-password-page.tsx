/** "Forgot password": asks for an e-mail address; the answer never says whether an account exists. */
import { Alert, Anchor, Button, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fieldError } from '../../api/api-error.ts';
import { requestPasswordReset } from '../../api/auth.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageTitle } from '../../components/page-title.tsx';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const send = useMutation({ mutationFn: requestPasswordReset });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate(email.trim());
  };
  return (
    <Stack>
      <PageTitle>{t('forgot.title')}</PageTitle>
      {send.isSuccess ? (
        <Alert color="teal" variant="light" role="status">
          {t('forgot.sent')}
        </Alert>
      ) : (
        <Paper withBorder p="lg" radius="md">
          <form onSubmit={submit} noValidate>
            <Stack>
              <Text size="sm">{t('forgot.intro')}</Text>
              <ErrorAlert error={send.error} />
              <TextInput
                label={t('login.email')}
                type="email"
                autoComplete="email"
                required
                value={email}
                error={fieldError(send.error, 'email')}
                onChange={(e) => setEmail(e.currentTarget.value)}
              />
              <Button type="submit" loading={send.isPending}>
                {t('forgot.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
      )}
      <Text size="sm">
        <Anchor component={Link} to="/login">
          {t('forgot.backToLogin')}
        </Anchor>
      </Text>
    </Stack>
  );
}
