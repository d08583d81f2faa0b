/**
 * "Start an import": the format, the files (several at once for the HSDS CSV data package), and the
 * button. The browser reads the files and sends their text; the server answers with the import's id.
 */
import { Alert, Button, FileInput, Radio, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error.ts';
import {
  IMPORT_FORMATS,
  readFiles,
  startDirectoryImport,
  type ImportFormat,
} from '../../api/directory-imports.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useImportLabels } from './directory-import-labels.ts';

const ACCEPT: Record<ImportFormat, string> = {
  'hsds-csv': '.csv,.json,text/csv,application/json',
  'hsds-json': '.json,application/json',
  'services-csv': '.csv,text/csv',
};

export function DirectoryImportForm({ onStarted }: { onStarted: (id: string) => void }) {
  const { t } = useTranslation();
  const labels = useImportLabels();
  const [format, setFormat] = useState<ImportFormat>('hsds-csv');
  const [files, setFiles] = useState<File[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: async () => startDirectoryImport({ format, files: await readFiles(files) }),
    onSuccess: ({ id }) => {
      setFiles([]);
      onStarted(id);
    },
  });

  const submit = () => {
    if (files.length === 0) return setProblem(t('imports.form.noFiles'));
    if (format === 'services-csv' && files.length > 1) return setProblem(t('imports.form.oneCsv'));
    setProblem(null);
    start.mutate();
  };

  const tooLarge = isApiError(start.error) && start.error.status === 413;
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="md">
        <Radio.Group
          label={t('imports.form.format')}
          value={format}
          onChange={(value) => {
            setFormat(value as ImportFormat);
            setProblem(null);
          }}
        >
          <Stack gap="xs" mt="xs">
            {IMPORT_FORMATS.map((f) => (
              <Radio key={f} value={f} label={labels.format(f)} description={t(`imports.formatHelp.${f}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <FileInput
          label={t('imports.form.files')}
          placeholder={t('imports.form.filesPlaceholder')}
          multiple
          clearable
          accept={ACCEPT[format]}
          value={files}
          onChange={(chosen) => {
            setFiles(chosen);
            setProblem(null);
          }}
          error={problem}
          // Mantine's error red (shade 6) is below AA contrast on white, for the message and the placeholder.
          styles={{ root: { '--mantine-color-error': 'var(--mantine-color-red-9)' } }}
          valueComponent={({ value }) => {
            const list = Array.isArray(value) ? value : value ? [value] : [];
            return (
              <div style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                {t('imports.form.filesChosen', {
                  count: list.length,
                  names: list.map((f) => f.name).join(', '),
                })}
              </div>
            );
          }}
          fileInputProps={{ 'data-testid': 'directory-import-files' } as Record<string, string>}
        />
        {tooLarge ? (
          <Alert color="red" variant="light" role="alert" title={t('imports.form.tooLarge')} />
        ) : (
          <ErrorAlert error={start.error} />
        )}
        <Button type="submit" loading={start.isPending} w="fit-content">
          {t('imports.form.start')}
        </Button>
      </Stack>
    </form>
  );
}
