/**
 * Accepting an invitation (`/invite/:token`): shows who invited you and with which roles; a new
 * person chooses a display name and password, an existing user just accepts.
 */
import { Alert, Anchor, Button, Group, Loader, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { fieldError } from '../../api/api-error.ts';
import { acceptInvitation, fetchInvitation } from '../../api/auth.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import {
  NewPasswordFields,
  newPasswordProblem,
  type NewPasswordValue,
} from '../../components/new-password-fields.tsx';
import type { NoticeState } from '../../components/notice.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { RoleBadges } from '../../components/role-badges.tsx';
import { useRefreshSession } from '../../session/session-query.ts';

export function InvitationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const refreshSession = useRefreshSession();
  const invitation = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => fetchInvitation(token),
    retry: false,
  });
  const [displayName, setDisplayName] = useState('');
  const [value, setValue] = useState<NewPasswordValue>({ password: '', confirm: '' });
  const [tried, setTried] = useState(false);
  const accept = useMutation({
    mutationFn: acceptInvitation,
    onSuccess: async () => {
      await refreshSession();
      const state: NoticeState = { notice: 'invitationAccepted' };
      await navigate('/login', { replace: true, state });
    },
  });

  if (invitation.isPending) return <Loader aria-label={t('common.loading')} />;
  if (invitation.isError) {
    return (
      <Stack>
        <PageTitle>{t('invitation.title')}</PageTitle>
        <Alert color="red" variant="light" role="alert">
          {t('invitation.invalid')}
        </Alert>
        <Anchor component={Link} to="/login">
          {t('forgot.backToLogin')}
        </Anchor>
      </Stack>
    );
  }

  const info = invitation.data;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (info.existingUser) {
      accept.mutate({ token });
      return;
    }
    if (!displayName.trim() || newPasswordProblem(value)) return;
    accept.mutate({ token, displayName: displayName.trim(), password: value.password });
  };

  return (
    <Stack>
      <PageTitle>{t('invitation.title')}</PageTitle>
      <Paper withBorder p="lg" radius="md">
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text>{t('invitation.intro', { organization: info.organizationName, email: info.email })}</Text>
            <Group gap="xs">
              <Text size="sm" fw={500}>
                {t('invitation.roles')}
              </Text>
              <RoleBadges roles={info.roles} />
            </Group>
            <ErrorAlert error={accept.error} />
            {info.existingUser ? (
              <Text size="sm">{t('invitation.existingUser')}</Text>
            ) : (
              <>
                <TextInput
                  label={t('invitation.displayName')}
                  autoComplete="name"
                  required
                  value={displayName}
                  error={
                    fieldError(accept.error, 'displayName') ??
                    (tried && !displayName.trim() ? t('invitation.displayNameRequired') : undefined)
                  }
                  onChange={(e) => setDisplayName(e.currentTarget.value)}
                />
                <NewPasswordFields
                  value={value}
                  onChange={setValue}
                  showProblems={tried}
                  label={t('invitation.password')}
                  serverError={fieldError(accept.error, 'password')}
                />
              </>
            )}
            <Button type="submit" loading={accept.isPending}>
              {t('invitation.accept')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
