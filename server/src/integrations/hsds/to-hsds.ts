/**
 * Handoff's directory as HSDS 3.0 JSON objects: organizations, locations (our sites, with their
 * address), services (with phones, languages, weekly schedules, a readable service area and the
 * attributes of our taxonomy, `terms.ts`) and service-at-locations. The read API (`/hsds/…`) serves these
 * objects; the exports write them as JSON pages or as the CSV data package (`write-csv.ts`).
 *
 * Ids of records we derive (attributes, schedules, phones, service-at-locations) are name-based UUIDs of
 * the record's content, so the same directory always exports the same ids. The capacity is exported as
 * the partner reported it, with `capacity:reported_at`: a consumer applies its own freshness rule.
 */
import { createHash } from 'node:crypto';
import type { ServiceView } from '../../app/directory/service-record.ts';
import { MEDICATIONS, WEEKDAYS, type Weekday } from '../../domain/directory/vocabulary.ts';
import { HANDOFF_TAXONOMY, HANDOFF_TERMS, termId, type HandoffTerm } from './terms.ts';

export interface OrganizationSource {
  id: string;
  name: string;
  description: string | null;
  website: string | null;
  phone: string | null;
}

export interface SiteSource {
  id: string;
  organizationId: string;
  name: string;
  street: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  latitude: number | null;
  longitude: number | null;
  phone: string | null;
}

type Json = Record<string, unknown>;

/** A name-based UUID (SHA-1, version 5 layout) of the parts. */
export function stableUuid(...parts: string[]): string {
  const hex = createHash('sha1').update(parts.join('\u0000')).digest('hex');
  const variant = ((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

const ICAL: Record<Weekday, string> = {
  mon: 'MO',
  tue: 'TU',
  wed: 'WE',
  thu: 'TH',
  fri: 'FR',
  sat: 'SA',
  sun: 'SU',
};

/** The zone's UTC offset in hours at an instant (HSDS schedules carry only this). */
export function utcOffsetHours(timeZone: string, at: Date): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) + Number(m[3]) / 60);
}

/** Our taxonomy as an HSDS `taxonomy_term` object (with its taxonomy). */
export function hsdsTerm(term: HandoffTerm): Json {
  return {
    id: termId(term.code),
    code: term.code,
    name: term.name,
    description: term.description,
    parent_id: null,
    taxonomy: HANDOFF_TAXONOMY.name,
    taxonomy_id: HANDOFF_TAXONOMY.id,
    taxonomy_detail: { ...HANDOFF_TAXONOMY },
    language: 'en',
    term_uri: `${HANDOFF_TAXONOMY.uri}:${term.code}`,
  };
}

const TERMS = new Map(HANDOFF_TERMS.map((t) => [t.code, t]));

/** The (code, value) facts of a service that travel as attributes. */
export function serviceFacts(s: ServiceView): Array<[code: string, value: string | null]> {
  const facts: Array<[string, string | null]> = [['service_kind', s.kind]];
  // Flags are written when true (a missing flag reads as false); whether a service accepts people
  // already taking a medication is always written, true or false: it is the fact most often wrong.
  const flag = (code: string, value: boolean) => {
    if (value) facts.push([code, 'true']);
  };
  for (const m of MEDICATIONS) {
    flag(`medication:${m}:start`, s.medications[m].start);
    flag(`medication:${m}:continue`, s.medications[m].continue);
    facts.push([`medication:${m}:accepts_current`, String(s.medications[m].acceptsCurrent)]);
  }
  facts.push(['policy:harm_reduction', s.policies.harmReduction]);
  for (const p of s.policies.prerequisites) facts.push([`prerequisite:${p}`, null]);
  flag('policy:walk_in', s.policies.walkIn);
  flag('policy:same_day_intake', s.policies.sameDayIntake);
  flag('policy:next_day_intake', s.policies.nextDayIntake);
  flag('policy:telehealth', s.policies.telehealth);
  const insurance = s.eligibility.insurance ?? {};
  for (const k of ['medicaid', 'medicare', 'commercial'] as const) {
    const plans = insurance[k];
    if (plans !== undefined) facts.push([`insurance:${k}`, plans === 'all' ? 'all' : plans.join(';')]);
  }
  if (insurance.uninsured) facts.push(['insurance:uninsured', insurance.uninsured]);
  if (s.eligibility.genders !== 'any')
    for (const g of s.eligibility.genders) facts.push([`gender:${g}`, null]);
  for (const a of s.eligibility.accessibility) facts.push([`accessibility:${a}`, null]);
  facts.push(['timezone', s.timezone]);
  const area = s.location?.serviceArea;
  if (area?.radiusKm !== undefined) facts.push(['service_area:radius_km', String(area.radiusKm)]);
  for (const zip of area?.zips ?? []) facts.push(['service_area:zip', zip]);
  for (const day of s.holidays) facts.push(['holiday', day]);
  if (s.acknowledgement)
    facts.push(['referral:acknowledgement', `${s.acknowledgement.amount} ${s.acknowledgement.unit}`]);
  if (s.referralChannel) facts.push(['referral:channel', s.referralChannel]);
  if (s.capacity.reportedStatus && s.capacity.updatedAt) {
    facts.push(['capacity:status', s.capacity.reportedStatus]);
    if (s.capacity.expectedWaitDays !== undefined)
      facts.push(['capacity:expected_wait_days', String(s.capacity.expectedWaitDays)]);
    facts.push(['capacity:reported_at', s.capacity.updatedAt]);
  }
  return facts;
}

