/**
 * All my notifications (`/notifications`), newest first, page by page, or only the unread ones; "Mark all
 * read". Following one marks it read and opens what it is about. Below, my e-mail preferences.
 */
import { Button, Card, Group, Stack, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useNotificationList } from '../../api/followup.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { NotificationItem } from './notification-item.tsx';
import { NotificationPreferences } from './notification-preferences.tsx';
import { useMarkAllRead } from './use-notifications.ts';

const PAGE_SIZE = 25;

export function NotificationsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('unread') === 'true';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useNotificationList({ unread: unreadOnly ? 'true' : undefined, page, pageSize: PAGE_SIZE });
  const markAll = useMarkAllRead();
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next);
  };
  const total = list.data?.total ?? 0;
  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];

  return (
    <Stack>
      <PageTitle
        actions={
          <Button
            variant="default"
            disabled={unread === 0}
            loading={markAll.isPending}
            onClick={() => markAll.mutate()}
          >
            {t('followup.notifications.markAll')}
          </Button>
        }
      >
        {t('followup.notifications.title')}
      </PageTitle>
      <Group justify="space-between">
        <Text size="sm" aria-live="polite" data-testid="unread-total">
          {t('followup.notifications.unread', { count: unread })}
        </Text>
        <Switch
          label={t('followup.notifications.unreadOnly')}
          checked={unreadOnly}
          onChange={(e) => set('unread', e.currentTarget.checked ? 'true' : undefined)}
        />
      </Group>
      <ErrorAlert error={list.error ?? markAll.error} />
      <Stack
        gap="sm"
        component="ul"
        aria-label={t('followup.notifications.title')}
        data-testid="notification-list"
        data-state={list.isFetching ? 'loading' : list.isSuccess ? 'loaded' : 'idle'}
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
      >
        {items.map((n) => (
          <Card key={n.id} component="li" withBorder padding="sm">
            <NotificationItem notification={n} />
          </Card>
        ))}
      </Stack>
      {list.isSuccess && items.length === 0 ? <Text>{t('followup.notifications.none')}</Text> : null}
      <Group justify="space-between">
        <Text size="sm">{t('followup.notifications.total', { count: total })}</Text>
        <Group gap="xs">
          <Button variant="default" disabled={page <= 1} onClick={() => set('page', String(page - 1))}>
            {t('followup.tasks.previous')}
          </Button>
          <Button
            variant="default"
            disabled={page * PAGE_SIZE >= total}
            onClick={() => set('page', String(page + 1))}
          >
            {t('followup.tasks.next')}
          </Button>
        </Group>
      </Group>
      <NotificationPreferences />
    </Stack>
  );
}
