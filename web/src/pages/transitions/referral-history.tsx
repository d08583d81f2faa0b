/** A referral's history, oldest first: each move with who made it (person and organization), when, and what it carried. */
import { Stack, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReferralEventView } from '../../api/transitions.ts';
import { SectionCard } from '../../components/section-card.tsx';
import { useTransitionLabels } from './transition-labels.ts';

export function ReferralHistory({ history }: { history: ReferralEventView[] }) {
  const { t } = useTranslation();
  const labels = useTransitionLabels();
  return (
    <SectionCard title={t('transitions.history.heading')}>
      {history.length === 0 ? (
        <Text>{t('transitions.history.none')}</Text>
      ) : (
        <Timeline active={history.length - 1} bulletSize={14} lineWidth={2} data-testid="referral-history">
          {history.map((e) => (
            <Timeline.Item
              key={e.seq}
              title={
                e.from
                  ? t('transitions.history.moved', {
                      from: labels.referralStatus(e.from),
                      to: labels.referralStatus(e.to),
                    })
                  : labels.referralStatus(e.to)
              }
            >
              <Stack gap={2}>
                <Text size="sm">
                  {t('transitions.history.by', {
                    name: e.by.name,
                    organization: e.by.organization.name,
                    at: labels.dateTime(e.at),
                  })}
                </Text>
                {e.reason ? (
                  <Text size="sm">{`${labels.reason(e.reason.code)}: ${e.reason.text}`}</Text>
                ) : null}
                {e.appointment ? (
                  <Text size="sm">
                    {t('transitions.history.appointment', {
                      at: [labels.dateTime(e.appointment.at), e.appointment.place]
                        .filter(Boolean)
                        .join(' · '),
                    })}
                  </Text>
                ) : null}
                {e.note ? <Text size="sm">{e.note}</Text> : null}
              </Stack>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </SectionCard>
  );
}
