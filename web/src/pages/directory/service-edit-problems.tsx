/** Why a save was refused: the server's field problems as a list (400), any other error as an alert. */
import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';

export function SaveProblems({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const validation = isApiError(error) && error.status === 400;
  return validation ? (
    <Alert color="red" variant="light" role="alert" title={t('directory.edit.invalid')}>
      {error.errors?.length ? (
        <List size="sm" data-testid="service-edit-problems">
          {error.errors.map((problem, index) => (
            <List.Item key={`${problem.field}-${index}`}>
              {t('directory.edit.problem', { field: problem.field, message: problem.message })}
            </List.Item>
          ))}
        </List>
      ) : (
        <Text size="sm">{error.detail ?? error.title}</Text>
      )}
    </Alert>
  ) : (
    <ErrorAlert error={error} />
  );
}
