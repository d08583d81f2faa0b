/**
 * What travels with every view of a patient held by another organization (§2.32, P12): the configured
 * Part 2 notice, verbatim, and the scope of the consent relied on — or, for a §2.51 medical emergency,
 * how long the emergency access lasts.
 */
import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DisclosureNotice } from '../../api/consents.ts';
import { usePatientLabels } from './patient-labels.ts';

export function DisclosureBanner({
  notice,
  organizationName,
  part2,
}: {
  notice: DisclosureNotice;
  organizationName: string;
  /** The record is labelled Part 2 (otherwise the notice still travels, under a plainer title). */
  part2: boolean;
}) {
  const { t } = useTranslation();
  const labels = usePatientLabels();
  const scope = notice.scope;
  return (
    <Alert
      color="orange"
      variant="light"
      role="note"
      aria-label={t('patients.banner.label')}
      title={
        part2
          ? t('patients.banner.title')
          : notice.emergency
            ? t('patients.banner.titleEmergency')
            : t('patients.banner.titleNotPart2')
      }
      data-testid="disclosure-banner"
    >
      <Stack gap="xs">
        {scope ? (
          <Text size="sm" fw={600} data-testid="disclosure-scope">
            {t('patients.banner.scope', {
              holder: organizationName,
              purposes: labels.list(scope.purposes.map(labels.purpose)),
              categories: labels.list(scope.categories.map(labels.category)),
              until: labels.until(scope),
            })}
          </Text>
        ) : null}
        {notice.emergency ? (
          <Text size="sm" fw={600} data-testid="disclosure-emergency">
            {t('patients.banner.emergency', { until: labels.dateTime(notice.emergency.expiresAt) })}
          </Text>
        ) : null}
        <Text size="sm" style={{ whiteSpace: 'pre-line' }} data-testid="disclosure-statement">
          {notice.statement}
        </Text>
        <Text size="xs">
          {t('patients.banner.purpose', { purpose: labels.purpose(notice.purpose) })} ·{' '}
          {t('patients.banner.version', { version: notice.noticeVersion })}
        </Text>
      </Stack>
    </Alert>
  );
}
