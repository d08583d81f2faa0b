/** Placeholder for an area not built yet: says what the area will do. */
import { Alert, Badge, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Area } from '../../components/areas.ts';
import { PageTitle } from '../../components/page-title.tsx';

export function ComingSoonPage({ area }: { area: Area }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageTitle
        actions={
          <Badge color="gray" variant="outline">
            {t('comingSoon.badge')}
          </Badge>
        }
      >
        {t(`areas.${area}.title`)}
      </PageTitle>
      <Text size="lg">{t(`areas.${area}.description`)}</Text>
      <Alert variant="light" color="indigo">
        {t('comingSoon.body')}
      </Alert>
    </Stack>
  );
}
