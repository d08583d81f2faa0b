/** The frame for pages reachable without signing in (login, password reset, invitations). */
import { Anchor, Box, Container, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { LanguageSwitch } from './language-switch.tsx';
import { MAIN_ID, SkipLink } from './skip-link.tsx';

export function PublicFrame() {
  const { t } = useTranslation();
  return (
    <>
      <SkipLink />
      <Box
        component="header"
        px="md"
        py="sm"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Group justify="space-between">
          <Anchor component={Link} to="/login" fw={700} size="lg" underline="never">
            {t('app.name')}
          </Anchor>
          <LanguageSwitch />
        </Group>
      </Box>
      <Container component="main" id={MAIN_ID} tabIndex={-1} size={440} py="xl">
        <Outlet />
      </Container>
      <Box component="footer" px="md" py="sm">
        <Text size="xs" ta="center" c="dimmed">
          {t('app.tagline')}
        </Text>
      </Box>
    </>
  );
}
