/** The signed-in user's menu: account settings and sign-out. */
import { Button, Menu } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { logout } from '../api/auth.ts';
import { useSession } from '../session/session-context.ts';
import { useApplySession } from '../session/session-query.ts';
import type { NoticeState } from './notice.ts';

export function UserMenu() {
  const { t } = useTranslation();
  const session = useSession();
  const applySession = useApplySession();
  const navigate = useNavigate();
  const signOut = useMutation({
    mutationFn: logout,
    onSettled: async () => {
      // Leave the guarded pages first, so the guard does not send us to `/login?next=…`.
      const state: NoticeState = { notice: 'loggedOut' };
      await navigate('/login', { replace: true, state });
      applySession(null);
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
