/** Directory home: find a service for a patient's need, or browse the network's services. */
import { Stack, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageTitle } from '../../components/page-title.tsx';
import { BrowseServicesSection } from './browse-services-section.tsx';
import { FindServiceSection } from './find-service-section.tsx';

type Tab = 'find' | 'browse';

export function DirectoryPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const current: Tab = params.get('tab') === 'browse' ? 'browse' : 'find';
  return (
    <Stack>
      <PageTitle>{t('directory.title')}</PageTitle>
      <Text size="sm">{t('directory.intro')}</Text>
      <Tabs
        value={current}
        onChange={(value) => setParams(value === 'browse' ? { tab: 'browse' } : {}, { replace: true })}
      >
        <Tabs.List aria-label={t('directory.tabs.label')}>
          <Tabs.Tab value="find">{t('directory.tabs.find')}</Tabs.Tab>
          <Tabs.Tab value="browse">{t('directory.tabs.browse')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="find" pt="md">
          <FindServiceSection />
        </Tabs.Panel>
        <Tabs.Panel value="browse" pt="md">
          <BrowseServicesSection />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
