/**
 * The network convener's view of partnerships: counts only — partnerships by status, agreements in
 * force, expiring or expired, open and overdue action items, services delivered by kind and the mean
 * self-assessment score per quarter. No partnership or organization is named.
 */
import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DELIVERY_KINDS,
  getPartnershipSummary,
  PARTNERSHIP_STATUSES,
  type PartnershipAggregates,
} from '../../api/partnerships.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { SectionCard } from '../../components/section-card.tsx';
import { usePartnershipLabels } from './partnership-labels.ts';
import { SimpleTable } from './simple-table.tsx';

/** A small card of labelled counts (a description list). */
function Counts({ title, rows }: { title: string; rows: [string, number, string?][] }) {
  const id = useId();
  const labels = usePartnershipLabels();
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={id}>
      <Title order={3} size="h5" id={id} mb="xs">
        {title}
      </Title>
      <Stack component="dl" gap={4} m={0}>
        {rows.map(([term, value, testId]) => (
          <div key={term} style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
            <Text component="dt" size="sm">
              {term}
            </Text>
            <Text component="dd" size="sm" fw={700} m={0} data-testid={testId}>
              {labels.number(value)}
            </Text>
          </div>
        ))}
      </Stack>
    </Card>
  );
}

export function NetworkOverview() {
  const { t } = useTranslation();
  const summary = useQuery({ queryKey: ['partnerships', 'summary'], queryFn: getPartnershipSummary });
  return (
    <SectionCard title={t('partnerships.network.heading')}>
      <Stack>
        <Text size="sm">{t('partnerships.network.hint')}</Text>
        <ErrorAlert error={summary.error} />
        {summary.data ? <Aggregates data={summary.data} /> : null}
      </Stack>
    </SectionCard>
  );
}

function Aggregates({ data }: { data: PartnershipAggregates }) {
  const { t } = useTranslation();
  const labels = usePartnershipLabels();
  const deliveries = DELIVERY_KINDS.filter((k) => (data.deliveriesByKind[k] ?? 0) > 0);
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Counts
          title={t('partnerships.network.partnerships')}
          rows={[
            [t('partnerships.network.total'), data.partnerships.total, 'overview-partnerships-total'],
            ...PARTNERSHIP_STATUSES.map((s): [string, number, string] => [
              labels.status(s),
              data.partnerships.byStatus[s] ?? 0,
              `overview-partnerships-${s}`,
            ]),
          ]}
        />
        <Counts
          title={t('partnerships.network.agreements')}
          rows={[
            [t('partnerships.network.agreementsTotal'), data.agreements.total, 'overview-agreements-total'],
            [t('partnerships.network.inForce'), data.agreements.inForce, 'overview-agreements-in-force'],
            [
              t('partnerships.network.expiringSoon'),
              data.agreements.expiringWithin60Days,
              'overview-agreements-expiring',
            ],
            [t('partnerships.network.expired'), data.agreements.expired, 'overview-agreements-expired'],
          ]}
        />
        <Counts
          title={t('partnerships.network.actionItems')}
          rows={[
            [t('partnerships.network.open'), data.actionItems.open, 'overview-action-items-open'],
            [t('partnerships.network.overdue'), data.actionItems.overdue, 'overview-action-items-overdue'],
          ]}
        />
      </SimpleGrid>
      <Title order={3} size="h5">
        {t('partnerships.network.deliveries')}
      </Title>
      {deliveries.length ? (
        <SimpleTable
          label={t('partnerships.network.deliveriesLabel')}
          head={[t('partnerships.deliveries.kind'), t('partnerships.network.count')]}
          rows={deliveries.map((k) => [labels.deliveryKind(k), labels.number(data.deliveriesByKind[k] ?? 0)])}
        />
      ) : (
        <Text size="sm">{t('partnerships.network.noneYet')}</Text>
      )}
      <Title order={3} size="h5">
        {t('partnerships.network.scores')}
      </Title>
      {data.assessmentScores.length ? (
        <SimpleTable
          label={t('partnerships.network.scoresLabel')}
          head={[
            t('partnerships.assessment.quarter'),
            t('partnerships.network.responses'),
            t('partnerships.network.meanScore'),
          ]}
          rows={data.assessmentScores.map((s) => [
            s.quarter,
            labels.number(s.responses),
            labels.number(s.meanScore),
          ])}
        />
      ) : (
        <Text size="sm">{t('partnerships.network.noneYet')}</Text>
      )}
    </Stack>
  );
}
