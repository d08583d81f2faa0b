/**
 * The services spreadsheet: one row per service, one column per field, for coalitions that keep their
 * directory in a spreadsheet. Export writes every service of the network; import reads the same columns
 * back. Lists are `;`-separated; booleans are `yes`/`no` (also `true`/`false`, `1`/`0`); intake hours
 * are one column per weekday with `;`-separated ranges (`08:00-12:00;13:00-16:00`), and
 * `intake_hours_published` = `no` means "hours not published" (empty weekdays then mean nothing).
 *
 * Import rules, written down:
 * - `organization_id` and `site_id` are Handoff ids of an existing organization and site (the export
 *   fills them; `organization` and `site` names are for people and ignored on import).
 * - A row with an `id` updates that service in place; a row without one creates a service. Re-importing
 *   an exported sheet therefore updates, never duplicates.
 * - Capacity columns are exported for reading but ignored on import: capacity is owned by the partner
 *   and reported by its staff, never set in bulk by a convener.
 * - An empty medication or policy flag is `no` (nothing is claimed that the sheet does not say).
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { MEDICATIONS, WEEKDAYS } from '../../../domain/directory/vocabulary.ts';
import type { ServiceView } from '../service-record.ts';
import type { ImportedService, ImportProblem, ParsedDataset } from './dataset.ts';

const FLAGS = ['start', 'continue', 'accepts_current'] as const;
const MEDICATION_COLUMNS = MEDICATIONS.flatMap((m) => FLAGS.map((f) => `${m}_${f}`));
const HOURS_COLUMNS = WEEKDAYS.map((d) => `${d}_hours`);

export const SERVICE_CSV_COLUMNS = [
  'id',
  'organization_id',
  'organization',
  'site_id',
  'site',
  'name',
  'description',
  'kind',
  'status',
  ...MEDICATION_COLUMNS,
  'harm_reduction',
  'prerequisites',
  'walk_in',
  'same_day_intake',
  'next_day_intake',
  'telehealth',
  'min_age',
  'max_age',
  'genders',
  'medicaid',
  'medicare',
  'commercial',
  'uninsured',
  'languages',
  'accessibility',
  'latitude',
  'longitude',
  'service_area_radius_km',
  'service_area_zips',
  'timezone',
  'intake_hours_published',
  ...HOURS_COLUMNS,
  'holidays',
  'acknowledgement',
  'referral_channel',
  'phone',
  'email',
  'url',
  'capacity_status',
  'capacity_updated_at',
] as const;

const REQUIRED = ['organization_id', 'site_id', 'name', 'kind'] as const;

const list = (value: readonly string[] | undefined) => (value ?? []).join(';');
const yesNo = (value: boolean) => (value ? 'yes' : 'no');
const plans = (value: 'all' | readonly string[] | undefined) =>
  value === undefined ? '' : value === 'all' ? 'all' : value.join(';');

/** One service as a spreadsheet row. */
function rowOf(s: ServiceView): Record<string, string | number> {
  const row: Record<string, string | number> = {
    id: s.id,
    organization_id: s.organizationId,
    organization: s.organizationName,
    site_id: s.siteId,
    site: s.siteName,
    name: s.name,
    description: s.description ?? '',
    kind: s.kind,
    status: s.status,
    harm_reduction: s.policies.harmReduction,
    prerequisites: list(s.policies.prerequisites),
    walk_in: yesNo(s.policies.walkIn),
    same_day_intake: yesNo(s.policies.sameDayIntake),
    next_day_intake: yesNo(s.policies.nextDayIntake),
    telehealth: yesNo(s.policies.telehealth),
    min_age: s.eligibility.minAge ?? '',
    max_age: s.eligibility.maxAge ?? '',
    genders: s.eligibility.genders === 'any' ? 'any' : list(s.eligibility.genders),
    medicaid: plans(s.eligibility.insurance?.medicaid),
    medicare: plans(s.eligibility.insurance?.medicare),
    commercial: plans(s.eligibility.insurance?.commercial),
    uninsured: s.eligibility.insurance?.uninsured ?? '',
    languages: list(s.eligibility.languages),
    accessibility: list(s.eligibility.accessibility),
    latitude: s.location?.lat ?? '',
    longitude: s.location?.lon ?? '',
    service_area_radius_km: s.location?.serviceArea?.radiusKm ?? '',
    service_area_zips: list(s.location?.serviceArea?.zips),
    timezone: s.timezone,
    intake_hours_published: yesNo(s.intakeHours !== null),
    holidays: list(s.holidays),
    acknowledgement: s.acknowledgement ? `${s.acknowledgement.amount} ${s.acknowledgement.unit}` : '',
    referral_channel: s.referralChannel ?? '',
    phone: s.phone ?? '',
    email: s.email ?? '',
    url: s.url ?? '',
    capacity_status: s.capacity.reportedStatus ?? '',
    capacity_updated_at: s.capacity.updatedAt ?? '',
  };
  for (const m of MEDICATIONS) {
    row[`${m}_start`] = yesNo(s.medications[m].start);
    row[`${m}_continue`] = yesNo(s.medications[m].continue);
    row[`${m}_accepts_current`] = yesNo(s.medications[m].acceptsCurrent);
  }
  for (const d of WEEKDAYS) row[`${d}_hours`] = list(s.intakeHours?.[d]);
  return row;
}

