/**
 * How patient names are compared: lower case, accents and punctuation removed, spaces collapsed, so that
 * "José  O'Neil" and "jose oneil" are the same key. Used for search and for the same-organization
 * duplicate check (same key and date of birth); never to match across organizations (P21).
 */
export function nameKey(...parts: string[]): string {
  return parts
    .join(' ')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’`.-]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The search words of a query, normalised like names; at most 5, each at least 1 character. */
export function searchWords(query: string): string[] {
  return nameKey(query).split(' ').filter(Boolean).slice(0, 5);
}
