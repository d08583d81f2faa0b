/**
 * Pathways (`/pathways`): the follow-up pathways of the organization and of its partnerships — name, owner,
 * version, number of steps, status. A hospital's program managers and administrators may start a new one.
 */
import { Anchor, Badge, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePathwayList, type PathwayView } from '../../api/followup.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ListTable } from '../../components/list-table.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { useFollowupAccess, useFollowupLabels } from '../tasks/followup-labels.ts';
import { FULL_BADGE } from '../tasks/task-bits.tsx';

export function PathwaysPage() {
  const { t } = useTranslation();
  const labels = useFollowupLabels();
  const access = useFollowupAccess();
  const list = usePathwayList();
  return (
    <Stack>
      <PageTitle
        actions={
          access.canManagePathways ? (
            <Button component={Link} to="/pathways/new">
              {t('followup.pathways.new')}
            </Button>
          ) : null
        }
      >
        {t('followup.pathways.title')}
      </PageTitle>
      <Text size="sm">{t('followup.pathways.intro')}</Text>
      <ErrorAlert error={list.error} />
      <ListTable<PathwayView>
        label={t('followup.pathways.table')}
        records={list.data}
        fetching={list.isFetching}
        idAccessor="id"
        emptyText={t('followup.pathways.none')}
        columns={[
          {
            accessor: 'name',
            title: t('followup.pathways.name'),
            render: (p) => (
              <Anchor component={Link} to={`/pathways/${encodeURIComponent(p.id)}`}>
                {p.name}
              </Anchor>
            ),
          },
          {
            accessor: 'owner.name',
            title: t('followup.pathways.owner'),
            render: (p) => `${labels.ownerKind(p.owner.kind)}: ${p.owner.name}`,
          },
          { accessor: 'version', title: t('followup.pathways.version'), textAlign: 'right' },
          {
            accessor: 'steps',
            title: t('followup.pathways.steps'),
            textAlign: 'right',
            render: (p) => p.steps.length,
          },
          {
            accessor: 'status',
            title: t('followup.pathways.status'),
            render: (p) => (
              <Badge
                color={p.status === 'active' ? 'teal' : 'gray'}
                variant="light"
                tt="none"
                styles={FULL_BADGE}
              >
                {labels.pathwayStatus(p.status)}
              </Badge>
            ),
          },
          {
            accessor: 'updatedAt',
            title: t('followup.pathways.updated'),
            render: (p) => labels.dateTime(p.updatedAt),
          },
        ]}
      />
    </Stack>
  );
}
