/**
 * The rows an import skipped: file, row, field and reason, 25 to a page. All of them can also be
 * downloaded as a CSV file, to fix the spreadsheet and import it again.
 */
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { DataTable } from 'mantine-datatable';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportProblem } from '../../api/directory-imports.ts';
import { useImportLabels } from './directory-import-labels.ts';

export const PROBLEMS_PER_PAGE = 25;

interface ProblemRecord extends ImportProblem {
  key: number;
}

const csvCell = (value: string | number | null) => {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The problems as CSV (file, row, field, reason), with a byte-order mark so spreadsheets read UTF-8. */
export function problemsCsv(problems: readonly ImportProblem[]): string {
  const lines = [['file', 'row', 'field', 'reason'].join(',')];
  for (const p of problems) lines.push([p.file, p.row, p.field, p.reason].map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Saves the problems as a CSV file through a temporary link. */
function download(problems: readonly ImportProblem[], importId: string): void {
  const url = URL.createObjectURL(new Blob([problemsCsv(problems)], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `import-${importId.slice(0, 8)}-problems.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function DirectoryImportProblems({
  problems,
  problemCount,
  importId,
}: {
  problems: ImportProblem[];
  /** All the problems found; only the first ones are kept when there are very many. */
  problemCount: number;
  importId: string;
}) {
  const { t } = useTranslation();
  const labels = useImportLabels();
  const [page, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(problems.length / PROBLEMS_PER_PAGE));
  const shown = Math.min(page, pages);
  const records = useMemo<ProblemRecord[]>(
    () =>
      problems
        .slice((shown - 1) * PROBLEMS_PER_PAGE, shown * PROBLEMS_PER_PAGE)
        .map((p, i) => ({ ...p, key: (shown - 1) * PROBLEMS_PER_PAGE + i })),
    [problems, shown],
  );
  const heading = (
    <Title order={3} size="h5">
      {t('imports.problems.title')}
    </Title>
  );
  if (problems.length === 0 && problemCount === 0)
    return (
      <Stack gap="xs">
        {heading}
        <Text size="sm">{t('imports.problems.none')}</Text>
      </Stack>
    );
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="center">
        {heading}
        <Button variant="default" size="xs" onClick={() => download(problems, importId)}>
          {t('imports.problems.download')}
        </Button>
      </Group>
      {problemCount > problems.length ? (
        <Text size="sm" data-testid="directory-import-problems-kept">
          {t('imports.problems.kept', {
            kept: labels.number(problems.length),
            total: labels.number(problemCount),
          })}
        </Text>
      ) : null}
      <DataTable<ProblemRecord>
        aria-label={t('imports.problems.title')}
        withTableBorder
        borderRadius="sm"
        striped
        records={records}
        idAccessor="key"
        columns={[
          { accessor: 'file', title: t('imports.problems.file') },
          {
            accessor: 'row',
            title: t('imports.problems.row'),
            render: (p) => (p.row > 0 ? labels.number(p.row) : t('imports.problems.wholeFile')),
          },
          { accessor: 'field', title: t('imports.problems.field'), render: (p) => p.field || '—' },
          {
            accessor: 'reason',
            title: t('imports.problems.reason'),
            // Long reasons (e.g. a list of allowed codes) wrap instead of scrolling the table sideways.
            cellsStyle: () => ({ overflowWrap: 'anywhere' }),
          },
        ]}
        page={shown}
        onPageChange={setPage}
        totalRecords={problems.length}
        recordsPerPage={PROBLEMS_PER_PAGE}
        paginationText={({ from, to, totalRecords }) =>
          t('imports.problems.range', {
            from: labels.number(from),
            to: labels.number(to),
            total: labels.number(totalRecords),
          })
        }
        getPaginationControlProps={(control) => ({ 'aria-label': t(`imports.problems.${control}Page`) })}
        getPaginationItemProps={(n) => ({
          'aria-label': t('imports.problems.page', { page: n }),
          'aria-current': n === shown ? 'page' : undefined,
        })}
      />
    </Stack>
  );
}
