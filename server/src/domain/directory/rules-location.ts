/**
 * Matching rules about *where*: distance from the patient's home and the service area.
 *
 * Rules and strictness choices, written down:
 * - Distance and service area are soft: a far or out-of-area service is a warning, never excluded (the
 *   patient may move, e.g. into recovery housing, and the navigator decides).
 * - Beyond `farDistanceKm` (default 50 km, about 30 miles: a daily OTP visit at that distance is hard
 *   without a car) is a warning, telehealth services included (intake may still be in person).
 * - In the service area when within its radius or in one of its ZIP codes (listed as `12345` or
 *   `12345-6789`; the write path normalizes them). When the area cannot be decided
 *   (ZIP list only, or outside the radius but a ZIP list exists, and the patient's ZIP is unknown) it is a
 *   warning `service_area_unconfirmed`, not a fit.
 * - A service with no location is a warning unless it offers telehealth; its distance is undefined and it
 *   sorts after every service with a distance.
 */
import { haversineKm, normalizeZip } from './geo.ts';
import type { MatchNeed } from './need.ts';
import { fit, warn, type Findings } from './reasons.ts';
import type { DirectoryService } from './service.ts';

export const DEFAULT_FAR_DISTANCE_KM = 50;

/** Checks distance and service area; returns the distance in km (unrounded) when both points are known. */
export function checkLocation(
  need: MatchNeed,
  service: DirectoryService,
  farDistanceKm: number,
  findings: Findings,
): number | undefined {
  const home = need.home;
  if (!home) return undefined;
  const location = service.location;
  if (!location) {
    if (!service.policies.telehealth) warn(findings, 'location_unknown', 'has no location on file');
    return undefined;
  }
  const distance = haversineKm(home, location);
  const rounded = Math.round(distance * 10) / 10;
  if (distance > farDistanceKm) {
    warn(findings, 'far_away', `${rounded} km away, more than ${farDistanceKm} km`, { distanceKm: rounded });
  }
  const area = location.serviceArea;
  const zips = area?.zips ?? [];
  const radius = area?.radiusKm;
  if (radius === undefined && zips.length === 0) return distance;
  const inRadius = radius !== undefined && distance <= radius;
  const homeZip = home.zip === undefined ? undefined : normalizeZip(home.zip);
  const inZips =
    homeZip !== undefined && zips.some((zip) => zip === homeZip || zip.startsWith(`${homeZip}-`));
  if (inRadius || inZips) {
    fit(findings, 'in_service_area', 'serves the patient’s area');
  } else if (zips.length > 0 && homeZip === undefined) {
    warn(findings, 'service_area_unconfirmed', 'serves listed ZIP codes; the patient’s ZIP code is unknown');
  } else {
    warn(findings, 'outside_service_area', 'the patient lives outside its service area');
  }
  return distance;
}
