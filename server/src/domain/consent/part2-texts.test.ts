/** The shipped Part 2 texts parse, carry the §2.32 statements verbatim, and a broken document is refused. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePart2Texts } from './part2-texts.ts';

const shipped = (): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL('../../../config/part2-texts.json', import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;

describe('parsePart2Texts', () => {
  it('parses the shipped texts with Statement 1 and Statement 2 verbatim', () => {
    const texts = parsePart2Texts(shipped());
    expect(texts.version).toMatch(/^\d{4}-\d{2}-\d{2}\.\d+$/);
    expect(
      texts.statement1.startsWith(
        'This record which has been disclosed to you is protected by Federal confidentiality rules (42 CFR part 2).',
      ),
    ).toBe(true);
    expect(texts.statement1).toContain('42 CFR 2.64 or 2.65');
    expect(texts.statement1).toContain('unless at least one of the following applies:\n(i) Further use');
    expect(texts.statement1.endsWith('(see 42 CFR 2.31).')).toBe(true);
    expect(texts.statement2).toBe('42 CFR part 2 prohibits unauthorized use or disclosure of these records.');
  });

  it('says which passages are checked and which are unverified', () => {
    const texts = parsePart2Texts(shipped());
    const statuses = (key: string) => texts.provenance.filter((p) => p.key === key).map((p) => p.status);
    expect(statuses('statement1')).toEqual(['checked', 'unverified']);
    expect(statuses('statement2')).toEqual(['unverified']);
  });

  it('has words for every code in both languages', () => {
    const texts = parsePart2Texts(shipped());
    expect(texts.consentForm.en.codes.purposes.CAREMGT).toBe('Care management');
    expect(texts.consentForm.es.codes.purposes.TREAT).toBe('Tratamiento');
    expect(texts.consentForm.en.codes.purposes.PATRQT).toBe('At the request of the patient');
    expect(texts.consentForm.es.courtesyTranslation.label).toBe('Traducción de cortesía:');
  });

  it('refuses a document without a statement, naming it', () => {
    const { statement2: _dropped, ...rest } = shipped();
    expect(() => parsePart2Texts(rest)).toThrow(/statement2 is missing/);
  });

  it('refuses an empty text and a missing code word, naming each', () => {
    const json = shipped();
    json.statement1 = '   ';
    const form = (json.consentForm as { es: { codes: { purposes: Record<string, string> } } }).es;
    delete form.codes.purposes.HLEGAL;
    expect(() => parsePart2Texts(json)).toThrow(/statement1 must not be empty/);
    expect(() => parsePart2Texts(json)).toThrow(/consentForm\.es\.codes\.purposes\.HLEGAL is missing/);
  });

  it('refuses something that is not a texts document', () => {
    expect(() => parsePart2Texts(null)).toThrow(/Invalid Part 2 notice texts/);
  });
});
