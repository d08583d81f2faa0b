/**
 * One pathway (`/pathways/:id`): who owns it, its version and status, and its steps as a readable timeline
 * ("Peer call — hospital peer recovery specialist — at discharge, due within 7 days — records contact").
 * A hospital's program managers and administrators may save a new version; the partner side only reads it.
 */
import { Alert, Anchor, Badge, Button, List, Loader, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/api-error.ts';
import { usePathwayQuery, type PathwayView } from '../../api/followup.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { SectionCard } from '../../components/section-card.tsx';
import { FactsTable } from '../transitions/facts-table.tsx';
import { useFollowupAccess, useFollowupLabels } from '../tasks/followup-labels.ts';
import { FULL_BADGE } from '../tasks/task-bits.tsx';

/** Loads the pathway of the address, or shows why it cannot. */
export function usePathwayOfRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const pathway = usePathwayQuery(id);
  let fallback: ReactNode = null;
  if (pathway.isPending) fallback = <Loader aria-label={t('common.loading')} />;
  else if (pathway.isError) {
    const notFound = isApiError(pathway.error) && pathway.error.status === 404;
    fallback = (
      <Stack>
        <Anchor component={Link} to="/pathways" size="sm">
          {t('followup.pathway.back')}
        </Anchor>
        <PageTitle>{notFound ? t('followup.pathway.notFound') : t('followup.pathways.title')}</PageTitle>
        {notFound ? (
          <Alert color="yellow" variant="light" role="alert">
            {t('errors.notFound')}
          </Alert>
        ) : (
          <ErrorAlert error={pathway.error} />
        )}
      </Stack>
    );
  }
  return { pathway, fallback };
}

export function PathwayPage() {
  const { t } = useTranslation();
  const access = useFollowupAccess();
  const { pathway, fallback } = usePathwayOfRoute();
  if (!pathway.data) return fallback;
  const p = pathway.data;
  const editable = access.canManagePathways && p.status === 'active';
  return (
    <Stack>
      <Anchor component={Link} to="/pathways" size="sm">
        {t('followup.pathway.back')}
      </Anchor>
      <PageTitle
        actions={
          editable ? (
            <Button component={Link} to={`/pathways/${encodeURIComponent(p.id)}/edit`}>
              {t('followup.pathway.edit')}
            </Button>
          ) : null
        }
      >
        {p.name}
      </PageTitle>
      <PathwayFacts pathway={p} />
      {access.canManagePathways ? null : (
        <Text size="sm" data-testid="read-only">
          {t('followup.pathway.readOnly')}
        </Text>
      )}
      <StepTimeline pathway={p} />
    </Stack>
  );
}

function PathwayFacts({ pathway: p }: { pathway: PathwayView }) {
  const { t } = useTranslation();
  const labels = useFollowupLabels();
  return (
    <SectionCard title={t('followup.pathway.about')}>
      <FactsTable
        label={t('followup.pathway.about')}
        rows={[
          [t('followup.pathways.owner'), `${labels.ownerKind(p.owner.kind)}: ${p.owner.name}`],
          [t('followup.pathways.version'), String(p.version)],
          [
            t('followup.pathways.status'),
            <Badge
              key="status"
              color={p.status === 'active' ? 'teal' : 'gray'}
              variant="light"
              tt="none"
              styles={FULL_BADGE}
            >
              {labels.pathwayStatus(p.status)}
            </Badge>,
          ],
          [t('followup.pathways.updated'), labels.dateTime(p.updatedAt)],
          [t('followup.editor.description'), p.description ?? '—'],
        ]}
      />
    </SectionCard>
  );
}

/** The steps in order, each as one sentence. */
export function StepTimeline({ pathway: p }: { pathway: PathwayView }) {
  const { t } = useTranslation();
  const labels = useFollowupLabels();
  return (
    <SectionCard title={t('followup.pathway.steps', { count: p.steps.length })}>
      <List type="ordered" spacing="sm" data-testid="pathway-steps">
        {p.steps.map((step) => (
          <List.Item key={step.key} data-testid="pathway-step" data-key={step.key}>
            {labels.step(step)}
          </List.Item>
        ))}
      </List>
    </SectionCard>
  );
}
