/**
 * The demo history's patients: a new person for an encounter (a Latino name more often near the hospitals
 * with Spanish-speaking staff, a home address in one of the ZIP codes nearest the hospital unless unhoused,
 * mostly Medicaid), with a name and date of birth no one else has and an MRN unique at the hospital.
 */
import { nameKey } from '../patients/name-key.ts';
import { FIRST_NAMES, LAST_NAMES, LATINO_FIRST_NAMES, LATINO_LAST_NAMES } from './names.ts';
import type { Prng } from './prng.ts';
import type { RegionZip } from './region.ts';
import type { Staff } from './transitions-context.ts';
import { clamp } from './transitions-helpers.ts';
import type { DemoHistoryPatient } from './transitions-types.ts';
import type { DemoOrganization } from './types.ts';

const MEDICAID_PLANS = ['CareSource', 'Buckeye Health Plan', 'Molina Healthcare', 'AmeriHealth Caritas Ohio'];

/** A new patient registered at `input.at` by one of the hospital's navigators, with their home and age. */
export function makePatient(
  rng: Prng,
  input: {
    hospital: DemoOrganization;
    nearby: readonly RegionZip[];
    spanish: boolean;
    at: number;
    team: Staff;
    mrns: Set<string>;
    people: Set<string>;
  },
): { patient: DemoHistoryPatient; home: { lat: number; lon: number }; age: number } {
  const { hospital } = input;
  const latino = rng.chance(input.spanish ? 0.55 : 0.14);
  const age = Math.round(clamp(rng.float(19, 45) + rng.float(0, 20) * rng.next(), 19, 64));
  const year = new Date(input.at).getUTCFullYear() - age - 1;
  const birthDate = `${year}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`;
  let givenName = '';
  let familyName = '';
  for (let attempt = 0; attempt < 20; attempt++) {
    givenName = rng.pick(latino ? LATINO_FIRST_NAMES : FIRST_NAMES);
    familyName = rng.pick(latino ? LATINO_LAST_NAMES : LAST_NAMES);
    if (!input.people.has(`${nameKey(givenName, familyName)}|${birthDate}`)) break;
  }
  input.people.add(`${nameKey(givenName, familyName)}|${birthDate}`);
  const unhoused = rng.chance(0.25);
  const zip = rng.pick(input.nearby);
  const street = rng.pick(zip.streets);
  const insuranceRoll = rng.next();
  const insurance: DemoHistoryPatient['insurance'] =
    insuranceRoll < 0.72
      ? {
          kind: 'medicaid',
          payerName: rng.pick(MEDICAID_PLANS),
          memberId: `M${rng.int(1_000_000, 9_999_999)}`,
        }
      : insuranceRoll < 0.9
        ? { kind: 'uninsured', payerName: null, memberId: null }
        : insuranceRoll < 0.97
          ? {
              kind: 'commercial',
              payerName: 'Lakeshore Health Plan',
              memberId: `L${rng.int(1_000_000, 9_999_999)}`,
            }
          : {
              kind: 'medicare',
              payerName: 'Medicare',
              memberId: `${rng.int(1, 9)}EG${rng.int(1000, 9999)}MK${rng.int(10, 99)}`,
            };
  // Seven digits: never the same as a hand-made patient's six-digit MRN.
  const newMrn = () => `${hospital.slug.slice(0, 3).toUpperCase()}-${rng.int(1_000_000, 9_999_999)}`;
  let mrn = newMrn();
  while (input.mrns.has(mrn)) mrn = newMrn();
  input.mrns.add(mrn);
  const registrar = rng.pick(input.team.navigators);
  const patient: DemoHistoryPatient = {
    id: rng.uuid(),
    holderOrgId: hospital.id,
    givenName,
    familyName,
    nameKey: nameKey(givenName, familyName),
    birthDate,
    sex: rng.chance(0.66) ? 'male' : 'female',
    phones: [
      {
        number: `+1 ${zip.areaCode} 555 01${pad(rng.int(0, 99))}`,
        use: 'mobile',
        voicemailOk: rng.chance(0.5),
        textOk: rng.chance(0.75),
      },
    ],
    address: unhoused
      ? null
      : {
          street: `${rng.int(street.from, street.to)} ${street.name}`,
          city: zip.city,
          state: 'OH',
          postalCode: zip.zip,
        },
    unhoused,
    preferredLanguage: latino && rng.chance(0.55) ? 'es' : 'en',
    insurance,
    part2: hospital.part2Program,
    createdBy: registrar.userId,
    createdAt: new Date(input.at),
    mrn,
  };
  return { patient, home: { lat: zip.latitude, lon: zip.longitude }, age };
}

const pad = (n: number) => String(n).padStart(2, '0');
