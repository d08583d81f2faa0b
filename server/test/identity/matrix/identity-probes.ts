/** Matrix probes for identity actions: organizations, sites, members, tokens, audit. */
import type { MatrixContext, ProbeModule } from './types.ts';

export function identityProbes(ctx: MatrixContext): ProbeModule {
  const { memberOf, unique } = ctx;
  return {
    probes: {
      'organization.read': {
        crossOrg: true,
        probe: async (c, org) => (await c.request('GET', `/api/v1/organizations/${org}`)).statusCode,
      },
      'organization.create': {
        crossOrg: false,
        probe: async (c) =>
          (
            await c.request('POST', '/api/v1/organizations', {
              slug: `org-${unique()}`,
              name: 'New CBO',
              kind: 'cbo',
              cboSubtype: 'other',
            })
          ).statusCode,
      },
      'organization.update': {
        crossOrg: true,
        probe: async (c, org) =>
          (await c.request('PATCH', `/api/v1/organizations/${org}`, { phone: '216-555-0199' })).statusCode,
      },
      'site.manage': {
        crossOrg: true,
        probe: async (c, org) =>
          (await c.request('POST', `/api/v1/organizations/${org}/sites`, { name: `Site ${unique()}` }))
            .statusCode,
      },
      'member.read': {
        crossOrg: true,
        probe: async (c, org) => (await c.request('GET', `/api/v1/organizations/${org}/members`)).statusCode,
      },
      'member.invite': {
        crossOrg: true,
        probe: async (c, org) =>
          (
            await c.request('POST', `/api/v1/organizations/${org}/invitations`, {
              email: `p${unique()}@x.test`,
              roles: ['navigator'],
            })
          ).statusCode,
      },
      'member.update': {
        crossOrg: true,
        probe: async (c, org) =>
          (
            await c.request('PATCH', `/api/v1/organizations/${org}/members/${memberOf[org]}`, {
              title: `Title ${unique()}`,
            })
          ).statusCode,
      },
      'token.manage_own': {
        crossOrg: false,
        probe: async (c) => (await c.request('POST', '/api/v1/tokens', { name: 'probe' })).statusCode,
      },
      'token.manage_org': {
        crossOrg: true,
        probe: async (c, org) => (await c.request('GET', `/api/v1/organizations/${org}/tokens`)).statusCode,
      },
      'audit.read': {
        crossOrg: false,
        probe: async (c) => (await c.request('GET', '/api/v1/audit-events')).statusCode,
      },
      'audit.verify': {
        crossOrg: false,
        probe: async (c) => (await c.request('POST', '/api/v1/audit-events/verify')).statusCode,
      },
    },
  };
}
