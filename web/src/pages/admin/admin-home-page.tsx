/** The Admin area's front page: links to the admin tasks the active membership may perform. */
import { Anchor, Card, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../components/page-title.tsx';
import { activeMembership, useAccess, useSession } from '../../session/session-context.ts';

export function AdminHomePage() {
  const { t } = useTranslation();
  const session = useSession();
  const access = useAccess();
  const own = activeMembership(session)?.organization;
  const cards = [
    {
      to: '/admin/organizations',
      title: t('admin.organizations.title'),
      body: t('admin.home.organizations'),
      show: true,
    },
    {
      to: own ? `/admin/organizations/${own.id}` : '/admin/organizations',
      title: own ? t('admin.home.ownTitle', { name: own.name }) : t('admin.organizations.title'),
      body: t('admin.home.own'),
      show: !!own,
    },
    {
      to: '/admin/audit',
      title: t('admin.audit.title'),
      body: t('admin.home.audit'),
      show: access.can('audit.read'),
    },
    {
      to: '/admin/directory-import',
      title: t('imports.title'),
      body: t('imports.homeCard'),
      show: access.can('directory.import'),
    },
  ];
  return (
    <>
      <PageTitle>{t('admin.home.title')}</PageTitle>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        {cards
          .filter((c) => c.show)
          .map((c) => (
            <Card key={c.to} withBorder component="section">
              <Title order={2} size="h4" mb="xs">
                <Anchor component={Link} to={c.to}>
                  {c.title}
                </Anchor>
              </Title>
              <Text size="sm">{c.body}</Text>
            </Card>
          ))}
      </SimpleGrid>
    </>
  );
}
