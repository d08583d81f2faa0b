/**
 * Matrix probes for follow-up tasks and pathways. Setup inserts, in each of the two organizations, a patient
 * it holds, a transition and an open hospital-side task on it; `task.work` logs a contact attempt on the task.
 * `pathway.manage` saves a new version of the probing hospital's default pathway (the demo's), and of another
 * hospital's for the cross-organization probe. The other organization's objects answer 404 for every role.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { organizations, pathways, tasks } from '../../../src/db/schema/index.ts';
import { insertProbePatient, insertProbeTransition } from './probe-records.ts';
import type { MatrixContext, ProbeModule } from './types.ts';

export function followupProbes(ctx: MatrixContext): ProbeModule {
  const taskOf: Record<string, string> = {};
  const pathwayOf: Record<string, string> = {};
  return {
    async setup() {
      const t = ctx.app();
      const [own] = await t.deps.db.select().from(organizations).where(eq(organizations.id, ctx.ownOrg()));
      if (!own) throw new Error('no own organization');
      const now = t.clock.now();
      for (const org of [ctx.ownOrg(), ctx.otherOrg()]) {
        const patientId = await insertProbePatient(ctx, own.networkId, org);
        const transitionId = await insertProbeTransition(ctx, own.networkId, org, patientId);
        const id = randomUUID();
        await t.deps.db.insert(tasks).values({
          networkId: own.networkId,
          id,
          transitionId,
          patientId,
          hospitalOrgId: org,
          ownerOrgId: org,
          pathwayId: randomUUID(),
          pathwayVersion: 1,
          stepKey: 'probe_call',
          title: 'Probe call',
          side: 'hospital',
          role: 'navigator',
          records: 'contact',
          status: 'open',
          dueAt: now,
          deadlineAt: new Date(now.getTime() + 86_400_000),
          createdAt: now,
          updatedAt: now,
        });
        taskOf[org] = id;
      }
      const defaults = await t.deps.db
        .select({ id: pathways.id, hospitalOrgId: pathways.hospitalOrgId })
        .from(pathways)
        .where(and(isNull(pathways.partnershipId), eq(pathways.status, 'active')));
      const mine = defaults.find((p) => p.hospitalOrgId === ctx.ownOrg());
      const another = defaults.find((p) => p.hospitalOrgId !== ctx.ownOrg());
      if (!mine || !another) throw new Error('the demo lacks default pathways');
      pathwayOf[ctx.ownOrg()] = mine.id;
      pathwayOf[ctx.otherOrg()] = another.id;
    },
    probes: {
      'task.work': {
        crossOrg: true,
        probe: async (c, org) =>
          (
            await c.request('POST', `/api/v1/tasks/${taskOf[org]}/attempts`, {
              method: 'phone',
              result: 'no_answer',
            })
          ).statusCode,
      },
      'pathway.manage': {
        crossOrg: true,
        probe: async (c, org) => {
          const url = `/api/v1/pathways/${pathwayOf[org]}`;
          const current = await c.request('GET', url);
          if (current.statusCode !== 200) return current.statusCode;
          const { name, steps } = current.json<{ name: string; steps: unknown[] }>();
          return (await c.request('PUT', url, { name, steps }, { 'if-match': String(current.headers.etag) }))
            .statusCode;
        },
      },
    },
  };
}
