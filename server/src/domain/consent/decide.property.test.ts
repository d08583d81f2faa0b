/**
 * Property test of the policy decision point: over random patients' consents, restrictions, emergency
 * accesses and treating relationships, `decideAccess` must agree with the naive reference model
 * (`reference-model.ts`), and must keep a few invariants whatever the facts are.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideAccess } from './decide.ts';
import type {
  AccessDecision,
  AccessFacts,
  AccessRequest,
  ConsentFact,
  EmergencyFact,
  RecipientFact,
  RestrictionFact,
} from './decide.ts';
import { liveEmergencyIds, preferredPairs, referenceDecision } from './reference-model.ts';
import {
  CONSENT_PURPOSES,
  CONSENT_TYPES,
  DATA_CATEGORIES,
  RECIPIENT_KINDS,
  REQUEST_PURPOSES,
  TPO_PURPOSES,
} from './vocabulary.ts';
import type { ConsentPurpose, DataCategory } from './vocabulary.ts';

const RUNS = 4000;

// A small universe so that ids and instants collide often.
const ORGS = ['org-1', 'org-2', 'org-3', 'org-4'] as const;
const MEMBERSHIPS = ['m-1', 'm-2', 'm-3'] as const;
const BASE = Date.UTC(2026, 2, 10); // 2026-03-10T00:00:00Z
const SLOT_MS = 6 * 60 * 60 * 1000; // every 6 h: 4 instants a day, midnight included
const SLOTS = 20; // 5 days
const DAY_MS = 24 * 60 * 60 * 1000;

/** The request's calendar day: the UTC date of its instant. */
const dayOf = (date: Date) => date.toISOString().slice(0, 10);
const shift = (date: Date, ms: number) => new Date(date.getTime() + ms);
const slot = fc.integer({ min: 0, max: SLOTS - 1 }).map((k) => new Date(BASE + k * SLOT_MS));
/** A slot, sometimes one millisecond off it, to probe inclusive and exclusive bounds. */
const instant = fc.tuple(slot, fc.constantFrom(0, 0, 0, -1, 1)).map(([d, off]) => shift(d, off));
/** `arb` or null; null `nullWeight` times out of `nullWeight + 1`. */
const maybe = <T>(arb: fc.Arbitrary<T>, nullWeight = 1): fc.Arbitrary<T | null> =>
  fc.oneof({ arbitrary: fc.constant(null), weight: nullWeight }, { arbitrary: arb, weight: 1 });
/** Calendar days from the day before the first slot to the day after the last one. */
const day = fc.integer({ min: -1, max: 5 }).map((d) => dayOf(new Date(BASE + d * DAY_MS)));
const org = fc.constantFrom(...ORGS);
const membership = fc.constantFrom(...MEMBERSHIPS);
const someOf = <T>(list: readonly T[], minLength = 0) => fc.subarray([...list], { minLength });
/** `list`, with `extra` appended two times out of three (kept free of duplicates). */
const withSometimes = <T>(list: fc.Arbitrary<T[]>, extra: T | undefined): fc.Arbitrary<T[]> =>
  fc
    .tuple(list, fc.constantFrom(true, true, false))
    .map(([xs, add]) => (add && extra !== undefined && !xs.includes(extra) ? [...xs, extra] : xs));

const request: fc.Arbitrary<AccessRequest> = fc
  .record({
    organizationId: org,
    membershipId: membership,
    category: fc.constantFrom(...DATA_CATEGORIES),
    purpose: fc.constantFrom(...REQUEST_PURPOSES, 'TREAT', 'HPAYMT', 'ETREAT', 'ETREAT'),
    at: instant,
  })
  .map((r) => ({ ...r, today: dayOf(r.at) }));

/**
 * Facts about one patient, biased towards the request (its organization, membership, purpose, category and
 * instant turn up often) so that permits, near misses and boundary instants are all common.
 */
