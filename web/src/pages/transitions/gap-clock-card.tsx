/**
 * The coverage-gap clock of a transition or referral: when the medication runs out, the first booked
 * appointment, and the verdict (gap with its hours, at risk, covered, pending, no plan, linked) in words.
 */
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { GapClockView } from '../../api/transitions.ts';
import { SectionCard } from '../../components/section-card.tsx';
import { GapBadge } from './badges.tsx';
import { FactsTable } from './facts-table.tsx';
import { useTransitionLabels } from './transition-labels.ts';

export function GapClockCard({ gap }: { gap: GapClockView }) {
  const { t } = useTranslation();
  const labels = useTransitionLabels();
  return (
    <SectionCard title={t('transitions.gap.heading')}>
      <Stack gap="sm" data-testid="gap-clock" data-state={gap.state}>
        <div>
          <GapBadge gap={gap} size="lg" />
        </div>
        <Text size="sm">{t(`transitions.gap.explain.${gap.state}`)}</Text>
        <FactsTable
          label={t('transitions.gap.heading')}
          rows={[
            [t('transitions.fields.coverageEnd'), labels.dateTime(gap.coverageEnd)],
            [t('transitions.fields.firstAppointment'), labels.dateTime(gap.firstAppointmentAt)],
          ]}
        />
      </Stack>
    </SectionCard>
  );
}
