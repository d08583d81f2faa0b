/**
 * Suggested alternatives on the sender's referral page: when the partner has not acknowledged the referral
 * and the escalation ladder reached its last level ("alternatives"), the server suggests other services that
 * fit; each links to its directory page, and the transition is where the patient is referred to one.
 */
import { Alert, Anchor, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReferralView } from '../../api/transitions.ts';
import { SectionCard } from '../../components/section-card.tsx';

export function SuggestedAlternatives({ referral }: { referral: ReferralView }) {
  const { t } = useTranslation();
  const alternatives = referral.suggestedAlternatives;
  if (referral.side !== 'sender' || alternatives.length === 0) return null;
  return (
    <SectionCard title={t('followup.alternatives.heading')}>
      <Stack data-testid="suggested-alternatives">
        <Alert color="orange" variant="light">
          {t('followup.alternatives.intro', { partner: referral.receiver.name })}
        </Alert>
        <List spacing="xs">
          {alternatives.map((a) => (
            <List.Item key={a.id} data-testid="alternative">
              <Anchor component={Link} to={`/directory/services/${encodeURIComponent(a.id)}`}>
                {a.name}
              </Anchor>
              <Text span size="sm">
                {' — '}
                {a.organization.name}
              </Text>
            </List.Item>
          ))}
        </List>
        <Anchor component={Link} to={`/transitions/${encodeURIComponent(referral.transitionId)}`} size="sm">
          {t('followup.alternatives.referFromTransition')}
        </Anchor>
      </Stack>
    </SectionCard>
  );
}
