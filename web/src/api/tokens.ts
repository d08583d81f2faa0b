/** Personal API token endpoints: list, create (the secret is returned once) and revoke. */
import { api } from './client.ts';
import type { ApiToken, CreatedToken, Items } from './types.ts';

export const listTokens = () => api<Items<ApiToken>>('/api/v1/tokens');

export const createToken = (input: { name: string; expiresInDays: number }) =>
  api<CreatedToken>('/api/v1/tokens', { method: 'POST', body: input });

export const revokeToken = (id: string) =>
  api<undefined>(`/api/v1/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' });
