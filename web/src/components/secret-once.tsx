/** Shows a freshly created secret (an API token) exactly once, with a copy button and a warning. */
import { Alert, Button, CopyButton, Group, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function SecretOnce({ label, value, onDone }: { label: string; value: string; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" variant="light" title={t('tokens.onceTitle')} role="status">
      <Stack gap="sm">
        <div>{t('tokens.onceWarning')}</div>
        <TextInput
          label={label}
          value={value}
          readOnly
          classNames={{ input: 'secret-text' }}
          onFocus={(e) => e.currentTarget.select()}
        />
        <Group>
          <CopyButton value={value}>
            {({ copied, copy }) => (
              <Button size="xs" color={copied ? 'teal' : undefined} onClick={copy}>
                {copied ? t('common.copied') : t('common.copy')}
              </Button>
            )}
          </CopyButton>
          <Button size="xs" variant="default" onClick={onDone}>
            {t('tokens.saved')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
