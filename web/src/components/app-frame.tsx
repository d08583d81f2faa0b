/**
 * The signed-in frame (Mantine AppShell): header with product name, organization switcher,
 * notification bell, language switch and user menu; navigation to every area; the page in `<main>`.
 */
import { AppShell, Burger, Group, NavLink, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { useAccess } from '../session/session-context.ts';
import { ADMIN_PERMISSIONS } from '../vocabulary.ts';
import { AREAS } from './areas.ts';
import { LanguageSwitch } from './language-switch.tsx';
import { NotificationBell } from './notification-bell.tsx';
import { OrganizationSwitcher } from './organization-switcher.tsx';
import { MAIN_ID, SkipLink } from './skip-link.tsx';
import { UserMenu } from './user-menu.tsx';

export function AppFrame() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  const access = useAccess();
  const showAdmin = ADMIN_PERMISSIONS.some((p) => access.can(p));
  const links = [
    { to: '/', label: t('nav.home') },
    ...AREAS.flatMap((area) => [
      { to: `/${area}`, label: t(`areas.${area}.title`) },
      // The partner inbox sits beside the hospital's transitions.
      ...(area === 'transitions' ? [{ to: '/referrals', label: t('transitions.nav.referrals') }] : []),
      // The pathways the tasks are made from sit beside the tasks.
      ...(area === 'tasks' ? [{ to: '/pathways', label: t('followup.nav.pathways') }] : []),
    ]),
    ...(showAdmin ? [{ to: '/admin', label: t('nav.admin') }] : []),
  ];
  const isActive = (to: string) => (to === '/' ? pathname === '/' : pathname.startsWith(to));
  return (
    <>
      <SkipLink />
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding="md"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={t('frame.toggleNavigation')}
              />
              <Text component={Link} to="/" fw={700} size="lg" c="indigo.9" td="none">
                {t('app.name')}
              </Text>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <OrganizationSwitcher />
              <NotificationBell />
              <LanguageSwitch />
              <UserMenu />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs" aria-label={t('nav.label')}>
          <ScrollArea>
            {links.map((link) => (
              <NavLink
                key={link.to}
                component={Link}
                to={link.to}
                label={link.label}
                active={isActive(link.to)}
                aria-current={isActive(link.to) ? 'page' : undefined}
                onClick={close}
              />
            ))}
          </ScrollArea>
        </AppShell.Navbar>
        <AppShell.Main id={MAIN_ID} tabIndex={-1}>
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </>
  );
}
