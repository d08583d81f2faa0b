import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchServices } from './match.ts';
import type { MatchNeed } from './need.ts';
import type { DirectoryService } from './service.ts';
import { BOSTON_HOME, DAY_MS, HOUR_MS, makeService, NOW } from './test-fixtures.ts';
import {
  CAPACITY_STATUSES,
  HARM_REDUCTION_STANCES,
  INTAKE_PREREQUISITES,
  MEDICATIONS,
  OTHER_NEEDS,
  SERVICE_KINDS,
} from './vocabulary.ts';

const policy = fc.record({ start: fc.boolean(), continue: fc.boolean(), acceptsCurrent: fc.boolean() });

/** A service with random policies; names come from a small set so ties on score and name happen. */
const serviceAt = (index: number) =>
  fc
    .record({
      name: fc.constantFrom('Harbor', 'harbor', 'Bridge', 'Haven', 'Ámbar'),
      kind: fc.constantFrom(...SERVICE_KINDS),
      bup: policy,
      methadone: policy,
      naltrexone: policy,
      stance: fc.constantFrom(...HARM_REDUCTION_STANCES),
      prerequisites: fc.subarray([...INTAKE_PREREQUISITES], { maxLength: 2 }),
      walkIn: fc.boolean(),
      sameDay: fc.boolean(),
      capacity: fc.option(
        fc.record({
          status: fc.constantFrom(...CAPACITY_STATUSES),
          daysAgo: fc.integer({ min: 0, max: 12 }),
        }),
        { nil: undefined },
      ),
      place: fc.option(
        fc.record({
          lat: fc.double({ min: 41.5, max: 43, noNaN: true }),
          lon: fc.double({ min: -72.5, max: -70.5, noNaN: true }),
        }),
        { nil: undefined },
      ),
      shared: fc.boolean(),
      hours: fc.constantFrom<DirectoryService['intakeHours']>(
        undefined,
        {},
        { sat: ['09:00-12:00'] },
        { mon: ['08:00-17:00'], wed: ['13:00-15:00'] },
      ),
    })
    .map((r) =>
      makeService(`svc-${String(index).padStart(3, '0')}`, {
        name: r.name,
        kind: r.kind,
        medications: { buprenorphine: r.bup, methadone: r.methadone, naltrexone_xr: r.naltrexone },
        policies: {
          harmReduction: r.stance,
          prerequisites: r.prerequisites,
          walkIn: r.walkIn,
          sameDayIntake: r.sameDay,
        },
        capacity: r.capacity && {
          status: r.capacity.status,
          updatedAt: new Date(NOW.getTime() - r.capacity.daysAgo * DAY_MS),
          updatedBy: 'm',
        },
        // Some services share one place, so equal distances happen too.
        location: r.shared ? { lat: 42.36, lon: -71.06 } : r.place,
        intakeHours: r.hours,
      }),
    );

const services = fc
  .integer({ min: 0, max: 25 })
  .chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => serviceAt(index))));

const need: fc.Arbitrary<MatchNeed> = fc.record(
  {
    medication: fc.record({
      name: fc.constantFrom(...MEDICATIONS),
      phase: fc.constantFrom('start' as const, 'continue' as const),
    }),
    otherNeeds: fc.subarray([...OTHER_NEEDS], { maxLength: 2 }),
    home: fc.constant(BOSTON_HOME),
    age: fc.integer({ min: 16, max: 80 }),
    intakeWindow: fc.integer({ min: 0, max: 96 }).map((hours) => ({
      from: new Date(NOW.getTime() + hours * HOUR_MS),
      to: new Date(NOW.getTime() + (hours + 72) * HOUR_MS),
    })),
  },
  { requiredKeys: [] },
);

const shuffled = <T>(items: readonly T[]) =>
  fc
    .array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: items.length, maxLength: items.length })
    .map((keys) =>
      items
        .map((item, index) => ({ item, key: keys[index] ?? 0, index }))
        .sort((a, b) => a.key - b.key || b.index - a.index)
        .map((entry) => entry.item),
    );

describe('ranking', () => {
  it('never changes when the input services are shuffled', () => {
    fc.assert(
      fc.property(
        need,
        services.chain((list) => fc.tuple(fc.constant(list), shuffled(list))),
        fc.boolean(),
        (n, [original, reordered], includeConflicts) => {
          const options = { now: NOW, includeConflicts };
          expect(matchServices(n, reordered, options)).toEqual(matchServices(n, original, options));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('orders by score, then distance, and keeps conflicts out unless asked (then last)', () => {
    fc.assert(
      fc.property(need, services, (n, list) => {
        const all = matchServices(n, list, { now: NOW, includeConflicts: true });
        expect(all).toHaveLength(list.length);
        for (let i = 1; i < all.length; i++) {
          const [a, b] = [all[i - 1], all[i]];
          if (!a || !b) continue;
          expect(a.score).toBeGreaterThanOrEqual(b.score);
          if (a.conflicts.length === 0 && b.conflicts.length > 0) continue;
          expect(a.conflicts.length > 0 && b.conflicts.length === 0).toBe(false);
          if (a.score === b.score && a.distanceKm !== undefined && b.distanceKm !== undefined) {
            expect(a.distanceKm).toBeLessThanOrEqual(b.distanceKm);
          }
        }
        const clean = matchServices(n, list, { now: NOW });
        expect(clean.every((result) => result.conflicts.length === 0)).toBe(true);
        expect(clean).toEqual(all.filter((result) => result.conflicts.length === 0));
      }),
      { numRuns: 200 },
    );
  });

  it('with a limit, returns exactly the first results of the unlimited ranking', () => {
    fc.assert(
      fc.property(
        need,
        services,
        fc.integer({ min: -1, max: 12 }),
        fc.boolean(),
        (n, list, limit, includeConflicts) => {
          const full = matchServices(n, list, { now: NOW, includeConflicts });
          const limited = matchServices(n, list, { now: NOW, includeConflicts, limit });
          expect(limited).toEqual(full.slice(0, Math.max(0, limit)));
        },
      ),
      { numRuns: 150 },
    );
  });
});
