/** Change password: the current one, then the new one twice. */
import { Button, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../api/api-error.ts';
import { changePassword } from '../../api/auth.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import {
  NewPasswordFields,
  newPasswordProblem,
  type NewPasswordValue,
} from '../../components/new-password-fields.tsx';
import { SectionCard } from '../../components/section-card.tsx';
import { PasswordField } from '../../components/password-field.tsx';
import { notifySuccess } from '../../components/notify.ts';

const EMPTY: NewPasswordValue = { password: '', confirm: '' };

export function ChangePasswordSection() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [value, setValue] = useState<NewPasswordValue>(EMPTY);
  const [tried, setTried] = useState(false);
  const change = useMutation({
    mutationFn: () => changePassword(current, value.password),
    onSuccess: () => {
      setCurrent('');
      setValue(EMPTY);
      setTried(false);
      notifySuccess(t('account.passwordChanged'));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (current && !newPasswordProblem(value)) change.mutate();
  };
  return (
    <SectionCard title={t('account.changePassword')}>
      <form onSubmit={submit} noValidate>
        <Stack maw={420}>
          <ErrorAlert error={change.error} />
          <PasswordField
            label={t('account.currentPassword')}
            autoComplete="current-password"
            required
            value={current}
            error={
              fieldError(change.error, 'currentPassword') ??
              (tried && !current ? t('common.required') : undefined)
            }
            onChange={(e) => setCurrent(e.currentTarget.value)}
          />
          <NewPasswordFields
            value={value}
            onChange={setValue}
            showProblems={tried}
            serverError={fieldError(change.error, 'newPassword')}
          />
          <Button type="submit" loading={change.isPending} w="fit-content">
            {t('account.changePasswordSubmit')}
          </Button>
        </Stack>
      </form>
    </SectionCard>
  );
}
