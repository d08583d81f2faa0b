import { describe, expect, it } from 'vitest';
import { nameKey, searchWords } from './name-key.ts';

describe('nameKey', () => {
  it('ignores case, accents, apostrophes and extra spaces', () => {
    expect(nameKey('José', "  O'Neil ")).toBe('jose oneil');
    expect(nameKey('JOSE', 'ONEIL')).toBe(nameKey('José', 'O’Neil'));
  });
  it('keeps hyphenated family names as one word and splits on other punctuation', () => {
    expect(nameKey('Ana', 'García-López')).toBe('ana garcialopez');
    expect(nameKey('Ana,María', 'Ruiz')).toBe('ana maria ruiz');
  });
});

describe('searchWords', () => {
  it('normalises and caps the number of words', () => {
    expect(searchWords(' Núñez  maria ')).toEqual(['nunez', 'maria']);
    expect(searchWords('a b c d e f g')).toHaveLength(5);
    expect(searchWords('  ')).toEqual([]);
  });
});
