/**
 * One partnership's workspace, for members of its two organizations: overview (status, start date,
 * notes), agreements, liaisons, services delivered, meetings with action items, shared goals and the
 * quarterly self-assessment. Everyone else is told it was not found.
 */
import { Alert, Anchor, Loader, Stack, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../api/api-error.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { AgreementsTab } from './agreements-tab.tsx';
import { AssessmentTab } from './assessment-tab.tsx';
import { DeliveriesTab } from './deliveries-tab.tsx';
import { GoalsTab } from './goals-tab.tsx';
import { LiaisonsTab } from './liaisons-tab.tsx';
import { MeetingsTab } from './meetings-tab.tsx';
import { OverviewTab } from './overview-tab.tsx';
import { usePartnershipAccess } from './partnership-labels.ts';
import { usePartnership } from './use-workspace.ts';

const TABS = ['overview', 'agreements', 'liaisons', 'deliveries', 'meetings', 'goals', 'assessment'] as const;
type Tab = (typeof TABS)[number];

export function PartnershipPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { canManage } = usePartnershipAccess();
  const [params, setParams] = useSearchParams();
  const partnership = usePartnership(id);
  const requested = params.get('tab');
  const current: Tab = TABS.find((tab) => tab === requested) ?? 'overview';

  const back = (
    <Anchor component={Link} to="/partnerships" size="sm">
      {t('partnerships.workspace.back')}
    </Anchor>
  );
  if (partnership.isPending) return <Loader aria-label={t('common.loading')} />;
  if (partnership.isError) {
    const notFound = isApiError(partnership.error) && partnership.error.status === 404;
    return (
      <Stack>
        {back}
        <PageTitle>
          {notFound ? t('partnerships.workspace.notFoundTitle') : t('partnerships.title')}
        </PageTitle>
        {notFound ? (
          <Alert color="yellow" variant="light" role="alert">
            {t('partnerships.workspace.notFoundBody')}
          </Alert>
        ) : (
          <ErrorAlert error={partnership.error} />
        )}
      </Stack>
    );
  }
  const p = partnership.data;
  return (
    <Stack>
      {back}
      <PageTitle>
        {t('partnerships.workspace.heading', { hospital: p.hospital.name, cbo: p.cbo.name })}
      </PageTitle>
      {canManage ? null : <Text size="sm">{t('partnerships.workspace.readOnly')}</Text>}
      <Tabs
        value={current}
        onChange={(value) =>
          setParams(value && value !== 'overview' ? { tab: value } : {}, { replace: true })
        }
        keepMounted={false}
      >
        <Tabs.List aria-label={t('partnerships.workspace.tabsLabel')}>
          {TABS.map((tab) => (
            <Tabs.Tab key={tab} value={tab}>
              {t(`partnerships.workspace.tabs.${tab}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <OverviewTab partnership={p} canManage={canManage} />
        </Tabs.Panel>
        <Tabs.Panel value="agreements" pt="md">
          <AgreementsTab partnership={p} canManage={canManage} />
        </Tabs.Panel>
        <Tabs.Panel value="liaisons" pt="md">
          <LiaisonsTab partnership={p} canManage={canManage} />
        </Tabs.Panel>
        <Tabs.Panel value="deliveries" pt="md">
          <DeliveriesTab partnership={p} canManage={canManage} />
        </Tabs.Panel>
        <Tabs.Panel value="meetings" pt="md">
          <MeetingsTab partnership={p} canManage={canManage} />
        </Tabs.Panel>
        <Tabs.Panel value="goals" pt="md">
          <GoalsTab partnership={p} canManage={canManage} />
        </Tabs.Panel>
        <Tabs.Panel value="assessment" pt="md">
          <AssessmentTab partnership={p} canManage={canManage} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
