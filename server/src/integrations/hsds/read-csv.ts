/**
 * Reads the HSDS 3.0 CSV data package (`organizations.csv`, `locations.csv`, `addresses.csv`,
 * `services.csv`, `service_at_location.csv`, `schedules.csv`, `phones.csv`, `languages.csv`,
 * `attributes.csv`, `taxonomy_terms.csv`; other tables are ignored) into an `HsdsBundle` by joining the
 * tables on their ids. Files are recognised by their base name. Problems name the table file and its
 * 1-based data row.
 */
import { parse } from 'csv-parse/sync';
import type { ImportProblem, SourcePosition } from '../../app/directory/import/dataset.ts';
import {
  emptyBundle,
  numberOf,
  phoneOf,
  textOf,
  type HsdsAttribute,
  type HsdsBundle,
  type HsdsSchedule,
  type HsdsService,
} from './bundle.ts';

type Cells = Record<string, string | undefined>;
interface Row extends SourcePosition {
  cells: Cells;
}

export const HSDS_CSV_TABLES = [
  'organizations.csv',
  'locations.csv',
  'addresses.csv',
  'phones.csv',
  'services.csv',
  'service_at_location.csv',
  'schedules.csv',
  'languages.csv',
  'attributes.csv',
  'taxonomy_terms.csv',
] as const;
type Table = (typeof HSDS_CSV_TABLES)[number];

const baseName = (file: string) => file.split(/[\\/]/).pop()?.toLowerCase() ?? file;

function readTables(files: Readonly<Record<string, string>>, problems: ImportProblem[]) {
  const tables = new Map<Table, Row[]>();
  for (const [file, text] of Object.entries(files)) {
    const table = HSDS_CSV_TABLES.find((t) => t === baseName(file));
    if (!table) continue;
    try {
      const records = parse(text, {
        columns: true,
        skip_empty_lines: true,
        bom: true,
        relax_column_count: true,
      }) as Cells[];
      tables.set(
        table,
        records.map((cells, index) => ({ file, row: index + 1, cells })),
      );
    } catch (error) {
      const line = (error as { lines?: number }).lines;
      problems.push({
        file,
        row: line ?? 0,
        field: '',
        reason: `not readable as CSV: ${(error as Error).message}`,
      });
    }
  }
  return (table: Table) => tables.get(table) ?? [];
}

function groupBy(rows: readonly Row[], column: string): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = textOf(row.cells[column]);
    if (key === null) continue;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

const at = (row: Row): SourcePosition => ({ file: row.file, row: row.row });

function required(row: Row, column: string, problems: ImportProblem[]): string | null {
  const value = textOf(row.cells[column]);
  if (value === null) problems.push({ ...at(row), field: column, reason: 'is required' });
  return value;
}

