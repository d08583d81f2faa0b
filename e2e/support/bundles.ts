/**
 * The web app's i18n bundles (`web/src/i18n/*.json`) as the journeys read them: flattened to the dotted keys
 * `t()` takes. The whole app's strings are the main bundle (`en.json`, `es.json`) with each area's own file
 * (`followup.es.json`, …) mounted under the area's key, as `web/src/i18n/index.ts` does; one area's strings
 * are its file alone, keyed as in that file (no area prefix).
 */
import { readFileSync } from 'node:fs';

export type Language = 'en' | 'es';

/** The areas that keep their strings in their own files (`web/src/i18n/index.ts`). */
export const AREAS = ['directory', 'followup', 'imports', 'partnerships', 'patients', 'transitions'] as const;
export type Area = (typeof AREAS)[number];

type Bundle = { [key: string]: string | Bundle };

function flatten(bundle: Bundle, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(bundle)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const load = (name: string): Bundle =>
  JSON.parse(readFileSync(new URL(`../../web/src/i18n/${name}.json`, import.meta.url), 'utf8')) as Bundle;

/** The whole app's strings in one language; `areas` are the area files mounted (all, unless narrowed). */
export function appStrings(language: Language, areas: readonly Area[] = AREAS): Map<string, string> {
  const all = flatten(load(language));
  for (const area of areas) for (const [k, v] of flatten(load(`${area}.${language}`), area)) all.set(k, v);
  return all;
}

/** One area's strings in one language, keyed as in its own file (`vocab.state.done`, not `followup.…`). */
export const areaStrings = (language: Language, area: Area): Map<string, string> =>
  flatten(load(`${area}.${language}`));
