/**
 * Two-step sign-in with an authenticator app: set up (QR code and secret text), confirm with a code
 * to enable; disable with the password.
 */
import { Badge, Button, Code, Group, Image, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import QRCode from 'qrcode';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../api/api-error.ts';
import { disableTotp, enableTotp, setupTotp } from '../../api/auth.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { SectionCard } from '../../components/section-card.tsx';
import { useSession } from '../../session/session-context.ts';
import { useRefreshSession } from '../../session/session-query.ts';
import { PasswordField } from '../../components/password-field.tsx';
import { notifySuccess } from '../../components/notify.ts';

interface Enrollment {
  secret: string;
  qrDataUrl: string;
}

export function TotpSection() {
  const { t } = useTranslation();
  const session = useSession();
  const refreshSession = useRefreshSession();
  const [enrollment, setEnrollment] = useState<Enrollment | null>(null);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');

  const setup = useMutation({
    mutationFn: async () => {
      const result = await setupTotp();
      const qrDataUrl = await QRCode.toDataURL(result.otpauthUrl, { margin: 1, width: 200 });
      return { secret: result.secret, qrDataUrl };
    },
    onSuccess: setEnrollment,
  });
  const enable = useMutation({
    mutationFn: () => enableTotp(code.trim()),
    onSuccess: async () => {
      setEnrollment(null);
      setCode('');
      notifySuccess(t('totp.enabled'));
      await refreshSession();
    },
  });
  const disable = useMutation({
    mutationFn: () => disableTotp(password),
    onSuccess: async () => {
      setPassword('');
      notifySuccess(t('totp.disabled'));
      await refreshSession();
    },
  });

  const submitEnable = (event: FormEvent) => {
    event.preventDefault();
    enable.mutate();
  };
  const submitDisable = (event: FormEvent) => {
    event.preventDefault();
    disable.mutate();
  };

  return (
    <SectionCard title={t('totp.title')}>
      <Stack maw={520}>
        <Group gap="xs">
          <Text>{t('totp.intro')}</Text>
          <Badge color={session.user.totpEnabled ? 'teal' : 'gray'} variant="outline" tt="none">
            {session.user.totpEnabled ? t('totp.statusOn') : t('totp.statusOff')}
          </Badge>
        </Group>
        {session.user.totpEnabled ? (
          <form onSubmit={submitDisable} noValidate>
            <Stack>
              <ErrorAlert error={disable.error} />
              <PasswordField
                label={t('totp.passwordToDisable')}
                autoComplete="current-password"
                required
                value={password}
                error={fieldError(disable.error, 'password')}
                onChange={(e) => setPassword(e.currentTarget.value)}
              />
              <Button type="submit" color="red" variant="light" loading={disable.isPending} w="fit-content">
                {t('totp.disable')}
              </Button>
            </Stack>
          </form>
        ) : enrollment ? (
          <form onSubmit={submitEnable} noValidate>
            <Stack>
              <Text size="sm">{t('totp.scan')}</Text>
              <Image src={enrollment.qrDataUrl} alt={t('totp.qrAlt')} w={200} h={200} />
              <div>
                <Text size="sm" id="totp-secret-label">
                  {t('totp.secretLabel')}
                </Text>
                <Code
                  block
                  aria-labelledby="totp-secret-label"
                  data-testid="totp-secret"
                  className="secret-text"
                >
                  {enrollment.secret}
                </Code>
              </div>
              <ErrorAlert error={enable.error} />
              <TextInput
                label={t('totp.code')}
                description={t('login.totpHelp')}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                required
                value={code}
                error={fieldError(enable.error, 'code')}
                onChange={(e) => setCode(e.currentTarget.value.replace(/\D/g, ''))}
              />
              <Group>
                <Button type="submit" loading={enable.isPending}>
                  {t('totp.enable')}
                </Button>
                <Button variant="default" onClick={() => setEnrollment(null)}>
                  {t('common.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : (
          <Stack>
            <ErrorAlert error={setup.error} />
            <Button onClick={() => setup.mutate()} loading={setup.isPending} w="fit-content">
              {t('totp.setup')}
            </Button>
          </Stack>
        )}
      </Stack>
    </SectionCard>
  );
}
