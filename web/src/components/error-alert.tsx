/**
 * Shows an error from the API in words the user can act on: a translated message chosen by the
 * problem type or status, and the server's detail when it adds something.
 */
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error.ts';
import { describeError } from './describe-error.ts';

export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = describeError(error, t);
  const api = isApiError(error) ? error : undefined;
  // The server's own words only where they say what to fix (validation, conflicts) and no field shows them.
  const explains = api !== undefined && [400, 409, 422].includes(api.status) && !api.errors?.length;
  const detail = explains && api.detail !== message ? api.detail : undefined;
  return (
    <Alert color="red" variant="light" title={title ?? message} role="alert">
      {title ? message : null}
      {detail ? <div>{detail}</div> : null}
    </Alert>
  );
}
