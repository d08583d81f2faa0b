/**
 * The session as server state: fetched once, written back after login, switch and logout, and
 * mirrored into the API client's CSRF token.
 */
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { fetchSession } from '../api/auth.ts';
import { setCsrfToken } from '../api/client.ts';
import type { Session } from '../api/types.ts';

export const SESSION_KEY = ['session'] as const;

async function loadSession(): Promise<Session | null> {
  const session = await fetchSession();
  setCsrfToken(session?.csrfToken);
  return session;
}

export function useSessionQuery() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: loadSession, staleTime: 60_000, retry: false });
}

/** Stores a new session (or none). Everything else cached belonged to the old one and is dropped. */
export function applySession(client: QueryClient, session: Session | null): void {
  setCsrfToken(session?.csrfToken);
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
  client.setQueryData(SESSION_KEY, session);
}

export function useApplySession(): (session: Session | null) => void {
  const client = useQueryClient();
  return useCallback((session: Session | null) => applySession(client, session), [client]);
}

/** Re-reads the session from the server (e.g. after enabling TOTP). */
export function useRefreshSession(): () => Promise<void> {
  const client = useQueryClient();
  return useCallback(() => client.invalidateQueries({ queryKey: SESSION_KEY }), [client]);
}
