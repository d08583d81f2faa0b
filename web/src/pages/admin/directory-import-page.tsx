/**
 * Admin › Directory import (network conveners): start an HSDS 3.0 or services-spreadsheet import,
 * follow it on a progress bar (polled every half second until it finishes), read what was imported and
 * which rows were skipped and why, look back at recent imports, and download the directory's exports.
 * The import being shown is in the address (`?import=<id>`), so a reload or a shared link keeps it.
 */
import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DIRECTORY_EXPORTS, getDirectoryImport, listDirectoryImports } from '../../api/directory-imports.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { SectionCard } from '../../components/section-card.tsx';
import { useFormatDateTime } from '../../components/use-format.ts';
import { DirectoryImportForm } from './directory-import-form.tsx';
import { DirectoryImportHistory } from './directory-import-history.tsx';
import { useImportLabels } from './directory-import-labels.ts';
import { DirectoryImportProblems } from './directory-import-problems.tsx';
import { DirectoryImportProgress } from './directory-import-progress.tsx';

const POLL_MS = 500;
const LIST_KEY = ['directory-imports', 'list'] as const;

export function DirectoryImportPage() {
  const { t } = useTranslation();
  const labels = useImportLabels();
  const when = useFormatDateTime();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const currentId = params.get('import');

  const current = useQuery({
    queryKey: ['directory-imports', 'one', currentId],
    queryFn: () => getDirectoryImport(currentId ?? ''),
    enabled: currentId !== null,
    refetchInterval: (query) => (query.state.data?.state === 'running' ? POLL_MS : false),
    refetchIntervalInBackground: true,
  });
  const recent = useQuery({
    queryKey: LIST_KEY,
    queryFn: listDirectoryImports,
    refetchInterval: (query) =>
      query.state.data?.items.some((run) => run.state === 'running') ? POLL_MS * 4 : false,
  });

  // When the import being followed finishes, the list and the directory's own pages are out of date.
  const finished = current.data !== undefined && current.data.state !== 'running';
  useEffect(() => {
    if (!finished) return;
    void queryClient.invalidateQueries({ queryKey: LIST_KEY });
    void queryClient.invalidateQueries({ queryKey: ['services'] });
    void queryClient.invalidateQueries({ queryKey: ['directory'] });
  }, [finished, currentId, queryClient]);

  const run = current.data;
  return (
    <Stack>
      <PageTitle>{t('imports.title')}</PageTitle>
      <Text size="sm">{t('imports.intro')}</Text>

      <SectionCard title={t('imports.form.title')}>
        <DirectoryImportForm
          onStarted={(id) => {
            setParams({ import: id });
            void queryClient.invalidateQueries({ queryKey: LIST_KEY });
          }}
        />
      </SectionCard>

      {currentId !== null ? (
        <SectionCard title={t('imports.current.title')}>
          <Stack gap="md" data-testid="directory-import-current">
            <ErrorAlert error={current.error} />
            {run ? (
              <>
                <Text size="sm">
                  {t('imports.current.started', {
                    format: labels.format(run.format),
                    at: when(run.startedAt),
                  })}
                </Text>
                <DirectoryImportProgress run={run} />
                {run.state === 'running' ? null : (
                  <DirectoryImportProblems
                    problems={run.problems}
                    problemCount={run.problemCount}
                    importId={run.id}
                  />
                )}
              </>
            ) : null}
          </Stack>
        </SectionCard>
      ) : null}

      <SectionCard title={t('imports.history.title')}>
        <ErrorAlert error={recent.error} />
        <DirectoryImportHistory
          imports={recent.data?.items}
          fetching={recent.isFetching && !recent.data}
          currentId={currentId}
        />
      </SectionCard>

      <SectionCard title={t('imports.exports.title')}>
        <Text size="sm" mb="xs">
          {t('imports.exports.intro')}
        </Text>
        <Group gap="lg">
          <Anchor href={DIRECTORY_EXPORTS.servicesCsv} download>
            {t('imports.exports.servicesCsv')}
          </Anchor>
          <Anchor href={DIRECTORY_EXPORTS.hsdsJson} download>
            {t('imports.exports.hsdsJson')}
          </Anchor>
        </Group>
      </SectionCard>
    </Stack>
  );
}
