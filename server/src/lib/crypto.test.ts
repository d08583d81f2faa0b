import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { randomToken, safeEqual, seal, unseal } from './crypto.ts';

describe('crypto helpers', () => {
  it('seals and unseals with the same key, and fails with another or a changed ciphertext', () => {
    const key = randomBytes(32);
    const sealed = seal('JBSWY3DPEHPK3PXP', key);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(unseal(sealed, key)).toBe('JBSWY3DPEHPK3PXP');
    expect(() => unseal(sealed, randomBytes(32))).toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => unseal(parts.join('.'), key)).toThrow();
  });

  it('makes distinct prefixed tokens and compares safely', () => {
    const a = randomToken('hnd_');
    expect(a).toMatch(/^hnd_[\w-]{43}$/);
    expect(randomToken('hnd_')).not.toBe(a);
    expect(safeEqual(a, a)).toBe(true);
    expect(safeEqual(a, `${a}x`)).toBe(false);
  });
});