export function servicesToCsv(services: readonly ServiceView[]): string {
  return stringify(services.map(rowOf), { header: true, columns: [...SERVICE_CSV_COLUMNS] });
}

type Cells = Record<string, string | undefined>;

class RowReader {
  constructor(
    private readonly cells: Cells,
    private readonly at: { file: string; row: number },
    private readonly problems: ImportProblem[],
  ) {}

  text(column: string): string {
    return (this.cells[column] ?? '').trim();
  }

  optional(column: string): string | null {
    return this.text(column) || null;
  }

  list(column: string): string[] {
    return this.text(column)
      .split(';')
      .map((v) => v.trim())
      .filter(Boolean);
  }

  flag(column: string): boolean {
    const value = this.text(column).toLowerCase();
    if (['yes', 'true', '1', 'y'].includes(value)) return true;
    if (['no', 'false', '0', 'n', ''].includes(value)) return false;
    this.problem(column, `"${this.text(column)}" is not yes or no`);
    return false;
  }

  number(column: string): number | undefined {
    const value = this.text(column);
    if (!value) return undefined;
    const n = Number(value);
    if (!Number.isFinite(n)) this.problem(column, `"${value}" is not a number`);
    return Number.isFinite(n) ? n : undefined;
  }

  problem(field: string, reason: string): void {
    this.problems.push({ ...this.at, field, reason });
  }
}

function plansOf(value: string): 'all' | string[] | undefined {
  if (!value) return undefined;
  if (value.toLowerCase() === 'all') return 'all';
  return value
    .split(';')
    .map((v) => v.trim())
    .filter(Boolean);
}

function hoursOf(r: RowReader): Record<string, string[]> {
  const hours: Record<string, string[]> = {};
  for (const day of WEEKDAYS) {
    const ranges = r.list(`${day}_hours`);
    if (ranges.length > 0) hours[day] = ranges;
  }
  return hours;
}

