/**
 * The directory list: services of the actor's network, filtered and paged, sorted by name. Capacity is
 * filtered as it is shown: `unknown` covers reports older than the configured age and missing ones.
 */
import { and, asc, count, eq, gte, ilike, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { organizations, services, sites } from '../../db/schema/index.ts';
import type {
  EffectiveCapacityStatus,
  InsuranceKind,
  Medication,
  MedicationPhase,
  ServiceKind,
} from '../../domain/directory/vocabulary.ts';
import { authorize, requireMember } from '../authorize.ts';
import type { Actor, Deps } from '../context.ts';
import { selectNamedServices } from './find-services.ts';
import type { ServiceStatus } from './schemas.ts';
import { serviceView, type ServiceView } from './service-record.ts';

export interface ListServicesInput {
  q?: string | undefined;
  kind?: ServiceKind | undefined;
  organizationId?: string | undefined;
  status?: ServiceStatus | undefined;
  capacity?: EffectiveCapacityStatus | undefined;
  medication?: Medication | undefined;
  /** With `medication`: only services that do this with it. Default: start or continue. */
  phase?: MedicationPhase | undefined;
  insurance?: InsuranceKind | undefined;
  language?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

const DAY_MS = 86_400_000;

function capacityFilter(status: EffectiveCapacityStatus, cutoff: Date): SQL {
  if (status === 'unknown') {
    return or(
      isNull(services.capacityStatus),
      isNull(services.capacityUpdatedAt),
      lt(services.capacityUpdatedAt, cutoff),
    ) as SQL;
  }
  return and(eq(services.capacityStatus, status), gte(services.capacityUpdatedAt, cutoff)) as SQL;
}

function medicationFilter(medication: Medication, phase: MedicationPhase | undefined): SQL {
  const policy = sql`${services.medications} -> ${medication}`;
  const does = (p: MedicationPhase) => sql`(${policy} ->> ${p}) = 'true'`;
  const offered = phase ? does(phase) : sql`(${does('start')} or ${does('continue')})`;
  // Only an OTP may dispense methadone: a claim elsewhere is not an offer (as in matching).
  return medication === 'methadone' ? sql`(${offered} and ${services.kind} = 'otp')` : offered;
}

function filtersOf(input: ListServicesInput, now: Date, maxAgeDays: number): SQL[] {
  const filters: SQL[] = [];
  if (input.q) {
    const like = `%${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    filters.push(
      or(ilike(services.name, like), ilike(organizations.name, like), ilike(sites.city, like)) as SQL,
    );
  }
  if (input.kind) filters.push(eq(services.kind, input.kind));
  if (input.organizationId) filters.push(eq(services.organizationId, input.organizationId));
  if (input.status) filters.push(eq(services.status, input.status));
  if (input.capacity) {
    // Strictly older than the maximum age is stale (as in `effectiveCapacity`).
    filters.push(capacityFilter(input.capacity, new Date(now.getTime() - maxAgeDays * DAY_MS)));
  }
  if (input.medication) filters.push(medicationFilter(input.medication, input.phase));
  if (input.insurance) filters.push(sql`(${services.eligibility} -> 'insurance') ? ${input.insurance}`);
  if (input.language) {
    const tag = input.language.toLowerCase();
    filters.push(
      sql`exists (select 1 from jsonb_array_elements_text(${services.eligibility} -> 'languages') l
                  where l = ${tag} or l like ${`${tag}-%`})`,
    );
  }
  return filters;
}

export async function listServices(
  deps: Deps,
  actor: Actor,
  input: ListServicesInput = {},
): Promise<{ items: ServiceView[]; total: number }> {
  const member = requireMember(actor);
  await authorize(deps, member, 'service.read', { what: 'Service' });
  const now = deps.clock.now();
  const maxAge = deps.config.capacityMaxAgeDays;
  const where = and(...filtersOf(input, now, maxAge));
  const [rows, [total]] = await Promise.all([
    selectNamedServices(deps.db, member.networkId, where, {
      limit: input.limit ?? 50,
      offset: input.offset ?? 0,
      orderBy: [asc(sql`lower(${services.name})`), asc(services.id)],
    }),
    deps.db
      .select({ n: count() })
      .from(services)
      .innerJoin(
        organizations,
        and(eq(organizations.networkId, services.networkId), eq(organizations.id, services.organizationId)),
      )
      .innerJoin(sites, and(eq(sites.networkId, services.networkId), eq(sites.id, services.siteId)))
      .where(and(eq(services.networkId, member.networkId), where)),
  ]);
  return { items: rows.map((r) => serviceView(r.row, r.names, now, maxAge)), total: total?.n ?? 0 };
}
