/**
 * Reads HSDS 3.0 JSON API payloads into an `HsdsBundle`. A file may hold one object, an array of
 * objects, or a page (`{total_items, …, contents: [...]}`) as the HSDS API returns it. Each object is
 * recognised by its required fields (HSDS 3.0): a service-at-location has `service` and `location`, a
 * service has `status`, a location has `location_type`, anything else with `id` and `name` is an
 * organization. Nested records are read too: an organization's `services` and `locations`, a service's
 * `organization` and `service_at_locations[].location`.
 */
import type { SourcePosition } from '../../app/directory/import/dataset.ts';
import {
  emptyBundle,
  numberOf,
  phoneOf,
  textOf,
  type HsdsAttribute,
  type HsdsBundle,
  type HsdsLocation,
  type HsdsSchedule,
  type HsdsService,
} from './bundle.ts';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const listOf = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);

class JsonReader {
  readonly bundle = emptyBundle();

  read(file: string, text: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
      this.bundle.problems.push({
        file,
        row: 0,
        field: '',
        reason: `not valid JSON: ${(error as Error).message}`,
      });
      return;
    }
    const items = Array.isArray(parsed)
      ? parsed
      : isObject(parsed) && Array.isArray(parsed.contents)
        ? parsed.contents
        : [parsed];
    for (const [index, item] of items.entries()) {
      const at = { file, row: index + 1 };
      this.bundle.totalRows++;
      if (!isObject(item)) {
        this.bundle.problems.push({ ...at, field: '', reason: 'is not an HSDS object' });
        continue;
      }
      this.item(item, at);
    }
  }

  private item(item: Json, at: SourcePosition): void {
    // The API's root document (`GET /`) and other non-records are not data: skip them quietly.
    if (!('id' in item) && ('openapi_url' in item || 'profile' in item)) return;
    if (isObject(item.service) && isObject(item.location)) {
      const service = this.service(item.service, at, 'service');
      if (service) this.serviceAtLocation(service, item, at, '');
    } else if ('status' in item) this.service(item, at, '');
    else if ('location_type' in item) this.location(item, at, '', null);
    else this.organization(item, at, '');
  }

  private required(item: Json, at: SourcePosition, path: string, field: string): string | null {
    const value = textOf(item[field]);
    if (value === null) this.bundle.problems.push({ ...at, field: join(path, field), reason: 'is required' });
    return value;
  }

  private organization(item: Json, at: SourcePosition, path: string): string | null {
    const id = this.required(item, at, path, 'id');
    const name = this.required(item, at, path, 'name');
    if (id === null || name === null) return null;
    if (!this.bundle.organizations.has(id)) {
      this.bundle.organizations.set(id, {
        ...at,
        path,
        id,
        name,
        description: textOf(item.description),
        website: textOf(item.website),
        phone: phoneOf(listOf(item.phones)[0]?.number),
      });
    }
    for (const [i, location] of listOf(item.locations).entries())
      this.location(location, at, join(path, `locations[${i}]`), id);
    for (const [i, service] of listOf(item.services).entries())
      this.service(service, at, join(path, `services[${i}]`), id);
    return id;
  }

  private location(
    item: Json,
    at: SourcePosition,
    path: string,
    organizationId: string | null,
  ): string | null {
    const id = this.required(item, at, path, 'id');
    if (id === null) return null;
    const address =
      listOf(item.addresses).find((a) => a.address_type !== 'postal') ?? listOf(item.addresses)[0];
    const location: HsdsLocation = {
      ...at,
      path,
      id,
      organizationId: textOf(item.organization_id) ?? organizationId,
      name: textOf(item.name),
      latitude: numberOf(item.latitude, at, join(path, 'latitude'), this.bundle.problems),
      longitude: numberOf(item.longitude, at, join(path, 'longitude'), this.bundle.problems),
      address: address
        ? {
            address1: textOf(address.address_1),
            city: textOf(address.city),
            stateProvince: textOf(address.state_province),
            postalCode: textOf(address.postal_code),
          }
        : null,
      phone: phoneOf(listOf(item.phones)[0]?.number),
    };
    if (!this.bundle.locations.has(id)) this.bundle.locations.set(id, location);
    return id;
  }

  private service(item: Json, at: SourcePosition, path: string, organizationId?: string): HsdsService | null {
    const id = this.required(item, at, path, 'id');
    const name = this.required(item, at, path, 'name');
    if (id === null || name === null) return null;
    const nestedOrganization = isObject(item.organization)
      ? this.organization(item.organization, at, join(path, 'organization'))
      : null;
    const service: HsdsService = {
      ...at,
      path,
      id,
      organizationId: textOf(item.organization_id) ?? nestedOrganization ?? organizationId ?? null,
      name,
      description: textOf(item.description),
      url: textOf(item.url),
      email: textOf(item.email),
      status: textOf(item.status),
      minimumAge: numberOf(item.minimum_age, at, join(path, 'minimum_age'), this.bundle.problems),
      maximumAge: numberOf(item.maximum_age, at, join(path, 'maximum_age'), this.bundle.problems),
      phone: phoneOf(listOf(item.phones)[0]?.number),
      languages: listOf(item.languages).flatMap((l) => textOf(l.code) ?? []),
      attributes: listOf(item.attributes).map((a, i) => attributeOf(a, at, join(path, `attributes[${i}]`))),
      schedules: listOf(item.schedules).map((s, i) => this.schedule(s, at, join(path, `schedules[${i}]`))),
      locationIds: [],
    };
    for (const [i, sal] of listOf(item.service_at_locations).entries())
      this.serviceAtLocation(service, sal, at, join(path, `service_at_locations[${i}]`));
    this.bundle.services.push(service);
    return service;
  }

  private serviceAtLocation(service: HsdsService, sal: Json, at: SourcePosition, path: string): void {
    const locationId = isObject(sal.location)
      ? this.location(sal.location, at, join(path, 'location'), null)
      : textOf(sal.location_id);
    if (locationId === null) {
      this.bundle.problems.push({ ...at, field: join(path, 'location'), reason: 'is required' });
      return;
    }
    if (!service.locationIds.includes(locationId)) service.locationIds.push(locationId);
    for (const [i, s] of listOf(sal.schedules).entries())
      service.schedules.push(this.schedule(s, at, join(path, `schedules[${i}]`)));
  }

  private schedule(item: Json, at: SourcePosition, path: string): HsdsSchedule {
    return {
      ...at,
      path,
      freq: textOf(item.freq),
      byday: textOf(item.byday),
      opensAt: textOf(item.opens_at),
      closesAt: textOf(item.closes_at),
      timezone: numberOf(item.timezone, at, join(path, 'timezone'), this.bundle.problems),
    };
  }
}

function attributeOf(item: Json, at: SourcePosition, path: string): HsdsAttribute {
  const term = isObject(item.taxonomy_term) ? item.taxonomy_term : {};
  const taxonomy = isObject(term.taxonomy_detail) ? term.taxonomy_detail : {};
  return {
    ...at,
    path,
    taxonomyTermId: textOf(item.taxonomy_term_id) ?? textOf(term.id),
    termCode: textOf(term.code),
    taxonomyId: textOf(term.taxonomy_id) ?? textOf(taxonomy.id),
    value: textOf(item.value),
  };
}

const join = (path: string, field: string) => (path ? `${path}.${field}` : field);

/** Reads every JSON file (name → text) into one bundle. */
export function readHsdsJson(files: Readonly<Record<string, string>>): HsdsBundle {
  const reader = new JsonReader();
  for (const [file, text] of Object.entries(files)) reader.read(file, text);
  return reader.bundle;
}