function factsFor(req: AccessRequest): fc.Arbitrary<AccessFacts> {
  const nearOrg = fc.oneof(fc.constant(req.organizationId), org);
  const nearTime = fc.oneof(
    { arbitrary: instant, weight: 4 },
    { arbitrary: fc.constantFrom(req.at, shift(req.at, -1), shift(req.at, 1)), weight: 1 },
  );
  const asked = req.purpose === 'ETREAT' ? undefined : req.purpose;
  // Purposes and categories are sets, as record-consent stores them (no duplicates).
  const purposes = withSometimes(
    fc.oneof(
      someOf(CONSENT_PURPOSES),
      someOf(TPO_PURPOSES, 1),
      fc.constant<ConsentPurpose[]>(['HLEGAL']),
      fc.constant<ConsentPurpose[]>(['HLEGAL', 'TREAT']),
    ),
    asked,
  );

  const recipient = (id: string): fc.Arbitrary<RecipientFact> =>
    fc
      .record({
        kind: fc.constantFrom(...RECIPIENT_KINDS, 'organization', 'organization'),
        organizationId: nearOrg,
        revokedAt: maybe(nearTime, 3),
      })
      .map((r) => ({ id, ...r, organizationId: r.kind === 'organization' ? r.organizationId : null }));

  const consent = (id: string): fc.Arbitrary<ConsentFact> =>
    fc.record({
      id: fc.constant(id),
      type: fc.constantFrom(
        ...CONSENT_TYPES,
        req.category === 'counseling_notes' ? 'counseling_notes' : 'tpo',
      ),
      status: fc.constantFrom(...Array<'active'>(11).fill('active'), 'entered_in_error'),
      complete: fc.constantFrom(...Array<boolean>(11).fill(true), false),
      suspended: fc.constantFrom(...Array<boolean>(11).fill(false), true),
      purposes,
      categories: withSometimes(
        fc.oneof(someOf(DATA_CATEGORIES, 1), fc.constant<DataCategory[]>(['counseling_notes'])),
        req.category,
      ),
      effectiveFrom: fc.oneof(
        { arbitrary: nearTime, weight: 1 },
        {
          arbitrary: fc.constantFrom(new Date(BASE), new Date(BASE + 1), new Date(BASE + SLOT_MS)),
          weight: 2,
        },
      ),
      expiresOn: fc.oneof(fc.constant(null), day, fc.constant(req.today)),
      expiryEventAt: maybe(nearTime, 4),
      revokedAt: maybe(nearTime, 4),
      recipients: listOf(`${id}-r`, [0, 1, 1, 2, 3], recipient),
    });

  const restriction = (id: string): fc.Arbitrary<RestrictionFact> =>
    fc.record({
      id: fc.constant(id),
      agreed: fc.boolean(),
      organizationId: maybe(nearOrg),
      purposes: withSometimes(
        someOf(CONSENT_PURPOSES, 1).map((ps) => ps.slice(0, 2)),
        asked,
      ),
      terminatedAt: maybe(nearTime, 2),
    });

  const emergency = (id: string): fc.Arbitrary<EmergencyFact> =>
    fc
      .record({
        membershipId: fc.oneof(fc.constant(req.membershipId), membership),
        grantedAt: fc.oneof(nearTime, fc.constantFrom(shift(req.at, -SLOT_MS), shift(req.at, -1))),
        lengthSlots: fc.constantFrom(-1, 0, 1, 2, 4, 8, SLOTS),
        endsAtRequest: fc.constantFrom(false, false, false, true),
      })
      .map(({ membershipId, grantedAt, lengthSlots, endsAtRequest }) => ({
        id,
        membershipId,
        grantedAt,
        expiresAt: endsAtRequest ? req.at : shift(grantedAt, lengthSlots * SLOT_MS),
      }));

  return fc.record({
    patientExists: fc.constantFrom(...Array<boolean>(15).fill(true), false),
    holderOrganizationId: fc.oneof(
      { arbitrary: fc.constantFrom(...ORGS.filter((o) => o !== req.organizationId)), weight: 14 },
      { arbitrary: fc.constant(req.organizationId), weight: 1 },
      { arbitrary: fc.constant(null), weight: 1 },
    ),
    consents: listOf('c', [0, 1, 2, 3, 3, 4], consent),
    restrictions: listOf('x', [0, 0, 1, 2], restriction),
    emergencies: listOf('e', [0, 1, 1, 2], emergency),
    treatingOrganizationIds: fc.oneof(someOf(ORGS), fc.constant([req.organizationId])),
  });
}

