/** Matrix probes for directory actions: reading the directory, editing services, capacity, import. */
import { eq } from 'drizzle-orm';
import { services } from '../../../src/db/schema/index.ts';
import type { MatrixContext, ProbeModule } from './types.ts';

/** The writable fields of a service view: what a `PUT /services/{id}` sends back unchanged. */
export function serviceInputOf(view: Record<string, unknown>): Record<string, unknown> {
  const keys = [
    'siteId',
    'name',
    'description',
    'kind',
    'status',
    'medications',
    'policies',
    'eligibility',
    'location',
    'timezone',
    'intakeHours',
    'holidays',
    'acknowledgement',
    'referralChannel',
    'phone',
    'email',
    'url',
  ];
  return Object.fromEntries(keys.filter((k) => view[k] !== undefined).map((k) => [k, view[k]]));
}

export function directoryProbes(ctx: MatrixContext): ProbeModule {
  /** One service of each of the two organizations, and its writable fields. */
  const serviceOf: Record<string, { id: string; input: Record<string, unknown> }> = {};
  return {
    async setup() {
      const t = ctx.app();
      const admin = await t.login('convener@demo.handoff.test');
      for (const org of [ctx.ownOrg(), ctx.otherOrg()]) {
        const [row] = await t.deps.db
          .select({ id: services.id })
          .from(services)
          .where(eq(services.organizationId, org))
          .limit(1);
        if (!row) throw new Error('the demo organization has no service');
        const view = (await admin.request('GET', `/api/v1/services/${row.id}`)).json<
          Record<string, unknown>
        >();
        serviceOf[org] = { id: row.id, input: serviceInputOf(view) };
      }
    },
    probes: {
      'service.read': {
        crossOrg: false,
        probe: async (c) => (await c.request('GET', '/api/v1/services?limit=1')).statusCode,
      },
      'service.manage': {
        crossOrg: true,
        probe: async (c, org) => {
          const target = serviceOf[org];
          if (!target) throw new Error('no service for the organization');
          return (await c.request('PUT', `/api/v1/services/${target.id}`, target.input)).statusCode;
        },
      },
      'service.capacity': {
        crossOrg: true,
        probe: async (c, org) =>
          (
            await c.request('PUT', `/api/v1/services/${serviceOf[org]?.id}/capacity`, {
              status: 'accepting',
            })
          ).statusCode,
      },
      'directory.import': {
        crossOrg: false,
        probe: async (c) =>
          (
            await c.request('POST', '/api/v1/directory/imports', {
              format: 'services-csv',
              files: { 'services.csv': 'id,organization,site,name\n' },
            })
          ).statusCode,
      },
    },
  };
}
