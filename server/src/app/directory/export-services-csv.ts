/** The network's services as a spreadsheet (`import/services-csv.ts` describes the columns). */
import { asc, sql } from 'drizzle-orm';
import { services } from '../../db/schema/index.ts';
import { authorize, requireMember } from '../authorize.ts';
import type { Actor, Deps } from '../context.ts';
import { selectNamedServices } from './find-services.ts';
import { servicesToCsv } from './import/services-csv.ts';
import { serviceView } from './service-record.ts';

export async function exportServicesCsv(deps: Deps, actor: Actor): Promise<string> {
  const member = requireMember(actor);
  await authorize(deps, member, 'service.read', { what: 'Service' });
  const now = deps.clock.now();
  const rows = await selectNamedServices(deps.db, member.networkId, undefined, {
    limit: 1_000_000,
    offset: 0,
    orderBy: [asc(sql`lower(${services.name})`), asc(services.id)],
  });
  return servicesToCsv(rows.map((r) => serviceView(r.row, r.names, now, deps.config.capacityMaxAgeDays)));
}
