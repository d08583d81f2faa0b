/**
 * An `HsdsBundle` as the directory's import dataset: HSDS fields map to ours directly, and our
 * medication, policy, eligibility and capacity facts are read from the attributes of our taxonomy
 * (`terms.ts`; attributes of other taxonomies are ignored). `docs/hsds-mapping.md` is the table.
 *
 * Rules, written down (the stricter reading each time):
 * - A service without a `service_kind` attribute, with an attribute value we cannot read, or with a
 *   schedule we cannot read is reported and skipped: a half-read service could match a patient it
 *   should not.
 * - Intake hours come from weekly schedules (`freq` WEEKLY or empty, `byday`, `opens_at`, `closes_at`);
 *   a service without schedules has unpublished (unknown) hours, never "always open".
 * - The time zone is our `timezone` attribute; without it, a whole-hour `timezone` offset of the
 *   schedules becomes the fixed zone `Etc/GMT±N`; without either, the site's or the network's zone.
 * - One Handoff service per service-at-location: the external id is the HSDS service id when it has one
 *   location, `<service id>@<location id>` when it has several. A service without a location is skipped.
 * - A location belongs to the organization that delivers the service there; when the HSDS location names
 *   another organization, the service's organization gets its own copy (`<location id>@<organization id>`).
 */
import type {
  ImportedService,
  ImportedSite,
  ImportProblem,
  ParsedDataset,
} from '../../app/directory/import/dataset.ts';
import { MEDICATIONS, type Weekday } from '../../domain/directory/vocabulary.ts';
import type { HsdsAttribute, HsdsBundle, HsdsSchedule, HsdsService } from './bundle.ts';
import { findTerm, HANDOFF_TAXONOMY, termId, type HandoffTerm } from './terms.ts';

export const HSDS_SOURCE = 'hsds';

const ICAL_DAYS: Record<string, Weekday> = {
  MO: 'mon',
  TU: 'tue',
  WE: 'wed',
  TH: 'thu',
  FR: 'fri',
  SA: 'sat',
  SU: 'sun',
};

/** Our term for an attribute, if it is one of ours. */
function termOf(attribute: HsdsAttribute): HandoffTerm | undefined {
  if (attribute.termCode && (attribute.taxonomyId === HANDOFF_TAXONOMY.id || attribute.taxonomyId === null)) {
    const term = findTerm(attribute.termCode);
    if (term && (attribute.taxonomyId !== null || attribute.taxonomyTermId === termId(term.code)))
      return term;
  }
  return attribute.taxonomyTermId ? findTerm(attribute.taxonomyTermId) : undefined;
}

/** The attribute's value, checked against its term; a reason when it cannot be read. */
function valueOf(term: HandoffTerm, raw: string | null): { value: unknown } | { reason: string } {
  const value = raw ?? '';
  switch (term.value.kind) {
    case 'none':
      return { value: true };
    case 'boolean':
      if (/^(true|yes|1)$/i.test(value)) return { value: true };
      if (/^(false|no|0)$/i.test(value)) return { value: false };
      return { reason: `"${value}" is not true or false` };
    case 'code':
      return term.value.codes.includes(value)
        ? { value }
        : { reason: `"${value}" is not one of ${term.value.codes.join(', ')}` };
    case 'plans': {
      if (value.toLowerCase() === 'all') return { value: 'all' };
      const plans = value
        .split(';')
        .map((p) => p.trim())
        .filter(Boolean);
      return plans.length > 0 ? { value: plans } : { reason: 'must be "all" or plan names separated by ";"' };
    }
    case 'integer':
    case 'number': {
      const n = Number(value);
      const ok = value !== '' && Number.isFinite(n) && (term.value.kind === 'number' || Number.isInteger(n));
      return ok
        ? { value: n }
        : { reason: `"${value}" is not a${term.value.kind === 'integer' ? 'n integer' : ' number'}` };
    }
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? { value }
        : { reason: `"${value}" is not a date (YYYY-MM-DD)` };
    case 'instant':
      return Number.isNaN(Date.parse(value)) ? { reason: `"${value}" is not an ISO 8601 time` } : { value };
    case 'text':
      return value ? { value } : { reason: 'is empty' };
  }
}

