/** Home: who you are, the organization you are acting for, your roles there, and your other memberships. */
import { Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getNetwork } from '../../api/network.ts';
import { PageTitle } from '../../components/page-title.tsx';
import { RoleBadges } from '../../components/role-badges.tsx';
import { useLabels } from '../../components/use-labels.ts';
import { activeMembership, useSession } from '../../session/session-context.ts';

export function HomePage() {
  const { t } = useTranslation();
  const session = useSession();
  const labels = useLabels();
  const network = useQuery({ queryKey: ['network'], queryFn: getNetwork });
  const active = activeMembership(session);
  const others = session.memberships.filter((m) => m.id !== session.activeMembershipId);
  return (
    <Stack>
      <PageTitle>{t('home.title', { name: session.user.displayName })}</PageTitle>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder component="section" aria-labelledby="home-you">
          <Title order={2} size="h4" id="home-you" mb="xs">
            {t('home.you')}
          </Title>
          <Text>{session.user.displayName}</Text>
          <Text size="sm">{session.user.email}</Text>
          {network.data ? (
            <Text size="sm" mt="xs">
              {t('home.network', { name: network.data.name })}
            </Text>
          ) : null}
        </Card>
        <Card withBorder component="section" aria-labelledby="home-active" data-testid="active-organization">
          <Title order={2} size="h4" id="home-active" mb="xs">
            {t('home.activeOrganization')}
          </Title>
          {active ? (
            <Stack gap={6}>
              <Text fw={600}>{active.organization.name}</Text>
              <Text size="sm">
                {labels.kind(active.organization.kind)}
                {active.organization.cboSubtype ? ` · ${labels.subtype(active.organization.cboSubtype)}` : ''}
              </Text>
              <Group gap="xs">
                <Text size="sm">{t('home.roles')}</Text>
                <RoleBadges roles={active.roles} />
              </Group>
            </Stack>
          ) : (
            <Text>{t('frame.noOrganization')}</Text>
          )}
        </Card>
      </SimpleGrid>
      {others.length > 0 ? (
        <Card withBorder component="section" aria-labelledby="home-others">
          <Title order={2} size="h4" id="home-others" mb="xs">
            {t('home.otherMemberships')}
          </Title>
          <Text size="sm" mb="xs">
            {t('home.switchHint')}
          </Text>
          <List>
            {others.map((m) => (
              <List.Item key={m.id}>
                {m.organization.name} — {m.roles.map(labels.role).join(', ')}
              </List.Item>
            ))}
          </List>
        </Card>
      ) : null}
    </Stack>
  );
}
