/**
 * One notification as a link to what it is about: its title (bold while unread), its text — both in the
 * reader's language (`notification-words.ts`) — and when it came. Following it marks it read.
 */
import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NotificationView } from '../../api/followup.ts';
import { useFollowupLabels } from '../tasks/followup-labels.ts';
import { useNotificationWords } from './notification-words.ts';
import { appPath, useMarkRead } from './use-notifications.ts';

export function NotificationItem({
  notification: n,
  onOpen,
  compact = false,
}: {
  notification: NotificationView;
  /** Called when the link is followed (the bell closes its popover). */
  onOpen?: () => void;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const labels = useFollowupLabels();
  const words = useNotificationWords()(n);
  const markRead = useMarkRead();
  const unread = n.readAt === null;
  const path = appPath(n.link);
  // Nothing is notified from the future: a clock running ahead of the browser's shows as "now".
  const createdAt = new Date(Math.min(Date.parse(n.createdAt), Date.now())).toISOString();
  const title = (
    <Text size="sm" fw={unread ? 700 : 400} span>
      {words.title}
    </Text>
  );
  return (
    <Stack gap={2} data-testid="notification" data-read={unread ? 'false' : 'true'} data-link={n.link}>
      <Group gap="xs" wrap="nowrap" justify="space-between" align="flex-start">
        {path ? (
          <Anchor
            component={Link}
            to={path}
            onClick={() => {
              if (unread) markRead.mutate(n);
              onOpen?.();
            }}
          >
            {title}
          </Anchor>
        ) : (
          title
        )}
        {unread ? (
          <Badge size="xs" color="red" variant="light" tt="none" style={{ flexShrink: 0 }}>
            {t('followup.notifications.new')}
          </Badge>
        ) : null}
      </Group>
      <Text size={compact ? 'xs' : 'sm'} lineClamp={compact ? 2 : undefined}>
        {words.body}
      </Text>
      <Text size="xs" c="dimmed">
        <time dateTime={n.createdAt} title={labels.dateTime(n.createdAt)}>
          {labels.relative(createdAt)}
        </time>
        {compact ? null : ` · ${labels.dateTime(n.createdAt)}`}
      </Text>
    </Stack>
  );
}
