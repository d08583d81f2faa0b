/**
 * The TanStack Query client. A 401 from any request other than the session check means the session
 * ended (idle timeout, logout elsewhere): the cached session is cleared so the guard shows the login page.
 */
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api/api-error.ts';
import { applySession } from './session/session-query.ts';

function onError(error: unknown): void {
  if (
    isApiError(error) &&
    error.status === 401 &&
    !error.is('totp-required') &&
    !error.is('invalid-credentials')
  ) {
    if (queryClient.getQueryData(['session'])) applySession(queryClient, null);
  }
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      retry: (count, error) => count < 2 && !(isApiError(error) && error.status > 0 && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});
