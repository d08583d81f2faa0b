/**
 * A date-and-time input in the browser's time zone (`datetime-local`), with a "Now" button beside it:
 * the navigator records a dose or a discharge as it happens.
 */
import { Button, Group, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { toLocalInput } from './transition-labels.ts';

export function DateTimeField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  description?: string;
  error?: string;
  required?: boolean;
  /** Offer the "Now" button (default true). */
  withNow?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group align="flex-end" gap="xs" wrap="nowrap">
      <TextInput
        type="datetime-local"
        label={props.label}
        description={props.description}
        error={props.error}
        required={props.required}
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
        style={{ flex: 1 }}
      />
      {props.withNow === false ? null : (
        <Button
          variant="default"
          onClick={() => props.onChange(toLocalInput(new Date()))}
          aria-label={t('transitions.form.nowFor', { field: props.label })}
          mb={props.error ? 22 : 0}
        >
          {t('transitions.form.now')}
        </Button>
      )}
    </Group>
  );
}
