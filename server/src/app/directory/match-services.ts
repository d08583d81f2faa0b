/**
 * `POST /match`: ranks the network's active services for a patient's need and explains each result.
 * The need carries no patient identity and is neither stored nor logged; the home location is resolved
 * offline (ZIP centroid or given coordinates), never sent anywhere.
 *
 * Candidates come from the in-memory snapshot (`snapshot.ts`): only services that offer a component of
 * the need are evaluated unless `includeConflicts` asks for every service with its conflicts. The
 * results' views are built from the snapshot's rows and names (current as of the match's change check).
 */
import {
  matchServices as rankServices,
  resolveLocation,
  type LocationInput,
  type MatchNeed,
  type MatchResult,
  type ResolvedLocation,
} from '../../domain/directory/index.ts';
import { invalid } from '../../lib/errors.ts';
import { authorize, requireMember } from '../authorize.ts';
import type { Actor, Deps } from '../context.ts';
import type { MatchInput } from './schemas.ts';
import { serviceView, type ServiceView } from './service-record.ts';
import { currentSnapshot } from './snapshot.ts';

const HOUR_MS = 3_600_000;
/** Without an end or `withinHours`, the intake window is 72 hours (the program's target). */
export const DEFAULT_INTAKE_WINDOW_HOURS = 72;

export interface MatchItem extends Omit<MatchResult, 'service' | 'nextOpenAt'> {
  service: ServiceView;
  nextOpenAt: string | null;
}

export interface MatchResponse {
  items: MatchItem[];
  /** How many active services offer a component of the need (every active service with `includeConflicts`). */
  considered: number;
  home: Pick<ResolvedLocation, 'lat' | 'lon' | 'zip' | 'source'> | null;
}

function homeOf(input: MatchInput['home']): ResolvedLocation | undefined {
  if (!input) return undefined;
  const { zip, address, lat, lon } = input;
  let location: LocationInput;
  if (address !== undefined) {
    location = {
      address,
      ...(zip ? { zip } : {}),
      ...(lat !== undefined ? { lat } : {}),
      ...(lon !== undefined ? { lon } : {}),
    };
  } else if (lat !== undefined || lon !== undefined) {
    if (lat === undefined || lon === undefined) throw invalid('home', 'give both lat and lon');
    location = { lat, lon };
  } else if (zip !== undefined) {
    location = { zip };
  } else {
    throw invalid('home', 'give a zip, coordinates, or an address');
  }
  const result = resolveLocation(location);
  if (!result.ok) throw invalid('home', result.error.message);
  return result.location;
}

function needOf(input: MatchInput, home: ResolvedLocation | undefined): MatchNeed {
  const need: MatchNeed = {};
  if (input.medication) need.medication = input.medication;
  if (input.insurance) need.insurance = input.insurance;
  if (home) need.home = home;
  if (input.language) need.language = input.language;
  if (input.age !== undefined) need.age = input.age;
  if (input.gender) need.gender = input.gender;
  if (input.otherNeeds) need.otherNeeds = input.otherNeeds;
  if (input.accessibility) need.accessibility = input.accessibility;
  if (input.prerequisites) need.prerequisites = input.prerequisites;
  if (input.intakeWindow) {
    const { from, to, withinHours } = input.intakeWindow;
    need.intakeWindow = {
      from,
      to: to ?? new Date(from.getTime() + (withinHours ?? DEFAULT_INTAKE_WINDOW_HOURS) * HOUR_MS),
    };
  }
  return need;
}

export async function matchForNeed(deps: Deps, actor: Actor, input: MatchInput): Promise<MatchResponse> {
  const member = requireMember(actor);
  await authorize(deps, member, 'service.read', { what: 'Service' });
  const home = homeOf(input.home);
  const need = needOf(input, home);
  const now = deps.clock.now();
  const snapshot = await currentSnapshot(deps.db, member.networkId);
  const candidates = snapshot.candidates(need, input.includeConflicts);
  const options = {
    now,
    capacityMaxAgeDays: deps.config.capacityMaxAgeDays,
    includeConflicts: input.includeConflicts,
  };
  const ranked = rankServices(need, candidates, { ...options, limit: input.limit });
  // The views come from the snapshot, which is current as of this match's change check.
  const items = ranked.flatMap(({ service, nextOpenAt, ...rest }): MatchItem[] => {
    const named = snapshot.named(service.id);
    if (!named) return [];
    return [
      {
        ...rest,
        service: serviceView(named.row, named.names, now, deps.config.capacityMaxAgeDays),
        nextOpenAt: nextOpenAt?.toISOString() ?? null,
      },
    ];
  });
  return {
    items,
    considered: candidates.length,
    home: home
      ? { lat: home.lat, lon: home.lon, source: home.source, ...(home.zip ? { zip: home.zip } : {}) }
      : null,
  };
}
