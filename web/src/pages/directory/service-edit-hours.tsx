/** The service form's intake hours: published or not, ranges per weekday, time zone and holidays. */
import { Fieldset, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { WEEKDAYS } from '../../api/directory.ts';
import { SectionCard } from '../../components/section-card.tsx';
import type { FormField, ServiceFormValues } from './service-edit-values.tsx';

export function HoursSection({
  values,
  set,
  err,
}: {
  values: ServiceFormValues;
  set: <K extends keyof ServiceFormValues>(key: K, value: ServiceFormValues[K]) => void;
  err: (key: FormField) => string | undefined;
}) {
  const { t } = useTranslation();
  const hoursHelpId = useId();
  return (
    <SectionCard title={t('directory.edit.hours')}>
      <Stack gap="sm">
        <Switch
          label={t('directory.edit.hoursPublished')}
          description={t('directory.edit.hoursPublishedHelp')}
          checked={values.hoursPublished}
          onChange={(e) => set('hoursPublished', e.currentTarget.checked)}
        />
        {values.hoursPublished ? (
          <Fieldset legend={t('directory.service.hoursTable')}>
            <Text size="sm" id={hoursHelpId} mb="xs">
              {t('directory.edit.hoursHelp')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {WEEKDAYS.map((day) => (
                <TextInput
                  key={day}
                  label={t(`directory.vocab.weekday.${day}`)}
                  aria-describedby={hoursHelpId}
                  placeholder={t('directory.service.closed')}
                  value={values.hours[day]}
                  onChange={(e) => set('hours', { ...values.hours, [day]: e.currentTarget.value })}
                />
              ))}
            </SimpleGrid>
          </Fieldset>
        ) : null}
        {err('hours') ? (
          <Text size="sm" c="red.8" data-testid="hours-error">
            {err('hours')}
          </Text>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('directory.edit.timezone')}
            description={t('directory.edit.timezoneHelp')}
            value={values.timezone}
            onChange={(e) => set('timezone', e.currentTarget.value)}
            error={err('timezone')}
          />
          <TextInput
            label={t('directory.edit.holidays')}
            description={t('directory.edit.holidaysHelp')}
            value={values.holidays}
            onChange={(e) => set('holidays', e.currentTarget.value)}
            error={err('holidays')}
          />
        </SimpleGrid>
      </Stack>
    </SectionCard>
  );
}
