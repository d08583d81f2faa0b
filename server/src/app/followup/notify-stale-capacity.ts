/**
 * Time rule: capacity gone stale. When an active service's last capacity report becomes older than
 * `HANDOFF_CAPACITY_MAX_AGE_DAYS` (the directory then shows and matches it as *unknown*), the partner's
 * intake staff and program managers are asked, once per report, to say where it stands. A service that was
 * never reported on is not nagged (it has no report to age). Directory facts only: no patient data.
 */
import { and, eq, isNotNull, lt, sql } from 'drizzle-orm';
import { services } from '../../db/schema/index.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { operatorActor, type Deps } from '../context.ts';
import { notifyMembers } from '../notifications/notify-members.ts';
import { fireOnce, notFired } from './fire-rule.ts';
import { membersWithRoles } from './recipients.ts';

export const STALE_CAPACITY_RULE = 'capacity_stale';
const DAY_MS = 86_400_000;

/** The level is the report's time: a newer report that goes stale in turn is asked about again. */
const levelOf = (reportedAt: Date) => reportedAt.toISOString();

export async function notifyStaleCapacity(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const staleBefore = new Date(now.getTime() - deps.config.capacityMaxAgeDays * DAY_MS);
  const stale = await deps.db
    .select({
      networkId: services.networkId,
      id: services.id,
      name: services.name,
      organizationId: services.organizationId,
      reportedAt: services.capacityUpdatedAt,
    })
    .from(services)
    .where(
      and(
        eq(services.status, 'active'),
        isNotNull(services.capacityUpdatedAt),
        lt(services.capacityUpdatedAt, staleBefore),
        notFired(
          deps.db,
          STALE_CAPACITY_RULE,
          { networkId: services.networkId, subjectId: services.id },
          sql`to_char(${services.capacityUpdatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
        ),
      ),
    );
  let fired = 0;
  for (const service of stale) {
    if (!service.reportedAt) continue;
    const level = levelOf(service.reportedAt);
    const to = await membersWithRoles(deps.db, service.networkId, service.organizationId, [
      'cbo_intake',
      'program_manager',
    ]);
    const done = await deps.db.transaction(async (tx) => {
      if (
        !(await fireOnce(tx, {
          networkId: service.networkId,
          rule: STALE_CAPACITY_RULE,
          subjectId: service.id,
          level,
          at: now,
        }))
      )
        return false;
      await notifyMembers(deps, tx, {
        networkId: service.networkId,
        membershipIds: to,
        kind: 'service.capacity_stale',
        title: `Please update the capacity of ${service.name}`,
        body: `The last capacity report of ${service.name} is more than ${deps.config.capacityMaxAgeDays} days old: partners now see its capacity as unknown.`,
        params: { service: service.name, days: deps.config.capacityMaxAgeDays },
        path: `/directory/services/${service.id}`,
        dedupeKey: `${STALE_CAPACITY_RULE}:${service.id}:${level}`,
        at: now,
      });
      await appendAuditEvent(tx, operatorActor('system'), now, {
        networkId: service.networkId,
        action: 'service.capacity_stale',
        entityType: 'service',
        entityId: service.id,
        details: { notified: to.length },
      });
      return true;
    });
    if (done) fired++;
  }
  return fired;
}
