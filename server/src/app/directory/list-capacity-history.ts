/** A service's capacity reports, newest first: who reported what, and when (every member may see it). */
import { and, desc, eq } from 'drizzle-orm';
import { capacityReports } from '../../db/schema/index.ts';
import { authorize, requireMember } from '../authorize.ts';
import type { Actor, Deps } from '../context.ts';
import { findNamedService } from './find-services.ts';

export interface CapacityReportView {
  status: string;
  expectedWaitDays: number | null;
  /** A user id, or `demo` / `import:<source>`; never a name. */
  reportedBy: string;
  reportedAt: string;
}

export async function listCapacityHistory(
  deps: Deps,
  actor: Actor,
  input: { id: string; limit?: number | undefined },
): Promise<{ items: CapacityReportView[] }> {
  const member = requireMember(actor);
  await authorize(deps, member, 'service.read', { what: 'Service' });
  const { row } = await findNamedService(deps.db, member.networkId, input.id);
  const reports = await deps.db
    .select()
    .from(capacityReports)
    .where(and(eq(capacityReports.networkId, member.networkId), eq(capacityReports.serviceId, row.id)))
    .orderBy(desc(capacityReports.reportedAt), desc(capacityReports.id))
    .limit(input.limit ?? 50);
  return {
    items: reports.map((r) => ({
      status: r.status,
      expectedWaitDays: r.expectedWaitDays,
      reportedBy: r.reportedBy,
      reportedAt: r.reportedAt.toISOString(),
    })),
  };
}
