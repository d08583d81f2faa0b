/**
 * One organization: details (view and edit), sites, members, invitations, API tokens and webhooks, each
 * tab shown only when the active membership may use it for this organization (webhooks: only its own
 * organization's page, the API answering for the active membership's organization).
 */
import { Anchor, Loader, Stack, Tabs } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { getOrganization } from '../../api/organizations.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { useAccess } from '../../session/session-context.ts';
import { InvitationsTab } from './invitations-tab.tsx';
import { MembersTab } from './members-tab.tsx';
import { OrganizationDetails } from './organization-details.tsx';
import { OrganizationTokensTab } from './organization-tokens-tab.tsx';
import { OrganizationWebhooksTab } from './organization-webhooks-tab.tsx';
import { SitesTab } from './sites-tab.tsx';

type Tab = 'details' | 'sites' | 'members' | 'invitations' | 'tokens' | 'webhooks';

export function OrganizationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const access = useAccess();
  const [params, setParams] = useSearchParams();
  const organization = useQuery({ queryKey: ['organization', id], queryFn: () => getOrganization(id) });
  const tabs: { value: Tab; label: string; show: boolean }[] = [
    { value: 'details', label: t('admin.organization.details'), show: true },
    { value: 'sites', label: t('admin.sites.title'), show: true },
    { value: 'members', label: t('admin.members.title'), show: access.canFor('member.read', id) },
    { value: 'invitations', label: t('admin.invitations.title'), show: access.canFor('member.invite', id) },
    { value: 'tokens', label: t('admin.orgTokens.title'), show: access.canFor('token.manage_org', id) },
    {
      value: 'webhooks',
      label: t('admin.webhooks.title'),
      show: access.can('token.manage_org') && id === access.activeOrganizationId,
    },
  ];
  const visible = tabs.filter((tab) => tab.show);
  const requested = params.get('tab');
  const current = visible.find((tab) => tab.value === requested)?.value ?? 'details';

  if (organization.isPending) return <Loader aria-label={t('common.loading')} />;
  if (organization.isError) {
    return (
      <Stack>
        <PageTitle>{t('admin.organizations.title')}</PageTitle>
        <ErrorAlert error={organization.error} />
      </Stack>
    );
  }
  const org = organization.data;
  return (
    <Stack>
      <Anchor component={Link} to="/admin/organizations" size="sm">
        {t('admin.organization.back')}
      </Anchor>
      <PageTitle>{org.name}</PageTitle>
      <Tabs
        value={current}
        onChange={(value) => setParams(value && value !== 'details' ? { tab: value } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          {visible.map((tab) => (
            <Tabs.Tab key={tab.value} value={tab.value}>
              {tab.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="details" pt="md">
          <OrganizationDetails organization={org} canEdit={access.canFor('organization.update', org.id)} />
        </Tabs.Panel>
        <Tabs.Panel value="sites" pt="md">
          <SitesTab organizationId={org.id} canManage={access.canFor('site.manage', org.id)} />
        </Tabs.Panel>
        <Tabs.Panel value="members" pt="md">
          <MembersTab organizationId={org.id} canUpdate={access.canFor('member.update', org.id)} />
        </Tabs.Panel>
        <Tabs.Panel value="invitations" pt="md">
          <InvitationsTab organizationId={org.id} />
        </Tabs.Panel>
        <Tabs.Panel value="tokens" pt="md">
          <OrganizationTokensTab organizationId={org.id} />
        </Tabs.Panel>
        <Tabs.Panel value="webhooks" pt="md">
          <OrganizationWebhooksTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
