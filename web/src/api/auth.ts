/** Authentication endpoints: login, session, organization switch, passwords, TOTP and invitations. */
import { ApiError } from './api-error.ts';
import { api } from './client.ts';
import type { InvitationPreview, Session } from './types.ts';

const base = '/api/v1/auth';

export interface LoginInput {
  email: string;
  password: string;
  totp?: string;
}

export const login = (input: LoginInput) => api<Session>(`${base}/login`, { method: 'POST', body: input });

export const logout = () => api<undefined>(`${base}/logout`, { method: 'POST' });

/** The current session, or null when nobody is signed in. */
export async function fetchSession(): Promise<Session | null> {
  try {
    return await api<Session>(`${base}/session`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const switchMembership = (membershipId: string) =>
  api<Session>(`${base}/switch`, { method: 'POST', body: { membershipId } });

export const changePassword = (currentPassword: string, newPassword: string) =>
  api<undefined>(`${base}/password`, { method: 'POST', body: { currentPassword, newPassword } });

export const setupTotp = () =>
  api<{ secret: string; otpauthUrl: string }>(`${base}/totp/setup`, { method: 'POST' });

export const enableTotp = (code: string) =>
  api<undefined>(`${base}/totp/enable`, { method: 'POST', body: { code } });

export const disableTotp = (password: string) =>
  api<undefined>(`${base}/totp/disable`, { method: 'POST', body: { password } });

export const requestPasswordReset = (email: string) =>
  api<undefined>(`${base}/password-reset`, { method: 'POST', body: { email } });

export const confirmPasswordReset = (token: string, password: string) =>
  api<undefined>(`${base}/password-reset/confirm`, { method: 'POST', body: { token, password } });

export const fetchInvitation = (token: string) =>
  api<InvitationPreview>(`/api/v1/invitations/${encodeURIComponent(token)}`);

export const acceptInvitation = (input: { token: string; displayName?: string; password?: string }) =>
  api<undefined>('/api/v1/invitations/accept', { method: 'POST', body: input });
