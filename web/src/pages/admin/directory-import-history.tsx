/** Recent imports, newest first: when, what format, how it went; each one can be opened again. */
import { Anchor, Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DirectoryImport } from '../../api/directory-imports.ts';
import { ListTable } from '../../components/list-table.tsx';
import { useFormatDateTime } from '../../components/use-format.ts';
import { STATE_COLORS, useImportLabels } from './directory-import-labels.ts';

export function DirectoryImportHistory({
  imports,
  fetching,
  currentId,
}: {
  imports: DirectoryImport[] | undefined;
  fetching: boolean;
  currentId: string | null;
}) {
  const { t } = useTranslation();
  const labels = useImportLabels();
  const when = useFormatDateTime();
  return (
    <ListTable<DirectoryImport>
      label={t('imports.history.title')}
      records={imports}
      fetching={fetching}
      idAccessor="id"
      emptyText={t('imports.history.none')}
      columns={[
        {
          accessor: 'startedAt',
          title: t('imports.history.started'),
          render: (run) => (
            <Anchor
              component={Link}
              to={`?import=${encodeURIComponent(run.id)}`}
              aria-current={run.id === currentId ? 'true' : undefined}
              fw={run.id === currentId ? 700 : undefined}
            >
              {when(run.startedAt)}
            </Anchor>
          ),
        },
        {
          accessor: 'format',
          title: t('imports.history.format'),
          render: (run) => labels.format(run.format),
        },
        {
          accessor: 'state',
          noWrap: true,
          title: t('imports.history.state'),
          render: (run) => (
            <Badge variant="outline" color={STATE_COLORS[run.state]} tt="none">
              {labels.state(run.state)}
            </Badge>
          ),
        },
        {
          accessor: 'importedRows',
          title: t('imports.history.rows'),
          render: (run) =>
            t('imports.history.rowsValue', {
              imported: labels.number(run.importedRows),
              skipped: labels.number(run.skippedRows),
              total: labels.number(run.totalRows),
            }),
        },
        {
          accessor: 'finishedAt',
          title: t('imports.history.finished'),
          render: (run) => when(run.finishedAt),
        },
      ]}
    />
  );
}
