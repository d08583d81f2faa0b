/**
 * One import as it runs and once it is done: a progress bar ("1,234 of 20,000 rows") and, when it has
 * finished, the summary (rows read, imported, skipped, problems) announced to screen readers.
 */
import { Alert, Group, Progress, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectoryImport } from '../../api/directory-imports.ts';
import { STATE_COLORS, useImportLabels } from './directory-import-labels.ts';

export function DirectoryImportProgress({ run }: { run: DirectoryImport }) {
  const { t } = useTranslation();
  const labels = useImportLabels();
  const textId = useId();
  const running = run.state === 'running';
  const known = run.totalRows > 0;
  const processed = Math.min(run.processedRows, run.totalRows);
  const percent = known ? (processed / run.totalRows) * 100 : running ? 0 : 100;
  const text = known
    ? t('imports.progress.rows', { processed: labels.number(processed), total: labels.number(run.totalRows) })
    : running
      ? t('imports.progress.reading')
      : t('imports.progress.rows', { processed: labels.number(0), total: labels.number(0) });
  return (
    <Stack gap="xs">
      <Progress.Root
        size="xl"
        role="progressbar"
        aria-label={t('imports.progress.label')}
        aria-describedby={textId}
        aria-valuemin={0}
        aria-valuemax={known ? run.totalRows : undefined}
        aria-valuenow={known ? processed : undefined}
        aria-valuetext={text}
        data-state={run.state}
      >
        <Progress.Section
          withAria={false}
          value={percent}
          color={STATE_COLORS[run.state]}
          striped={running}
          animated={running}
        />
      </Progress.Root>
      <Text id={textId} size="sm" data-testid="directory-import-progress-text">
        {text}
      </Text>
      {running ? null : <DirectoryImportResult run={run} />}
    </Stack>
  );
}

function DirectoryImportResult({ run }: { run: DirectoryImport }) {
  const { t } = useTranslation();
  const labels = useImportLabels();
  const title =
    run.state === 'failed'
      ? t('imports.result.failed')
      : run.skippedRows > 0 || run.problemCount > 0
        ? t('imports.result.withProblems')
        : t('imports.result.succeeded');
  const color = run.state === 'failed' ? 'red' : run.skippedRows > 0 ? 'yellow' : 'teal';
  const figures = [
    { key: 'total', label: t('imports.result.total'), value: run.totalRows },
    { key: 'imported', label: t('imports.result.imported'), value: run.importedRows },
    { key: 'skipped', label: t('imports.result.skipped'), value: run.skippedRows },
    { key: 'problems', label: t('imports.result.problems'), value: run.problemCount },
  ];
  return (
    <Alert color={color} variant="light" role="status" title={title} data-testid="directory-import-result">
      {run.error ? (
        <Text size="sm" mb="sm">
          {run.error}
        </Text>
      ) : null}
      <Group component="dl" gap="xl" m={0}>
        {figures.map((f) => (
          <div key={f.key}>
            <Text component="dt" size="sm">
              {f.label}
            </Text>
            <Text component="dd" m={0} fw={700} size="lg" data-testid={`directory-import-${f.key}`}>
              {labels.number(f.value)}
            </Text>
          </div>
        ))}
      </Group>
    </Alert>
  );
}
