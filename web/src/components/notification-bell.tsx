/**
 * The bell in the header: how many notifications are unread (asked for again every 30 seconds while the
 * person is at the keyboard), and a popover with the latest ten, "mark all read" and a link to all of them.
 * Following one marks it read.
 *
 * The polling stops two minutes after the last key press, click, touch or scroll: the server counts every
 * request as activity, and a bell that kept asking would keep an unattended session alive past its idle
 * timeout (the automatic sign-out a shared workstation relies on). It starts again with the next activity.
 */
import { Badge, Button, Divider, Group, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useNotificationBell } from '../api/followup.ts';
import { NotificationItem } from '../pages/notifications/notification-item.tsx';
import { useMarkAllRead } from '../pages/notifications/use-notifications.ts';

function BellIcon() {
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

/** How long after the last activity the bell keeps polling. */
const ACTIVE_WINDOW_MS = 2 * 60_000;
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;

/** True while the person used the page within the window (checked every 15 s; no state churn per event). */
function useRecentlyActive(windowMs: number): boolean {
  const last = useRef(Date.now());
  const [active, setActive] = useState(true);
  useEffect(() => {
    const touch = () => {
      last.current = Date.now();
      setActive(true);
    };
    for (const event of ACTIVITY_EVENTS)
      window.addEventListener(event, touch, { passive: true, capture: true });
    const timer = window.setInterval(() => setActive(Date.now() - last.current < windowMs), 15_000);
    return () => {
      for (const event of ACTIVITY_EVENTS) window.removeEventListener(event, touch, { capture: true });
      window.clearInterval(timer);
    };
  }, [windowMs]);
  return active;
}

export function NotificationBell() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const bell = useNotificationBell(useRecentlyActive(ACTIVE_WINDOW_MS));
  const markAll = useMarkAllRead();
  const headingId = useId();
  const unread = bell.data?.unread ?? 0;
  const items = bell.data?.items ?? [];

  return (
    <Popover
      opened={opened}
      onDismiss={close}
      position="bottom-end"
      width={360}
      shadow="md"
      trapFocus
      returnFocus
      withinPortal
    >
      <Popover.Target>
        <Button
          variant="subtle"
          size="xs"
          onClick={toggle}
          aria-label={t('followup.bell.label', { count: unread })}
          leftSection={<BellIcon />}
          data-testid="notification-bell"
          data-unread={unread}
        >
          {unread > 0 ? (
            <Badge color="red" variant="filled" size="sm" circle={unread < 10} data-testid="unread-count">
              {unread > 99 ? '99+' : unread}
            </Badge>
          ) : null}
        </Button>
      </Popover.Target>
      <Popover.Dropdown aria-labelledby={headingId}>
        <Stack gap="xs">
          <Group justify="space-between" wrap="nowrap">
            <Text fw={700} id={headingId}>
              {t('followup.notifications.title')}
            </Text>
            <Button
              size="compact-xs"
              variant="subtle"
              disabled={unread === 0}
              loading={markAll.isPending}
              onClick={() => markAll.mutate()}
            >
              {t('followup.notifications.markAll')}
            </Button>
          </Group>
          <Divider />
          {items.length === 0 ? (
            <Text size="sm">{t('followup.notifications.none')}</Text>
          ) : (
            <ScrollArea.Autosize mah={400} type="auto">
              <Stack
                gap="sm"
                component="ul"
                aria-labelledby={headingId}
                style={{ listStyle: 'none', padding: 0, margin: 0 }}
              >
                {items.map((n) => (
                  <li key={n.id}>
                    <NotificationItem notification={n} onOpen={close} compact />
                  </li>
                ))}
              </Stack>
            </ScrollArea.Autosize>
          )}
          <Divider />
          <Button component={Link} to="/notifications" variant="subtle" size="xs" onClick={close}>
            {t('followup.notifications.seeAll')}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