function inputOf(r: RowReader): Record<string, unknown> {
  const medications = Object.fromEntries(
    MEDICATIONS.map((m) => [
      m,
      {
        start: r.flag(`${m}_start`),
        continue: r.flag(`${m}_continue`),
        acceptsCurrent: r.flag(`${m}_accepts_current`),
      },
    ]),
  );
  const insurance = {
    medicaid: plansOf(r.text('medicaid')),
    medicare: plansOf(r.text('medicare')),
    commercial: plansOf(r.text('commercial')),
    uninsured: r.optional('uninsured') ?? undefined,
  };
  const hasInsurance = Object.values(insurance).some((v) => v !== undefined);
  const lat = r.number('latitude');
  const lon = r.number('longitude');
  const radiusKm = r.number('service_area_radius_km');
  const zips = r.list('service_area_zips');
  const published = r.text('intake_hours_published') === '' || r.flag('intake_hours_published');
  const acknowledgement = r.text('acknowledgement').split(/\s+/);
  const genders = r.text('genders');
  return {
    name: r.text('name'),
    description: r.optional('description'),
    kind: r.text('kind'),
    status: r.optional('status') ?? 'active',
    medications,
    policies: {
      harmReduction: r.optional('harm_reduction') ?? 'unstated',
      prerequisites: r.list('prerequisites'),
      walkIn: r.flag('walk_in'),
      sameDayIntake: r.flag('same_day_intake'),
      nextDayIntake: r.flag('next_day_intake'),
      telehealth: r.flag('telehealth'),
    },
    eligibility: {
      minAge: r.number('min_age'),
      maxAge: r.number('max_age'),
      genders: !genders || genders === 'any' ? 'any' : r.list('genders'),
      insurance: hasInsurance
        ? Object.fromEntries(Object.entries(insurance).filter(([, v]) => v !== undefined))
        : undefined,
      languages: r.list('languages'),
      accessibility: r.list('accessibility'),
    },
    location:
      lat !== undefined && lon !== undefined
        ? {
            lat,
            lon,
            ...(radiusKm !== undefined || zips.length > 0
              ? {
                  serviceArea: {
                    ...(radiusKm !== undefined ? { radiusKm } : {}),
                    ...(zips.length ? { zips } : {}),
                  },
                }
              : {}),
          }
        : undefined,
    timezone: r.optional('timezone') ?? undefined,
    intakeHours: published ? hoursOf(r) : null,
    holidays: r.list('holidays'),
    acknowledgement:
      acknowledgement.length === 2 && acknowledgement[0]
        ? { amount: Number(acknowledgement[0]), unit: acknowledgement[1] }
        : null,
    referralChannel: r.optional('referral_channel'),
    phone: r.optional('phone'),
    email: r.optional('email'),
    url: r.optional('url'),
  };
}

/**
 * Parses a services spreadsheet. Organization and site ids are Handoff's own (`ownIds`); a service
 * `externalId` is its Handoff id, or empty for a new service.
 */
export function parseServicesCsv(files: Readonly<Record<string, string>>): ParsedDataset {
  const dataset: ParsedDataset = {
    source: 'csv',
    organizations: [],
    sites: [],
    services: [],
    problems: [],
    totalRows: 0,
  };
  for (const [file, text] of Object.entries(files)) {
    let records: Cells[];
    try {
      records = parse(text, {
        columns: true,
        skip_empty_lines: true,
        bom: true,
        relax_column_count: true,
      }) as Cells[];
    } catch (error) {
      const line = (error as { lines?: number }).lines;
      dataset.problems.push({
        file,
        row: line ?? 0,
        field: '',
        reason: `not readable as CSV: ${(error as Error).message}`,
      });
      continue;
    }
    const header = Object.keys(records[0] ?? {});
    const missing = REQUIRED.filter((c) => records.length > 0 && !header.includes(c));
    if (missing.length > 0) {
      dataset.problems.push({ file, row: 0, field: missing.join(', '), reason: 'required column missing' });
      dataset.totalRows += records.length;
      continue;
    }
    for (const [index, cells] of records.entries()) {
      const at = { file, row: index + 1 };
      dataset.totalRows++;
      const before = dataset.problems.length;
      const r = new RowReader(cells, at, dataset.problems);
      for (const column of REQUIRED) if (!r.text(column)) r.problem(column, 'is required');
      const input = inputOf(r);
      if (dataset.problems.length > before) continue;
      const service: ImportedService = {
        ...at,
        externalId: r.text('id'),
        organizationExternalId: r.text('organization_id'),
        siteExternalId: r.text('site_id'),
        input,
      };
      dataset.services.push(service);
    }
  }
  return dataset;
}
