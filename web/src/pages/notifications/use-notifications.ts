/**
 * Reading notifications: opening one marks it read (the link is followed at once; the mark is sent beside
 * it), and "mark all read". Both refresh the bell and the notifications page. A notification's link is a
 * path inside the app (`/referrals/…`, `/tasks/…`); anything else is not followed.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  markAllNotificationsRead,
  markNotificationRead,
  notificationKeys,
  type NotificationView,
} from '../../api/followup.ts';

/** The link when it is a path of this app, else null. */
export const appPath = (link: string): string | null =>
  link.startsWith('/') && !link.startsWith('//') && !link.startsWith('/\\') ? link : null;

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (notification: NotificationView) => markNotificationRead(notification.id),
    onSettled: () => client.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: markAllNotificationsRead,
    onSettled: () => client.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
