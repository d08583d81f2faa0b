/**
 * The editor's pages: a new pathway (`/pathways/new`) and a new version of one (`/pathways/:id/edit`). When
 * someone else saved a version first (412), the pathway is reloaded and the editor starts again from it,
 * saying so.
 */
import { Alert, Anchor, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../components/page-title.tsx';
import { useFollowupAccess } from '../tasks/followup-labels.ts';
import { draftOf, emptyDraft } from './pathway-draft.ts';
import { PathwayEditor } from './pathway-editor.tsx';
import { usePathwayOfRoute } from './pathway-page.tsx';

function NotAllowed() {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageTitle>{t('errors.notAllowedTitle')}</PageTitle>
      <Alert color="yellow" variant="light">
        {t('followup.pathway.readOnly')}
      </Alert>
    </Stack>
  );
}

export function NewPathwayPage() {
  const { t } = useTranslation();
  const access = useFollowupAccess();
  if (!access.canManagePathways) return <NotAllowed />;
  return (
    <Stack>
      <Anchor component={Link} to="/pathways" size="sm">
        {t('followup.pathway.back')}
      </Anchor>
      <PageTitle>{t('followup.editor.newTitle')}</PageTitle>
      <PathwayEditor initial={emptyDraft()} />
    </Stack>
  );
}

export function EditPathwayPage() {
  const { t } = useTranslation();
  const access = useFollowupAccess();
  const { pathway, fallback } = usePathwayOfRoute();
  const [stale, setStale] = useState(false);
  if (!access.canManagePathways) return <NotAllowed />;
  if (!pathway.data) return fallback;
  const p = pathway.data;
  return (
    <Stack>
      <Anchor component={Link} to={`/pathways/${encodeURIComponent(p.id)}`} size="sm">
        {t('followup.editor.backTo', { name: p.name })}
      </Anchor>
      <PageTitle>{t('followup.editor.editTitle', { name: p.name })}</PageTitle>
      {stale ? (
        <Alert
          color="yellow"
          variant="light"
          role="alert"
          title={t('followup.stale.title')}
          data-testid="stale"
          withCloseButton
          onClose={() => setStale(false)}
          closeButtonLabel={t('common.close')}
        >
          {t('followup.editor.staleBody', { version: p.version })}
        </Alert>
      ) : null}
      {/* Keyed by version: after a reload the editor starts from the version saved meanwhile. */}
      <PathwayEditor key={p.version} initial={draftOf(p)} pathway={p} onStale={() => setStale(true)} />
    </Stack>
  );
}
