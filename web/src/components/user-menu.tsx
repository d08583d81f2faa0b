/** The signed-in user's menu: account settings and sign-out. */
import { Button, Menu } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { logout } from '../api/auth.ts';
import { useSession } from '../session/session-context.ts';
import type { NoticeState } from './notice.ts';

export function UserMenu() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const signOut = useMutation({
    mutationFn: logout,
    // The login page clears the cached session when it arrives with this notice; clearing it here
    // would let the guard redirect to `/login?next=…` before the navigation commits.
    onSettled: async () => {
      const state: NoticeState = { notice: 'loggedOut' };
      await navigate('/login', { replace: true, state });
    },
  });
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          size="xs"
          aria-label={t('frame.userMenu', { name: session.user.displayName })}
        >
          {session.user.displayName}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{session.user.email}</Menu.Label>
        <Menu.Item component={Link} to="/account">
          {t('frame.account')}
        </Menu.Item>
        <Menu.Item onClick={() => signOut.mutate()}>{t('frame.logout')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
