/**
 * One referral (`/referrals/:id`), for both sides: the §2.32 notice first when the reader's organization is
 * not the holder (the partner), then the status with the moves the reader's side may make, the services
 * suggested instead when the partner never acknowledged it (sender side), the coverage-gap clock, the
 * handoff packet, the history and the message thread.
 */
import { Alert, Anchor, Group, Loader, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/api-error.ts';
import { useReferralQuery } from '../../api/transitions.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { DisclosureBanner } from '../patients/disclosure-banner.tsx';
import { SuggestedAlternatives } from '../referrals/suggested-alternatives.tsx';
import { ReferralStatusBadge } from './badges.tsx';
import { GapClockCard } from './gap-clock-card.tsx';
import { MessageThread } from './message-thread.tsx';
import { PacketSection } from './packet-view.tsx';
import { ReferralHistory } from './referral-history.tsx';
import { StatusSection } from './status-actions.tsx';
import { useTransitionAccess } from './transition-labels.ts';

export function ReferralPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const access = useTransitionAccess();
  const referral = useReferralQuery(id);
  if (referral.isPending) return <Loader aria-label={t('common.loading')} />;
  if (referral.isError) {
    const notFound = isApiError(referral.error) && referral.error.status === 404;
    return (
      <Stack>
        <Anchor component={Link} to="/referrals" size="sm">
          {t('transitions.inbox.back')}
        </Anchor>
        <PageTitle>{notFound ? t('transitions.referral.notFound') : t('transitions.inbox.title')}</PageTitle>
        {notFound ? (
          <Alert color="yellow" variant="light" role="alert">
            {t('errors.notFound')}
          </Alert>
        ) : (
          <ErrorAlert error={referral.error} />
        )}
      </Stack>
    );
  }
  const r = referral.data;
  const sender = r.side === 'sender';
  const patientName = r.patient.name ?? t('transitions.inbox.nameNotShared');
  return (
    <Stack>
      <Group gap="md">
        {sender ? (
          <Anchor component={Link} to={`/transitions/${encodeURIComponent(r.transitionId)}`} size="sm">
            {t('transitions.referral.backToTransition')}
          </Anchor>
        ) : null}
        <Anchor component={Link} to="/referrals" size="sm">
          {t('transitions.inbox.back')}
        </Anchor>
      </Group>
      <PageTitle actions={<ReferralStatusBadge status={r.status} />}>
        {t('transitions.referral.title', { patient: patientName, partner: r.receiver.name })}
      </PageTitle>
      {r.disclosure ? (
        <DisclosureBanner notice={r.disclosure} organizationName={r.sender.name} part2={r.part2} />
      ) : null}
      <StatusSection referral={r} />
      <SuggestedAlternatives referral={r} />
      <GapClockCard gap={r.gap} />
      <PacketSection packet={r.packet} receiverContacts={r.receiverContacts} />
      <ReferralHistory history={r.history} />
      <MessageThread referralId={r.id} canWrite={access.canMessage} />
    </Stack>
  );
}
