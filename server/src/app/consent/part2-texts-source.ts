/**
 * The reviewed Part 2 texts (§2.32 statements, consent form wording) from `HANDOFF_PART2_TEXTS`, read
 * once per process. When the file is missing or invalid, every disclosure fails closed (P12: "if the
 * notice configuration is missing, the disclosure fails"); the holder's own reads are unaffected.
 */
import { readFileSync } from 'node:fs';
import { parsePart2Texts, type Part2Texts } from '../../domain/consent/part2-texts.ts';
import { AppError } from '../../lib/errors.ts';
import { safeError } from '../../lib/safe-error.ts';
import type { Deps } from '../context.ts';

const loaded = new Map<string, Part2Texts>();

/** The texts, or a 503 problem that says nothing is disclosed without them. */
export function part2Texts(deps: Deps): Part2Texts {
  const path = deps.config.part2TextsFile;
  const cached = loaded.get(path);
  if (cached) return cached;
  try {
    const texts = parsePart2Texts(JSON.parse(readFileSync(path, 'utf8')));
    loaded.set(path, texts);
    return texts;
  } catch (error) {
    deps.log.error({ err: safeError(error), path }, 'Part 2 notice texts unavailable: disclosures refused');
    throw new AppError(
      'unavailable',
      'The 42 CFR Part 2 notice texts are not configured, so nothing is disclosed. Ask an administrator to check HANDOFF_PART2_TEXTS.',
      { type: 'part2_texts_missing' },
    );
  }
}
