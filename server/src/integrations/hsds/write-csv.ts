/**
 * HSDS objects (as `to-hsds.ts` builds them) written as the HSDS 3.0 CSV data package: one file per
 * table, each row linked by id, plus a `datapackage.json` that lists the tables. `read-csv.ts` reads it
 * back, so an export re-imports in place.
 */
import { stringify } from 'csv-stringify/sync';
import { HANDOFF_TAXONOMY, HANDOFF_TERMS } from './terms.ts';
import { hsdsTerm } from './to-hsds.ts';

type Json = Record<string, unknown>;

const COLUMNS = {
  'organizations.csv': ['id', 'name', 'alternate_name', 'description', 'email', 'website'],
  'locations.csv': ['id', 'location_type', 'organization_id', 'name', 'latitude', 'longitude'],
  'addresses.csv': [
    'id',
    'location_id',
    'address_1',
    'city',
    'state_province',
    'postal_code',
    'country',
    'address_type',
  ],
  'phones.csv': ['id', 'organization_id', 'location_id', 'service_id', 'number', 'type'],
  'services.csv': [
    'id',
    'organization_id',
    'name',
    'alternate_name',
    'description',
    'url',
    'email',
    'status',
    'minimum_age',
    'maximum_age',
    'last_modified',
  ],
  'service_at_location.csv': ['id', 'service_id', 'location_id', 'description'],
  'schedules.csv': [
    'id',
    'service_id',
    'location_id',
    'service_at_location_id',
    'freq',
    'interval',
    'byday',
    'opens_at',
    'closes_at',
    'timezone',
    'description',
  ],
  'languages.csv': ['id', 'service_id', 'code', 'name'],
  'service_areas.csv': ['id', 'service_id', 'name', 'description', 'extent', 'extent_type', 'uri'],
  'attributes.csv': ['id', 'link_id', 'taxonomy_term_id', 'link_type', 'link_entity', 'value'],
  'taxonomies.csv': ['id', 'name', 'description', 'uri', 'version'],
  'taxonomy_terms.csv': [
    'id',
    'code',
    'name',
    'description',
    'parent_id',
    'taxonomy',
    'language',
    'taxonomy_id',
    'term_uri',
  ],
} as const;

type TableName = keyof typeof COLUMNS;

const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);

/** The CSV data package (file name → text) of organizations, locations and full services. */
export function hsdsCsvPackage(input: {
  organizations: readonly Json[];
  locations: readonly Json[];
  services: readonly Json[];
}): Record<string, string> {
  const rows: Record<TableName, Json[]> = {
    'organizations.csv': [...input.organizations],
    'locations.csv': [...input.locations],
    'addresses.csv': input.locations.flatMap((l) => list(l.addresses)),
    'phones.csv': [
      ...input.organizations.flatMap((o) => list(o.phones)),
      ...input.locations.flatMap((l) => list(l.phones)),
      ...input.services.flatMap((s) => list(s.phones)),
    ],
    'services.csv': [...input.services],
    'service_at_location.csv': input.services.flatMap((s) => list(s.service_at_locations)),
    'schedules.csv': input.services.flatMap((s) => list(s.schedules)),
    'languages.csv': input.services.flatMap((s) => list(s.languages)),
    'service_areas.csv': input.services.flatMap((s) => list(s.service_areas)),
    'attributes.csv': input.services.flatMap((s) => list(s.attributes)),
    'taxonomies.csv': [{ ...HANDOFF_TAXONOMY }],
    'taxonomy_terms.csv': HANDOFF_TERMS.map(hsdsTerm),
  };
  const files: Record<string, string> = {};
  for (const [name, columns] of Object.entries(COLUMNS) as Array<[TableName, readonly string[]]>) {
    files[name] = stringify(
      rows[name].map((row) => Object.fromEntries(columns.map((c) => [c, row[c] ?? '']))),
      { header: true, columns: [...columns] },
    );
  }
  files['datapackage.json'] = JSON.stringify(
    {
      name: 'handoff_directory',
      title: 'Handoff directory (HSDS 3.0)',
      profile: 'tabular-data-package',
      version: '3.0.0',
      resources: Object.keys(COLUMNS).map((path) => ({
        name: path.replace(/\.csv$/, ''),
        path,
        format: 'csv',
        mediatype: 'text/csv',
        profile: 'tabular-data-resource',
      })),
    },
    null,
    2,
  );
  return files;
}
