/** A new password typed twice, with the policy as a hint and a mismatch message. */
import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PasswordField } from './password-field.tsx';

export interface NewPasswordValue {
  password: string;
  confirm: string;
}

export const MIN_PASSWORD_LENGTH = 12;

/** A client-side reason the pair is not acceptable yet (the server checks the policy again). */
export function newPasswordProblem(value: NewPasswordValue): 'tooShort' | 'mismatch' | undefined {
  if (value.password.length < MIN_PASSWORD_LENGTH) return 'tooShort';
  if (value.password !== value.confirm) return 'mismatch';
  return undefined;
}

export function NewPasswordFields({
  value,
  onChange,
  serverError,
  showProblems,
  label,
}: {
  value: NewPasswordValue;
  onChange: (value: NewPasswordValue) => void;
  serverError?: string | undefined;
  /** Show client-side problems (after a first submit attempt). */
  showProblems: boolean;
  label?: string;
}) {
  const { t } = useTranslation();
  const problem = showProblems ? newPasswordProblem(value) : undefined;
  return (
    <Stack gap="sm">
      <PasswordField
        label={label ?? t('password.new')}
        description={t('password.policy', { min: MIN_PASSWORD_LENGTH })}
        autoComplete="new-password"
        required
        value={value.password}
        error={
          serverError ??
          (problem === 'tooShort' ? t('password.tooShort', { min: MIN_PASSWORD_LENGTH }) : undefined)
        }
        onChange={(e) => onChange({ ...value, password: e.currentTarget.value })}
      />
      <PasswordField
        label={t('password.confirm')}
        autoComplete="new-password"
        required
        value={value.confirm}
        error={problem === 'mismatch' ? t('password.mismatch') : undefined}
        onChange={(e) => onChange({ ...value, confirm: e.currentTarget.value })}
      />
    </Stack>
  );
}