/** Reads the CSV tables (file name → text) into one bundle. */
export function readHsdsCsv(files: Readonly<Record<string, string>>): HsdsBundle {
  const bundle: HsdsBundle = emptyBundle();
  const problems = bundle.problems;
  const table = readTables(files, problems);
  for (const name of HSDS_CSV_TABLES) bundle.totalRows += table(name).length;
  if (table('services.csv').length === 0 && Object.keys(files).length > 0) {
    problems.push({ file: 'services.csv', row: 0, field: '', reason: 'no services table (or it is empty)' });
  }

  const phones = table('phones.csv');
  // An organization's or location's own phone is one not attached to a service.
  const placePhones = phones.filter((p) => !textOf(p.cells.service_id));
  const organizationPhones = groupBy(placePhones, 'organization_id');
  const locationPhones = groupBy(placePhones, 'location_id');
  const firstPhone = (groups: Map<string, Row[]>, id: string) => phoneOf(groups.get(id)?.[0]?.cells.number);
  const servicePhones = groupBy(phones, 'service_id');

  for (const row of table('organizations.csv')) {
    const id = required(row, 'id', problems);
    const name = required(row, 'name', problems);
    if (id === null || name === null || bundle.organizations.has(id)) continue;
    bundle.organizations.set(id, {
      ...at(row),
      path: '',
      id,
      name,
      description: textOf(row.cells.description),
      website: textOf(row.cells.website),
      phone: firstPhone(organizationPhones, id),
    });
  }

  const addresses = groupBy(table('addresses.csv'), 'location_id');
  for (const row of table('locations.csv')) {
    const id = required(row, 'id', problems);
    if (id === null || bundle.locations.has(id)) continue;
    const candidates = addresses.get(id) ?? [];
    const address = (candidates.find((a) => a.cells.address_type !== 'postal') ?? candidates[0])?.cells;
    bundle.locations.set(id, {
      ...at(row),
      path: '',
      id,
      organizationId: textOf(row.cells.organization_id),
      name: textOf(row.cells.name),
      latitude: numberOf(row.cells.latitude, at(row), 'latitude', problems),
      longitude: numberOf(row.cells.longitude, at(row), 'longitude', problems),
      address: address
        ? {
            address1: textOf(address.address_1),
            city: textOf(address.city),
            stateProvince: textOf(address.state_province),
            postalCode: textOf(address.postal_code),
          }
        : null,
      phone: firstPhone(locationPhones, id),
    });
  }

  const terms = new Map(
    table('taxonomy_terms.csv').map((t) => [
      textOf(t.cells.id) ?? '',
      { code: textOf(t.cells.code), taxonomyId: textOf(t.cells.taxonomy_id) },
    ]),
  );
  const attributes = groupBy(
    table('attributes.csv').filter((a) => (textOf(a.cells.link_entity) ?? 'service') === 'service'),
    'link_id',
  );
  const sals = table('service_at_location.csv');
  const serviceOfSal = new Map(sals.map((s) => [textOf(s.cells.id) ?? '', textOf(s.cells.service_id)]));
  const salsOfService = groupBy(sals, 'service_id');
  const schedules = new Map<string, Row[]>();
  for (const row of table('schedules.csv')) {
    const serviceId =
      textOf(row.cells.service_id) ??
      serviceOfSal.get(textOf(row.cells.service_at_location_id) ?? '') ??
      null;
    if (serviceId === null) continue; // a location's opening hours, not a service's intake hours
    const group = schedules.get(serviceId);
    if (group) group.push(row);
    else schedules.set(serviceId, [row]);
  }
  const languages = groupBy(table('languages.csv'), 'service_id');

  for (const row of table('services.csv')) {
    const id = required(row, 'id', problems);
    const name = required(row, 'name', problems);
    if (id === null || name === null) continue;
    const service: HsdsService = {
      ...at(row),
      path: '',
      id,
      organizationId: textOf(row.cells.organization_id),
      name,
      description: textOf(row.cells.description),
      url: textOf(row.cells.url),
      email: textOf(row.cells.email),
      status: textOf(row.cells.status),
      minimumAge: numberOf(row.cells.minimum_age, at(row), 'minimum_age', problems),
      maximumAge: numberOf(row.cells.maximum_age, at(row), 'maximum_age', problems),
      phone: phoneOf(servicePhones.get(id)?.[0]?.cells.number),
      languages: (languages.get(id) ?? []).flatMap((l) => textOf(l.cells.code) ?? []),
      attributes: (attributes.get(id) ?? []).map((a): HsdsAttribute => {
        const termId = textOf(a.cells.taxonomy_term_id);
        const term = terms.get(termId ?? '');
        return {
          ...at(a),
          path: '',
          taxonomyTermId: termId,
          termCode: term?.code ?? null,
          taxonomyId: term?.taxonomyId ?? null,
          value: textOf(a.cells.value),
        };
      }),
      schedules: (schedules.get(id) ?? []).map((s): HsdsSchedule => ({
        ...at(s),
        path: '',
        freq: textOf(s.cells.freq),
        byday: textOf(s.cells.byday),
        opensAt: textOf(s.cells.opens_at),
        closesAt: textOf(s.cells.closes_at),
        timezone: numberOf(s.cells.timezone, at(s), 'timezone', problems),
      })),
      locationIds: [
        ...new Set((salsOfService.get(id) ?? []).flatMap((s) => textOf(s.cells.location_id) ?? [])),
      ],
    };
    bundle.services.push(service);
  }
  return bundle;
}
