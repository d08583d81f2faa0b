/** Sets a new password from the link in a password-reset e-mail (`/reset-password/:token`). */
import { Anchor, Button, Paper, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { fieldError } from '../../api/api-error.ts';
import { confirmPasswordReset } from '../../api/auth.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import {
  NewPasswordFields,
  newPasswordProblem,
  type NewPasswordValue,
} from '../../components/new-password-fields.tsx';
import type { NoticeState } from '../../components/notice.ts';
import { PageTitle } from '../../components/page-title.tsx';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const [value, setValue] = useState<NewPasswordValue>({ password: '', confirm: '' });
  const [tried, setTried] = useState(false);
  const reset = useMutation({
    mutationFn: () => confirmPasswordReset(token, value.password),
    onSuccess: async () => {
      const state: NoticeState = { notice: 'passwordReset' };
      await navigate('/login', { replace: true, state });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!newPasswordProblem(value)) reset.mutate();
  };
  return (
    <Stack>
      <PageTitle>{t('reset.title')}</PageTitle>
      <Paper withBorder p="lg" radius="md">
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">{t('reset.intro')}</Text>
            <ErrorAlert error={reset.error} />
            <NewPasswordFields
              value={value}
              onChange={setValue}
              showProblems={tried}
              serverError={fieldError(reset.error, 'password')}
            />
            <Button type="submit" loading={reset.isPending}>
              {t('reset.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
      <Text size="sm">
        <Anchor component={Link} to="/forgot-password">
          {t('reset.requestAnother')}
        </Anchor>
      </Text>
    </Stack>
  );
}
