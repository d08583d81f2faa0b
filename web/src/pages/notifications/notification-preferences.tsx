/**
 * My e-mail choices per notification category: at once, in the daily digest, or not at all (the
 * notification center always has them). Escalations always come at once: their control is locked.
 */
import { Card, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  EMAIL_CHOICES,
  getNotificationPreferences,
  setNotificationPreferences,
  type PreferencesView,
} from '../../api/followup.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';

const KEY = ['notification-preferences'];

export function NotificationPreferences() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const prefs = useQuery({ queryKey: KEY, queryFn: getNotificationPreferences });
  const save = useMutation({
    mutationFn: setNotificationPreferences,
    onSuccess: (view: PreferencesView) => client.setQueryData(KEY, view),
  });
  return (
    <Card withBorder padding="md" data-testid="notification-preferences">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('followup.notifications.preferences.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('followup.notifications.preferences.intro')}
        </Text>
        <ErrorAlert error={prefs.error ?? save.error} />
        {(prefs.data?.categories ?? []).map((c) => (
          <Stack key={c.category} gap={4}>
            <Text id={`pref-${c.category}`} size="sm" fw={500}>
              {t(`followup.notifications.preferences.category.${c.category}`)}
            </Text>
            <SegmentedControl
              aria-labelledby={`pref-${c.category}`}
              value={c.email}
              disabled={c.locked || save.isPending}
              data={EMAIL_CHOICES.map((choice) => ({
                value: choice,
                label: t(`followup.notifications.preferences.choice.${choice}`),
              }))}
              onChange={(email) =>
                save.mutate({
                  categories: [{ category: c.category, email: email as (typeof EMAIL_CHOICES)[number] }],
                })
              }
            />
            {c.locked ? (
              <Text size="xs" c="dimmed">
                {t('followup.notifications.preferences.locked')}
              </Text>
            ) : null}
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}
