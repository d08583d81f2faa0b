/**
 * Distances and home locations, offline. ZIP codes resolve to their centroid through the bundled
 * `zipcodes` data (no network geocoding: patient addresses never leave the server). Errors are values.
 *
 * Strictness choices, written down:
 * - Only US ZIP codes (`12345` or `12345-6789`) are accepted; the `zipcodes` data also holds Canadian
 *   postal prefixes, which this program does not serve, so they are `invalid_zip`.
 * - An address without coordinates is resolved from its ZIP code when it has one (a centroid, less
 *   precise, `source: 'zip'`); without a ZIP it is `address_not_geocoded`, never guessed.
 * - Coordinates must be finite, latitude within ±90 and longitude within ±180.
 */
import zipcodes from 'zipcodes';

export interface GeoPoint {
  lat: number;
  lon: number;
}

/** Mean Earth radius (IUGG), km. */
const EARTH_RADIUS_KM = 6371.0088;
const RADIANS = Math.PI / 180;

/** Great-circle (haversine) distance between two points, in km. */
export function haversineKm(a: GeoPoint, b: GeoPoint): number {
  const dLat = (b.lat - a.lat) * RADIANS;
  const dLon = (b.lon - a.lon) * RADIANS;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RADIANS) * Math.cos(b.lat * RADIANS) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A home location as a navigator may give it. */
export type LocationInput =
  | { zip: string }
  | { lat: number; lon: number }
  | { address: string; lat?: number; lon?: number; zip?: string };

export interface ResolvedLocation extends GeoPoint {
  /** The five-digit ZIP, when known (used for ZIP-list service areas). */
  zip?: string;
  source: 'zip' | 'coordinates' | 'address';
}

export type LocationErrorCode =
  'invalid_zip' | 'unknown_zip' | 'invalid_coordinates' | 'address_not_geocoded';

export type LocationResult =
  | { ok: true; location: ResolvedLocation }
  | { ok: false; error: { code: LocationErrorCode; message: string } };

const US_ZIP = /^(\d{5})(?:-\d{4})?$/;

/** The five-digit form of a US ZIP code, or undefined when it is not one. */
export function normalizeZip(zip: string): string | undefined {
  return US_ZIP.exec(zip.trim())?.[1];
}

export function isValidPoint(point: GeoPoint): boolean {
  return (
    Number.isFinite(point.lat) &&
    Number.isFinite(point.lon) &&
    Math.abs(point.lat) <= 90 &&
    Math.abs(point.lon) <= 180
  );
}

function fail(code: LocationErrorCode, message: string): LocationResult {
  return { ok: false, error: { code, message } };
}

function resolveZip(raw: string): LocationResult {
  const zip = normalizeZip(raw);
  if (!zip) return fail('invalid_zip', `"${raw}" is not a US ZIP code (12345 or 12345-6789)`);
  const found = zipcodes.lookup(zip);
  if (!found || found.country !== 'US')
    return fail('unknown_zip', `ZIP code ${zip} is not in the offline ZIP data`);
  return { ok: true, location: { lat: found.latitude, lon: found.longitude, zip, source: 'zip' } };
}

function resolvePoint(point: GeoPoint, source: 'coordinates' | 'address', zip?: string): LocationResult {
  if (!isValidPoint(point)) {
    return fail(
      'invalid_coordinates',
      'coordinates must be a latitude within ±90 and a longitude within ±180',
    );
  }
  const location: ResolvedLocation = { lat: point.lat, lon: point.lon, source };
  const normalized = zip === undefined ? undefined : normalizeZip(zip);
  if (normalized) location.zip = normalized;
  return { ok: true, location };
}

/** Resolves a home location offline. Never throws. */
export function resolveLocation(input: LocationInput): LocationResult {
  if ('address' in input) {
    const { lat, lon, zip } = input;
    if (lat !== undefined && lon !== undefined) return resolvePoint({ lat, lon }, 'address', zip);
    if (lat !== undefined || lon !== undefined) {
      return fail('invalid_coordinates', 'an address needs both a latitude and a longitude');
    }
    if (zip !== undefined) return resolveZip(zip);
    return fail(
      'address_not_geocoded',
      'the address has no coordinates and no ZIP code; no network geocoding is done',
    );
  }
  if ('zip' in input) return resolveZip(input.zip);
  return resolvePoint(input, 'coordinates');
}