const TIME = /^(\d{2}):(\d{2})(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?$/;

function hhmm(value: string | null): string | null {
  const m = value ? TIME.exec(value) : null;
  return m ? `${m[1]}:${m[2]}` : null;
}

function hoursOf(
  schedules: readonly HsdsSchedule[],
  problems: ImportProblem[],
): Record<string, string[]> | null {
  if (schedules.length === 0) return null;
  const hours: Record<string, string[]> = {};
  for (const s of schedules) {
    const field = s.path ? `${s.path}` : 'schedules';
    const days = (s.byday ?? '').split(',').map((d) => d.trim().toUpperCase());
    const opens = hhmm(s.opensAt);
    const closes = hhmm(s.closesAt);
    if ((s.freq ?? 'WEEKLY').toUpperCase() !== 'WEEKLY' || days.some((d) => !(d in ICAL_DAYS))) {
      problems.push({
        file: s.file,
        row: s.row,
        field,
        reason: 'only weekly schedules with byday (MO–SU) can be read',
      });
      continue;
    }
    if (!opens || !closes) {
      problems.push({
        file: s.file,
        row: s.row,
        field,
        reason: 'opens_at and closes_at must be times (HH:MM)',
      });
      continue;
    }
    for (const d of days) {
      const day = ICAL_DAYS[d] as string;
      hours[day] = [...(hours[day] ?? []), `${opens}-${closes}`];
    }
  }
  return hours;
}

function zoneOfOffset(schedules: readonly HsdsSchedule[]): string | undefined {
  const offset = schedules.find((s) => s.timezone !== null)?.timezone;
  if (offset === undefined || offset === null || !Number.isInteger(offset) || Math.abs(offset) > 14)
    return undefined;
  // IANA's Etc zones invert the sign: UTC−5 is Etc/GMT+5.
  return offset === 0 ? 'UTC' : `Etc/GMT${offset < 0 ? '+' : '-'}${Math.abs(offset)}`;
}

/** The service's facts from our attributes (code → value, or values for repeatable terms). */
function factsOf(service: HsdsService, problems: ImportProblem[]): Map<string, unknown[]> {
  const facts = new Map<string, unknown[]>();
  for (const attribute of service.attributes) {
    const term = termOf(attribute);
    if (!term) continue;
    const read = valueOf(term, attribute.value);
    if ('reason' in read) {
      problems.push({
        file: attribute.file,
        row: attribute.row,
        field: attribute.path ? `${attribute.path}.value` : 'value',
        reason: `${term.code}: ${read.reason}`,
      });
      continue;
    }
    facts.set(term.code, [...(facts.get(term.code) ?? []), read.value]);
  }
  return facts;
}

function inputOf(service: HsdsService, facts: Map<string, unknown[]>, problems: ImportProblem[]) {
  const one = (code: string) => facts.get(code)?.[0];
  const flag = (code: string) => one(code) === true;
  const present = (prefix: string) =>
    [...facts.keys()].filter((c) => c.startsWith(prefix)).map((c) => c.slice(prefix.length));
  const insurance = Object.fromEntries(
    ['medicaid', 'medicare', 'commercial', 'uninsured'].flatMap((k) =>
      one(`insurance:${k}`) === undefined ? [] : [[k, one(`insurance:${k}`)]],
    ),
  );
  const genders = present('gender:');
  const acknowledgement = String(one('referral:acknowledgement') ?? '').split(/\s+/);
  return {
    name: service.name,
    description: service.description,
    kind: one('service_kind'),
    status: service.status ?? 'active',
    medications: Object.fromEntries(
      MEDICATIONS.map((m) => [
        m,
        {
          start: flag(`medication:${m}:start`),
          continue: flag(`medication:${m}:continue`),
          acceptsCurrent: flag(`medication:${m}:accepts_current`),
        },
      ]),
    ),
    policies: {
      harmReduction: one('policy:harm_reduction') ?? 'unstated',
      prerequisites: present('prerequisite:'),
      walkIn: flag('policy:walk_in'),
      sameDayIntake: flag('policy:same_day_intake'),
      nextDayIntake: flag('policy:next_day_intake'),
      telehealth: flag('policy:telehealth'),
    },
    eligibility: {
      ...(service.minimumAge !== null ? { minAge: service.minimumAge } : {}),
      ...(service.maximumAge !== null ? { maxAge: service.maximumAge } : {}),
      genders: genders.length > 0 ? genders : 'any',
      ...(Object.keys(insurance).length > 0 ? { insurance } : {}),
      languages: [...new Set(service.languages)],
      accessibility: present('accessibility:'),
    },
    timezone: (one('timezone') as string | undefined) ?? zoneOfOffset(service.schedules),
    intakeHours: hoursOf(service.schedules, problems),
    holidays: (facts.get('holiday') ?? []) as string[],
    acknowledgement:
      acknowledgement.length === 2 ? { amount: Number(acknowledgement[0]), unit: acknowledgement[1] } : null,
    referralChannel: one('referral:channel') ?? null,
    phone: service.phone,
    email: service.email,
    url: service.url,
  };
}

/** The service area from our attributes: a radius around the location and/or ZIP codes. */
function serviceAreaOf(facts: Map<string, unknown[]>): { radiusKm?: number; zips?: string[] } | undefined {
  const radiusKm = facts.get('service_area:radius_km')?.[0] as number | undefined;
  const zips = (facts.get('service_area:zip') ?? []) as string[];
  if (radiusKm === undefined && zips.length === 0) return undefined;
  return { ...(radiusKm !== undefined ? { radiusKm } : {}), ...(zips.length > 0 ? { zips } : {}) };
}

/** The bundle as an import dataset (source `hsds`). */
export function hsdsToDataset(bundle: HsdsBundle): ParsedDataset {
  const dataset: ParsedDataset = {
    source: HSDS_SOURCE,
    organizations: [...bundle.organizations.values()].map((o) => ({
      file: o.file,
      row: o.row,
      externalId: o.id,
      name: o.name,
      description: o.description,
      website: o.website,
      phone: o.phone,
    })),
    sites: [],
    services: [],
    problems: bundle.problems,
    totalRows: bundle.totalRows,
  };
  const sites = new Map<string, ImportedSite>();
  for (const service of bundle.services) {
    const before = dataset.problems.length;
    const field = (name: string) => (service.path ? `${service.path}.${name}` : name);
    const facts = factsOf(service, dataset.problems);
    if (
      !facts.has('service_kind') &&
      !dataset.problems.slice(before).some((p) => p.reason.startsWith('service_kind'))
    ) {
      dataset.problems.push({
        file: service.file,
        row: service.row,
        field: field('attributes'),
        reason: `the kind of service is required: an attribute with taxonomy term ${termId('service_kind')}`,
      });
    }
    if (!service.organizationId) {
      dataset.problems.push({
        file: service.file,
        row: service.row,
        field: field('organization_id'),
        reason: 'is required',
      });
    }
    if (service.locationIds.length === 0) {
      dataset.problems.push({
        file: service.file,
        row: service.row,
        field: field('service_at_locations'),
        reason: 'the service has no location (service_at_location); Handoff places every service at a site',
      });
    }
    const input = inputOf(service, facts, dataset.problems);
    if (dataset.problems.length > before || !service.organizationId) continue;
    const serviceArea = serviceAreaOf(facts);
    const capacityStatus = facts.get('capacity:status')?.[0] as string | undefined;
    for (const locationId of service.locationIds) {
      const site = siteFor(bundle, locationId, service.organizationId, sites);
      const imported: ImportedService = {
        file: service.file,
        row: service.row,
        externalId: service.locationIds.length === 1 ? service.id : `${service.id}@${locationId}`,
        organizationExternalId: service.organizationId,
        siteExternalId: site?.externalId ?? locationId,
        input: {
          ...input,
          location:
            site && site.latitude !== null && site.longitude !== null
              ? { lat: site.latitude, lon: site.longitude, ...(serviceArea ? { serviceArea } : {}) }
              : undefined,
        },
        ...(capacityStatus
          ? {
              capacity: {
                status: capacityStatus,
                ...(facts.has('capacity:expected_wait_days')
                  ? { expectedWaitDays: facts.get('capacity:expected_wait_days')?.[0] as number }
                  : {}),
                ...(facts.has('capacity:reported_at')
                  ? { reportedAt: facts.get('capacity:reported_at')?.[0] as string }
                  : {}),
              },
            }
          : {}),
      };
      dataset.services.push(imported);
    }
  }
  dataset.sites = [...sites.values()];
  return dataset;
}

/** The site of a service at a location (see the rules above); undefined when the location is missing. */
function siteFor(
  bundle: HsdsBundle,
  locationId: string,
  organizationId: string,
  sites: Map<string, ImportedSite>,
): ImportedSite | undefined {
  const location = bundle.locations.get(locationId);
  if (!location) return undefined;
  const own = location.organizationId === null || location.organizationId === organizationId;
  const externalId = own ? locationId : `${locationId}@${organizationId}`;
  const existing = sites.get(externalId);
  if (existing) return existing;
  const coordinate = (value: number | null, limit: number) =>
    value !== null && Math.abs(value) <= limit ? value : null;
  const latitude = coordinate(location.latitude, 90);
  const longitude = coordinate(location.longitude, 180);
  if (location.latitude !== latitude || location.longitude !== longitude) {
    bundle.problems.push({
      file: location.file,
      row: location.row,
      field: location.path ? `${location.path}.latitude` : 'latitude',
      reason: 'coordinates out of range; the location is kept without them',
    });
  }
  const site: ImportedSite = {
    file: location.file,
    row: location.row,
    externalId,
    organizationExternalId: organizationId,
    name: location.name ?? location.address?.address1 ?? 'Location',
    street: location.address?.address1 ?? null,
    city: location.address?.city ?? null,
    state: location.address?.stateProvince ?? null,
    postalCode: location.address?.postalCode ?? null,
    latitude,
    longitude,
    timezone: null,
    phone: location.phone,
  };
  sites.set(externalId, site);
  return site;
}
