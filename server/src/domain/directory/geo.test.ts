import { describe, expect, it } from 'vitest';
import { haversineKm, normalizeZip, resolveLocation } from './geo.ts';

describe('haversineKm', () => {
  it('is 0 for one point, symmetric, and right for a known pair', () => {
    const boston = { lat: 42.3601, lon: -71.0589 };
    const nyc = { lat: 40.7128, lon: -74.006 };
    expect(haversineKm(boston, boston)).toBe(0);
    expect(haversineKm(boston, nyc)).toBeCloseTo(haversineKm(nyc, boston), 9);
    expect(haversineKm(boston, nyc)).toBeGreaterThan(305);
    expect(haversineKm(boston, nyc)).toBeLessThan(308);
  });

  it('gives a quarter circumference from the equator to a pole', () => {
    expect(haversineKm({ lat: 0, lon: 0 }, { lat: 90, lon: 0 })).toBeCloseTo((Math.PI * 6371.0088) / 2, 6);
  });
});

describe('resolveLocation', () => {
  it('resolves a ZIP code offline, with or without +4', () => {
    const result = resolveLocation({ zip: '02118' });
    expect(result).toMatchObject({ ok: true, location: { zip: '02118', source: 'zip' } });
    if (result.ok) {
      expect(result.location.lat).toBeCloseTo(42.34, 1);
      expect(result.location.lon).toBeCloseTo(-71.07, 1);
    }
    expect(resolveLocation({ zip: ' 02118-1234 ' })).toMatchObject({ ok: true, location: { zip: '02118' } });
  });

  it('returns error values for bad and unknown ZIP codes', () => {
    expect(resolveLocation({ zip: '2118' })).toMatchObject({ ok: false, error: { code: 'invalid_zip' } });
    expect(resolveLocation({ zip: 'K1A 0B1' })).toMatchObject({ ok: false, error: { code: 'invalid_zip' } });
    expect(resolveLocation({ zip: '00000' })).toMatchObject({ ok: false, error: { code: 'unknown_zip' } });
    const failed = resolveLocation({ zip: 'abc' });
    expect(failed.ok).toBe(false);
    if (!failed.ok) expect(failed.error.message).toContain('abc');
  });

  it('accepts coordinates and rejects impossible ones', () => {
    expect(resolveLocation({ lat: 42.3, lon: -71.1 })).toEqual({
      ok: true,
      location: { lat: 42.3, lon: -71.1, source: 'coordinates' },
    });
    expect(resolveLocation({ lat: 91, lon: 0 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_coordinates' },
    });
    expect(resolveLocation({ lat: Number.NaN, lon: 0 })).toMatchObject({ ok: false });
  });

  it('uses an address’s coordinates, falls back to its ZIP, and never geocodes', () => {
    expect(resolveLocation({ address: '1 Main St', lat: 42.3, lon: -71.1, zip: '02118' })).toEqual({
      ok: true,
      location: { lat: 42.3, lon: -71.1, zip: '02118', source: 'address' },
    });
    expect(resolveLocation({ address: '1 Main St', zip: '02118' })).toMatchObject({
      ok: true,
      location: { source: 'zip' },
    });
    expect(resolveLocation({ address: '1 Main St' })).toMatchObject({
      ok: false,
      error: { code: 'address_not_geocoded' },
    });
    expect(resolveLocation({ address: '1 Main St', lat: 42.3 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_coordinates' },
    });
  });

  it('normalizes ZIP codes', () => {
    expect(normalizeZip('02118-0001')).toBe('02118');
    expect(normalizeZip('021180')).toBeUndefined();
  });
});
