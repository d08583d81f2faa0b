/** Recognizes PostgreSQL error codes through Drizzle's wrapping (the driver error is the `cause`). */
const codeOf = (err: unknown): string | undefined => {
  for (
    let e: unknown = err, depth = 0;
    e && typeof e === 'object' && depth < 4;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
};

export const isUniqueViolation = (err: unknown): boolean => codeOf(err) === '23505';
export const isForeignKeyViolation = (err: unknown): boolean => codeOf(err) === '23503';
