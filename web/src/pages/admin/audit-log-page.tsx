/** The audit log, newest first, fifty at a time; conveners can verify the hash chains. */
import { Badge, Button, Code, Group, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AUDIT_PAGE_SIZE, listAuditEvents } from '../../api/audit.ts';
import type { AuditEvent } from '../../api/types.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ListTable } from '../../components/list-table.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { useFormatDateTime } from '../../components/use-format.ts';
import { useAccess } from '../../session/session-context.ts';
import { AuditVerify } from './audit-verify.tsx';

const short = (id: string | null) => (id ? id.slice(0, 8) : '—');

export function AuditLogPage() {
  const { t } = useTranslation();
  const when = useFormatDateTime();
  const access = useAccess();
  const events = useInfiniteQuery({
    queryKey: ['audit-events'],
    queryFn: ({ pageParam }) => listAuditEvents(pageParam),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) =>
      last.items.length >= AUDIT_PAGE_SIZE ? last.items[last.items.length - 1]?.seq : undefined,
  });
  const records = events.data?.pages.flatMap((page) => page.items);
  return (
    <Stack>
      <PageTitle>{t('admin.audit.title')}</PageTitle>
      <Text size="sm">{t('admin.audit.intro')}</Text>
      {access.can('audit.verify') ? <AuditVerify /> : null}
      <ErrorAlert error={events.error} />
      <ListTable<AuditEvent>
        label={t('admin.audit.title')}
        records={records}
        fetching={events.isFetching && !events.isFetchingNextPage}
        idAccessor="seq"
        emptyText={t('admin.audit.none')}
        columns={[
          { accessor: 'seq', title: t('admin.audit.seq') },
          { accessor: 'at', title: t('admin.audit.at'), render: (e) => when(e.at) },
          { accessor: 'action', title: t('admin.audit.action'), render: (e) => <Code>{e.action}</Code> },
          {
            accessor: 'outcome',
            noWrap: true,
            title: t('admin.audit.outcome'),
            render: (e) => (
              <Badge variant="outline" color={e.outcome === 'success' ? 'teal' : 'red'} tt="none">
                {e.outcome}
              </Badge>
            ),
          },
          {
            accessor: 'entity',
            title: t('admin.audit.entity'),
            render: (e) => (e.entityType ? `${e.entityType} ${short(e.entityId)}` : '—'),
          },
          { accessor: 'actorUserId', title: t('admin.audit.actor'), render: (e) => short(e.actorUserId) },
          { accessor: 'via', title: t('admin.audit.via'), render: (e) => e.via ?? '—' },
        ]}
      />
      {events.hasNextPage ? (
        <Group>
          <Button
            variant="default"
            loading={events.isFetchingNextPage}
            onClick={() => void events.fetchNextPage()}
          >
            {t('admin.audit.older')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
