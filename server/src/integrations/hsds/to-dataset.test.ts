/**
 * HSDS 3.0 → import dataset: our taxonomy attributes become medication, policy, eligibility and capacity
 * facts; schedules become intake hours; the example package of the spec (which has none of our terms)
 * is reported row by row; unreadable values, schedules and missing locations are reported and skipped.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHsdsCsv } from './read-csv.ts';
import { readHsdsJson } from './read-json.ts';
import { HANDOFF_TAXONOMY, termId } from './terms.ts';
import { hsdsToDataset } from './to-dataset.ts';

const EXAMPLES = join(import.meta.dirname, '../../../../../shared/data/hsds-3.0-examples');
const filesIn = (dir: string, ext: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith(ext))
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );

const attribute = (code: string, value: string | null = null) => ({
  taxonomy_term_id: termId(code),
  value,
  taxonomy_term: { id: termId(code), code, taxonomy_id: HANDOFF_TAXONOMY.id },
});

function recoveryHouse(extra: Record<string, unknown> = {}) {
  return {
    id: 'svc-1',
    name: 'Fresh Start House',
    status: 'active',
    minimum_age: 18,
    organization: { id: 'org-1', name: 'Fresh Start Recovery', description: 'Recovery residences' },
    languages: [{ code: 'es' }],
    schedules: [{ freq: 'WEEKLY', byday: 'MO,WE', opens_at: '09:00', closes_at: '17:00:00', timezone: -5 }],
    service_at_locations: [
      {
        id: 'sal-1',
        location: {
          id: 'loc-1',
          location_type: 'physical',
          name: 'Main house',
          latitude: 41.48,
          longitude: -81.7,
          addresses: [
            { address_1: '1 Main St', city: 'Cleveland', state_province: 'OH', postal_code: '44113' },
          ],
        },
      },
    ],
    attributes: [
      attribute('service_kind', 'recovery_housing'),
      attribute('medication:buprenorphine:accepts_current', 'true'),
      attribute('medication:methadone:accepts_current', 'false'),
      attribute('prerequisite:abstinence'),
      attribute('policy:harm_reduction', 'abstinence_only'),
      attribute('insurance:medicaid', 'all'),
      attribute('gender:male'),
      attribute('holiday', '2026-12-25'),
      attribute('capacity:status', 'waitlist'),
      attribute('capacity:expected_wait_days', '5'),
      attribute('capacity:reported_at', '2026-11-20T10:00:00Z'),
      { taxonomy_term_id: 'airs-bd-1800', value: 'whatever' }, // another taxonomy: ignored
    ],
    ...extra,
  };
}

const parse = (items: unknown[]) =>
  hsdsToDataset(readHsdsJson({ 'services.json': JSON.stringify({ contents: items }) }));

describe('HSDS to dataset', () => {
  it('reads our facts from attributes, hours from weekly schedules, and the place from the location', () => {
    const dataset = parse([recoveryHouse()]);
    expect(dataset.problems).toEqual([]);
    expect(dataset.organizations).toMatchObject([{ externalId: 'org-1', name: 'Fresh Start Recovery' }]);
    expect(dataset.sites).toMatchObject([
      {
        externalId: 'loc-1',
        organizationExternalId: 'org-1',
        street: '1 Main St',
        postalCode: '44113',
        latitude: 41.48,
      },
    ]);
    const [service] = dataset.services;
    expect(service).toMatchObject({
      externalId: 'svc-1',
      siteExternalId: 'loc-1',
      organizationExternalId: 'org-1',
    });
    expect(service?.input).toMatchObject({
      kind: 'recovery_housing',
      medications: {
        buprenorphine: { start: false, continue: false, acceptsCurrent: true },
        methadone: { start: false, continue: false, acceptsCurrent: false },
      },
      policies: { harmReduction: 'abstinence_only', prerequisites: ['abstinence'], walkIn: false },
      eligibility: { minAge: 18, genders: ['male'], insurance: { medicaid: 'all' }, languages: ['es'] },
      timezone: 'Etc/GMT+5',
      intakeHours: { mon: ['09:00-17:00'], wed: ['09:00-17:00'] },
      holidays: ['2026-12-25'],
      location: { lat: 41.48, lon: -81.7 },
    });
    expect(service?.capacity).toEqual({
      status: 'waitlist',
      expectedWaitDays: 5,
      reportedAt: '2026-11-20T10:00:00Z',
    });
  });

  it('claims nothing the data does not say: no schedules = hours unknown, no genders = any', () => {
    const house = recoveryHouse({ schedules: [], attributes: [attribute('service_kind', 'peer_support')] });
    const [service] = parse([house]).services;
    expect(service?.input).toMatchObject({
      intakeHours: null,
      eligibility: { genders: 'any' },
      policies: { harmReduction: 'unstated', prerequisites: [] },
      medications: { buprenorphine: { start: false, continue: false, acceptsCurrent: false } },
    });
  });

  it('reports an unreadable value, schedule or a missing location with its place, and skips only that service', () => {
    const dataset = parse([
      recoveryHouse({ id: 'bad-value', attributes: [attribute('service_kind', 'spaceship')] }),
      recoveryHouse({
        id: 'bad-schedule',
        schedules: [{ freq: 'MONTHLY', byday: '2MO', opens_at: '09:00', closes_at: '10:00' }],
      }),
      recoveryHouse({ id: 'no-location', service_at_locations: [] }),
      recoveryHouse({ id: 'good' }),
    ]);
    expect(dataset.services.map((s) => s.externalId)).toEqual(['good']);
    expect(dataset.problems).toEqual([
      {
        file: 'services.json',
        row: 1,
        field: 'attributes[0].value',
        reason: expect.stringMatching(/^service_kind: "spaceship" is not one of otp, obot/),
      },
      {
        file: 'services.json',
        row: 2,
        field: 'schedules[0]',
        reason: 'only weekly schedules with byday (MO–SU) can be read',
      },
      {
        file: 'services.json',
        row: 3,
        field: 'service_at_locations',
        reason: expect.stringMatching(/no location/),
      },
    ]);
  });

  it('makes one service per location of a multi-site service, and copies a location owned by another organization', () => {
    const shared = { id: 'civic', location_type: 'physical', organization_id: 'city', name: 'Civic center' };
    const dataset = parse([
      recoveryHouse({
        service_at_locations: [...recoveryHouse().service_at_locations, { id: 'sal-2', location: shared }],
      }),
    ]);
    expect(dataset.problems).toEqual([]);
    expect(dataset.services.map((s) => [s.externalId, s.siteExternalId])).toEqual([
      ['svc-1@loc-1', 'loc-1'],
      ['svc-1@civic', 'civic@org-1'],
    ]);
    expect(dataset.sites.find((s) => s.externalId === 'civic@org-1')?.organizationExternalId).toBe('org-1');
  });

  it('reads the example CSV package of the spec and reports that it says nothing we can match on', () => {
    const dataset = hsdsToDataset(readHsdsCsv(filesIn(join(EXAMPLES, 'csv'), '.csv')));
    expect(dataset.totalRows).toBeGreaterThanOrEqual(10);
    expect(dataset.services).toEqual([]);
    expect(dataset.problems).toContainEqual({
      file: 'services.csv',
      row: 1,
      field: 'attributes',
      reason: `the kind of service is required: an attribute with taxonomy term ${termId('service_kind')}`,
    });
  });

  it('reads every example JSON payload (pages, full objects, nested records) without failing', () => {
    const dataset = hsdsToDataset(readHsdsJson(filesIn(join(EXAMPLES, 'json'), '.json')));
    expect(dataset.organizations.map((o) => o.externalId)).toContain('d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610');
    expect(
      dataset.problems.some((p) => p.file === 'service_full.json' && /kind of service/.test(p.reason)),
    ).toBe(true);
    expect(dataset.problems.some((p) => p.file === 'base.json')).toBe(false);
  });

  it('reports JSON that does not parse, with the file', () => {
    const dataset = hsdsToDataset(readHsdsJson({ 'broken.json': '{"contents": [' }));
    expect(dataset.problems).toEqual([
      { file: 'broken.json', row: 0, field: '', reason: expect.stringMatching(/^not valid JSON/) },
    ]);
  });
});