/** Facts built by `make` (as many as one of `sizes`), with ids `${prefix}-0`, `${prefix}-1`, … */
function listOf<T>(
  prefix: string,
  sizes: number[],
  make: (id: string) => fc.Arbitrary<T>,
): fc.Arbitrary<T[]> {
  return fc
    .constantFrom(...sizes)
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => make(`${prefix}-${i}`))));
}

const scenarioOf = (requests: fc.Arbitrary<AccessRequest>) =>
  requests.chain((req) => factsFor(req).map((f) => ({ req, f })));
const scenario = scenarioOf(request);
const counselingNotesScenario = scenarioOf(
  request.map((r) => ({ ...r, category: 'counseling_notes' as const })),
);

const basisOf = (d: AccessDecision) => (d.permit ? d.basis : undefined);

describe('decideAccess against the reference model', () => {
  it('permits and denies exactly when the reference does, on the same basis and the preferred consent', () => {
    fc.assert(
      fc.property(scenario, ({ req, f }) => {
        const actual = decideAccess(req, f);
        const expected = referenceDecision(req, f);
        expect(actual.permit).toBe(expected.permit);
        expect(basisOf(actual)).toBe(expected.basis);
        if (actual.permit && actual.basis === 'consent') {
          const preferred = preferredPairs(req, f);
          const pair = preferred.find(
            (p) => p.consent.id === actual.consentId && p.recipient.id === actual.recipientId,
          );
          expect(pair, `consent ${actual.consentId} via recipient ${actual.recipientId}`).toBeDefined();
          expect(actual.generalDesignation).toBe(pair?.recipient.kind === 'general_designation');
        }
        if (actual.permit && actual.basis === 'emergency') {
          expect(liveEmergencyIds(req, f)).toContain(actual.emergencyAccessId);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('always permits the organization that holds the record', () => {
    fc.assert(
      fc.property(scenario, ({ req, f }) => {
        const decision = decideAccess(req, {
          ...f,
          patientExists: true,
          holderOrganizationId: req.organizationId,
        });
        expect(decision).toEqual({ permit: true, basis: 'holder' });
      }),
      { numRuns: 1000 },
    );
  });

  it('never releases counseling notes on a consent that is not a counseling-notes consent', () => {
    fc.assert(
      fc.property(counselingNotesScenario, ({ req, f }) => {
        const decision = decideAccess(req, f);
        if (decision.permit && decision.basis === 'consent') {
          expect(f.consents.find((c) => c.id === decision.consentId)?.type).toBe('counseling_notes');
        }
        expect(decision.permit && decision.basis === 'emergency').toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('never relies on a consent revoked as a whole at or before the request', () => {
    fc.assert(
      fc.property(scenario, ({ req, f }) => {
        const decision = decideAccess(req, f);
        if (decision.permit && decision.basis === 'consent') {
          const relied = f.consents.find((c) => c.id === decision.consentId);
          expect(relied).toBeDefined();
          const revokedAt = relied?.revokedAt;
          if (revokedAt) expect(revokedAt.getTime()).toBeGreaterThan(req.at.getTime());
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('denies whenever the patient does not exist', () => {
    fc.assert(
      fc.property(scenario, ({ req, f }) => {
        expect(decideAccess(req, { ...f, patientExists: false })).toEqual({
          permit: false,
          reason: 'no_patient',
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('generates every outcome often enough to be meaningful', () => {
    const counts = new Map<string, number>();
    fc.assert(
      fc.property(scenario, ({ req, f }) => {
        const d = decideAccess(req, f);
        const key = !d.permit
          ? `deny:${d.reason}`
          : d.basis === 'consent'
            ? `consent:${d.generalDesignation ? 'designation' : 'named'}`
            : d.basis;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }),
      { numRuns: 2000, seed: 42 },
    );
    const expected = [
      'holder',
      'emergency',
      'consent:named',
      'consent:designation',
      'deny:no_patient',
      'deny:no_consent',
      'deny:restricted',
      'deny:category_not_covered',
      'deny:purpose_not_covered',
      'deny:emergency_not_for_category',
    ];
    for (const key of expected) expect(counts.get(key) ?? 0, key).toBeGreaterThanOrEqual(20);
  });
});
