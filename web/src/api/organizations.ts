/** Organization endpoints: organizations, their sites, members, invitations and API tokens. */
import { api, request } from './client.ts';
import type {
  ApiToken,
  Invitation,
  Items,
  Member,
  MemberStatus,
  Organization,
  OrganizationInput,
  Site,
  SiteInput,
} from './types.ts';

const orgs = '/api/v1/organizations';
const org = (id: string) => `${orgs}/${encodeURIComponent(id)}`;

/** Lists up to 500 organizations (the API's maximum page), optionally filtered by kind and name. */
export const listOrganizations = (filter: { kind?: string; q?: string } = {}) =>
  api<Items<Organization>>(orgs, { query: { ...filter, limit: 500 } });

export const getOrganization = (id: string) => api<Organization>(org(id));

export const createOrganization = (input: OrganizationInput) =>
  api<Organization>(orgs, { method: 'POST', body: input });

/** Updates with optimistic concurrency: `If-Match` carries the version the form was loaded from. */
export async function updateOrganization(id: string, version: number, input: OrganizationInput) {
  const response = await request<Organization>(org(id), {
    method: 'PATCH',
    body: input,
    headers: { 'If-Match': `"${version}"` },
  });
  return response.data;
}

export const listSites = (orgId: string) => api<Items<Site>>(`${org(orgId)}/sites`);

export const createSite = (orgId: string, input: SiteInput) =>
  api<Site>(`${org(orgId)}/sites`, { method: 'POST', body: input });

export const updateSite = (orgId: string, siteId: string, input: SiteInput) =>
  api<Site>(`${org(orgId)}/sites/${encodeURIComponent(siteId)}`, { method: 'PATCH', body: input });

export const listMembers = (orgId: string) => api<Items<Member>>(`${org(orgId)}/members`);

export const updateMember = (
  orgId: string,
  membershipId: string,
  input: { roles?: string[]; title?: string | null; status?: MemberStatus },
) =>
  api<Member>(`${org(orgId)}/members/${encodeURIComponent(membershipId)}`, { method: 'PATCH', body: input });

export const listInvitations = (orgId: string) => api<Items<Invitation>>(`${org(orgId)}/invitations`);

export const createInvitation = (orgId: string, input: { email: string; roles: string[]; locale?: string }) =>
  api<Invitation>(`${org(orgId)}/invitations`, { method: 'POST', body: input });

export const revokeInvitation = (orgId: string, invitationId: string) =>
  api<undefined>(`${org(orgId)}/invitations/${encodeURIComponent(invitationId)}`, { method: 'DELETE' });

export const listOrganizationTokens = (orgId: string) => api<Items<ApiToken>>(`${org(orgId)}/tokens`);

export const revokeOrganizationToken = (orgId: string, tokenId: string) =>
  api<undefined>(`${org(orgId)}/tokens/${encodeURIComponent(tokenId)}`, { method: 'DELETE' });