function attributes(s: ServiceView): Json[] {
  return serviceFacts(s).map(([code, value]) => {
    const term = TERMS.get(code) as HandoffTerm;
    return {
      id: stableUuid('attribute', s.id, code, value ?? ''),
      link_id: s.id,
      taxonomy_term_id: termId(code),
      link_type: term.linkType,
      link_entity: 'service',
      value,
      // The term in brief; its full definition is in the taxonomy_terms table (and `hsdsTerm`).
      taxonomy_term: { id: termId(code), code, name: term.name, taxonomy_id: HANDOFF_TAXONOMY.id },
    };
  });
}

function schedules(s: ServiceView, now: Date): Json[] {
  if (!s.intakeHours) return [];
  const offset = utcOffsetHours(s.timezone, now);
  return WEEKDAYS.flatMap((day) =>
    (s.intakeHours?.[day] ?? []).map((range) => {
      const [opens, closes] = range.split('-');
      return {
        id: stableUuid('schedule', s.id, day, range),
        service_id: s.id,
        location_id: null,
        service_at_location_id: null,
        freq: 'WEEKLY',
        interval: 1,
        byday: ICAL[day],
        opens_at: opens,
        closes_at: closes,
        timezone: offset,
        description: `Intake ${ICAL[day]} ${range} (${s.timezone})`,
      };
    }),
  );
}

function serviceAreas(s: ServiceView): Json[] {
  const area = s.location?.serviceArea;
  if (!area) return [];
  const parts = [
    ...(area.radiusKm !== undefined ? [`within ${area.radiusKm} km`] : []),
    ...(area.zips?.length ? [`ZIP codes ${area.zips.join(', ')}`] : []),
  ];
  return [
    {
      id: stableUuid('service_area', s.id),
      service_id: s.id,
      name: `People living ${parts.join(' or in ')}`,
      description: null,
      extent: null,
      extent_type: null,
      uri: null,
    },
  ];
}

export function hsdsOrganization(o: OrganizationSource): Json {
  return {
    id: o.id,
    name: o.name,
    alternate_name: null,
    description: o.description ?? o.name,
    email: null,
    website: o.website,
    phones: o.phone
      ? [{ id: stableUuid('phone', o.id), organization_id: o.id, number: o.phone, type: 'voice' }]
      : [],
  };
}

export function hsdsLocation(site: SiteSource): Json {
  return {
    id: site.id,
    location_type: 'physical',
    organization_id: site.organizationId,
    name: site.name,
    latitude: site.latitude,
    longitude: site.longitude,
    addresses: [
      {
        id: stableUuid('address', site.id),
        location_id: site.id,
        address_1: site.street ?? '',
        city: site.city ?? '',
        state_province: site.state ?? '',
        postal_code: site.postalCode ?? '',
        country: 'US',
        address_type: 'physical',
      },
    ],
    phones: site.phone
      ? [{ id: stableUuid('phone', site.id), location_id: site.id, number: site.phone, type: 'voice' }]
      : [],
  };
}

/** The service-at-location of a service (one per service: our services sit at one site). */
export function hsdsServiceAtLocation(s: ServiceView, site: SiteSource, full: boolean): Json {
  return {
    id: stableUuid('service_at_location', s.id, site.id),
    service_id: s.id,
    location_id: site.id,
    description: null,
    ...(full ? { location: hsdsLocation(site) } : {}),
  };
}

/** A service as HSDS 3.0 (`full` adds organization, locations and the nested lists). */
export function hsdsService(
  s: ServiceView,
  organization: OrganizationSource,
  site: SiteSource,
  now: Date,
): Json {
  const modified = [s.updatedAt, s.capacity.updatedAt ?? ''].sort().at(-1);
  return {
    id: s.id,
    organization_id: s.organizationId,
    name: s.name,
    alternate_name: null,
    description: s.description,
    url: s.url,
    email: s.email,
    status: s.status,
    minimum_age: s.eligibility.minAge ?? null,
    maximum_age: s.eligibility.maxAge ?? null,
    last_modified: modified,
    phones: s.phone
      ? [{ id: stableUuid('phone', s.id), service_id: s.id, number: s.phone, type: 'voice' }]
      : [],
    schedules: schedules(s, now),
    service_areas: serviceAreas(s),
    languages: s.eligibility.languages.map((code) => ({
      id: stableUuid('language', s.id, code),
      service_id: s.id,
      code,
      name: null,
    })),
    attributes: attributes(s),
    organization: hsdsOrganization(organization),
    service_at_locations: [hsdsServiceAtLocation(s, site, true)],
  };
}

/** The HSDS page envelope around one page of items. */
export function hsdsPage<T>(contents: T[], total: number, page: number, perPage: number) {
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}
