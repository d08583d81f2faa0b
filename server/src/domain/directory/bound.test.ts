import { describe, expect, it } from 'vitest';
import { createPrng, type Prng } from '../demo/prng.ts';
import { demoServiceFor } from '../demo/services.ts';
import type { DemoOrganization, DemoSite } from '../demo/types.ts';
import { CBO_SUBTYPES } from '../identity/vocabulary.ts';
import { scoreBound } from './bound.ts';
import { matchServices } from './match.ts';
import type { MatchNeed } from './need.ts';
import type { DirectoryService } from './service.ts';
import { GENDERS, INSURANCE_KINDS, MEDICATIONS, OTHER_NEEDS } from './vocabulary.ts';

const NOW = new Date('2026-11-23T15:00:00Z');
const DAY_MS = 86_400_000;

function services(rng: Prng, count: number): DirectoryService[] {
  const result: DirectoryService[] = [];
  for (let i = 0; i < count; i++) {
    const org = {
      networkId: 'n',
      id: rng.uuid(),
      slug: `org-${i}`,
      name: `Org ${i}`,
      kind: rng.chance(0.1) ? 'hospital' : 'cbo',
      cboSubtype: rng.pick(CBO_SUBTYPES),
    } as DemoOrganization;
    const site = {
      id: rng.uuid(),
      name: org.name,
      latitude: rng.float(40.5, 42),
      longitude: rng.float(-83, -80.5),
      timezone: rng.pick(['America/New_York', 'America/Chicago']),
      phone: '',
      active: true,
    } as DemoSite;
    const demo = demoServiceFor(rng, org, site, { spanish: rng.chance(0.3), now: NOW });
    if (!demo) continue;
    const service: DirectoryService = {
      ...demo,
      capacity: demo.capacity && { ...demo.capacity, updatedBy: 'test' },
    };
    if (rng.chance(0.1)) delete service.intakeHours;
    if (rng.chance(0.05)) delete service.location;
    result.push(service);
  }
  return result;
}

function need(rng: Prng): MatchNeed {
  const n: MatchNeed = {};
  if (rng.chance(0.8))
    n.medication = { name: rng.pick(MEDICATIONS), phase: rng.pick(['start', 'continue'] as const) };
  if (!n.medication || rng.chance(0.3)) n.otherNeeds = rng.sample(OTHER_NEEDS, rng.int(1, 2));
  if (rng.chance(0.8)) n.home = { lat: rng.float(40.5, 42), lon: rng.float(-83, -80.5), zip: '44113' };
  if (rng.chance(0.5)) n.insurance = [{ kind: rng.pick(INSURANCE_KINDS) }];
  if (rng.chance(0.4)) n.language = rng.pick(['en', 'es', 'pl']);
  if (rng.chance(0.4)) n.age = rng.int(14, 80);
  if (rng.chance(0.3)) n.gender = rng.pick(GENDERS);
  if (rng.chance(0.5)) {
    const from = new Date(NOW.getTime() + rng.int(0, 3) * DAY_MS);
    n.intakeWindow = { from, to: new Date(from.getTime() + rng.int(1, 96) * 3_600_000) };
  }
  return n;
}

describe('score bound', () => {
  const rng = createPrng(7, 'bound');
  const directory = services(rng, 600);
  const needs = Array.from({ length: 60 }, () => need(rng));

  it('is never below the score of a service without conflicts', () => {
    let checked = 0;
    for (const n of needs) {
      for (const result of matchServices(n, directory, { now: NOW })) {
        const bound = scoreBound(n, result.service, { now: NOW, capacityMaxAgeDays: 7, farDistanceKm: 50 });
        expect(bound, result.service.name).toBeGreaterThanOrEqual(result.score);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('leaves limited matching exactly equal to the head of the full ranking', () => {
    for (const n of needs) {
      const full = matchServices(n, directory, { now: NOW }).map((r) => r.service.id);
      for (const limit of [1, 5, 20]) {
        const limited = matchServices(n, directory, { now: NOW, limit }).map((r) => r.service.id);
        expect(limited).toEqual(full.slice(0, limit));
      }
    }
  });
});
