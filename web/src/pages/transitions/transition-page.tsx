/**
 * One transition (`/transitions/:id`): the patient, status and coverage-gap clock first, then the encounter
 * and care team, the MOUD plan, the discharge and close actions, and the referrals with their letters and
 * the form to refer to a partner service.
 */
import { Alert, Anchor, Group, Loader, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/api-error.ts';
import { useTransitionQuery, type TransitionView } from '../../api/transitions.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { SectionCard } from '../../components/section-card.tsx';
import { TransitionStatusBadge } from './badges.tsx';
import { FactsTable } from './facts-table.tsx';
import { GapClockCard } from './gap-clock-card.tsx';
import { PlanFacts } from './plan-card.tsx';
import { ReferralsSection } from './referrals-section.tsx';
import { useTransitionAccess, useTransitionLabels } from './transition-labels.ts';
import { TransitionUpdateSection } from './transition-update.tsx';

export function TransitionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const access = useTransitionAccess();
  const transition = useTransitionQuery(id);
  if (transition.isPending) return <Loader aria-label={t('common.loading')} />;
  if (transition.isError) {
    const notFound = isApiError(transition.error) && transition.error.status === 404;
    return (
      <Stack>
        <Anchor component={Link} to="/transitions" size="sm">
          {t('transitions.back')}
        </Anchor>
        <PageTitle>{notFound ? t('transitions.page.notFound') : t('transitions.title')}</PageTitle>
        {notFound ? (
          <Alert color="yellow" variant="light" role="alert">
            {t('errors.notFound')}
          </Alert>
        ) : (
          <ErrorAlert error={transition.error} />
        )}
      </Stack>
    );
  }
  const tr = transition.data;
  return (
    <Stack>
      <Anchor component={Link} to="/transitions" size="sm">
        {t('transitions.back')}
      </Anchor>
      <PageTitle actions={<TransitionStatusBadge status={tr.status} />}>
        {t('transitions.page.title', { name: tr.patient.name })}
      </PageTitle>
      <GapClockCard gap={tr.gap} />
      <Summary transition={tr} />
      <SectionCard title={t('transitions.plan.heading')}>
        <PlanFacts plan={tr.moudPlan} label={t('transitions.plan.heading')} />
      </SectionCard>
      {access.canManage ? <TransitionUpdateSection key={tr.version} transition={tr} /> : null}
      <ReferralsSection transition={tr} />
    </Stack>
  );
}

function Summary({ transition: tr }: { transition: TransitionView }) {
  const { t } = useTranslation();
  const labels = useTransitionLabels();
  const team = [
    tr.careTeam.navigator ? t('transitions.page.asNavigator', { name: tr.careTeam.navigator.name }) : null,
    tr.careTeam.peer ? t('transitions.page.asPeer', { name: tr.careTeam.peer.name }) : null,
    tr.careTeam.clinician ? t('transitions.page.asClinician', { name: tr.careTeam.clinician.name }) : null,
  ].filter((x): x is string => !!x);
  return (
    <SectionCard title={t('transitions.page.summary')}>
      <FactsTable
        label={t('transitions.page.summary')}
        rows={[
          [
            t('transitions.fields.patient'),
            <Group key="patient" gap="xs">
              <Anchor component={Link} to={`/patients/${encodeURIComponent(tr.patient.id)}`}>
                {tr.patient.name}
              </Anchor>
              <span>({labels.day(tr.patient.birthDate)})</span>
            </Group>,
          ],
          [t('transitions.fields.hospital'), tr.hospital.name],
          [t('transitions.fields.encounterType'), labels.encounterType(tr.encounterType)],
          [t('transitions.fields.oudIdentifiedBy'), labels.oudIdentifiedBy(tr.oudIdentifiedBy)],
          [t('transitions.fields.admittedAt'), labels.dateTime(tr.admittedAt)],
          [t('transitions.fields.expectedDischargeAt'), labels.dateTime(tr.expectedDischargeAt)],
          [t('transitions.fields.dischargedAt'), labels.dateTime(tr.dischargedAt)],
          [t('transitions.fields.disposition'), labels.disposition(tr.disposition)],
          [t('transitions.fields.careTeam'), team.length ? team.join(' · ') : '—'],
          [
            t('transitions.fields.careNeeds'),
            tr.careNeeds.length ? tr.careNeeds.map((n) => labels.careNeed(n)).join(', ') : '—',
          ],
        ]}
      />
    </SectionCard>
  );
}
