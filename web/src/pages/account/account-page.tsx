/** Account settings: password, two-step sign-in (TOTP) and personal API tokens. */
import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/page-title.tsx';
import { useSession } from '../../session/session-context.ts';
import { ChangePasswordSection } from './change-password-section.tsx';
import { PersonalTokensSection } from './personal-tokens-section.tsx';
import { TotpSection } from './totp-section.tsx';

export function AccountPage() {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <Stack gap="lg">
      <PageTitle>{t('account.title')}</PageTitle>
      <Text>
        {session.user.displayName} · {session.user.email}
      </Text>
      {session.totpEnrollmentRequired ? (
        <Alert color="yellow" variant="light" role="status" title={t('account.totpRequiredTitle')}>
          {t('account.totpRequiredBody')}
        </Alert>
      ) : null}
      <TotpSection />
      {session.totpEnrollmentRequired ? null : (
        <>
          <ChangePasswordSection />
          <PersonalTokensSection />
        </>
      )}
    </Stack>
  );
}
