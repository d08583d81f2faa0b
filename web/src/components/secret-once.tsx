/**
 * Shows a freshly created secret (an API token, a webhook signing secret) exactly once, with a copy button
 * and a warning. The title, warning and "done" words default to the API token's.
 */
import { Alert, Button, CopyButton, Group, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function SecretOnce({
  label,
  value,
  onDone,
  title,
  warning,
  doneLabel,
}: {
  label: string;
  value: string;
  onDone: () => void;
  title?: string;
  warning?: string;
  doneLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" variant="light" title={title ?? t('tokens.onceTitle')} role="status">
      <Stack gap="sm">
        <div>{warning ?? t('tokens.onceWarning')}</div>
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
            {doneLabel ?? t('tokens.saved')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
