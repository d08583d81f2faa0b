/**
 * What may be logged of an unexpected error. Database errors carry the failed SQL and its parameters
 * (which can hold PHI, password hashes or tokens) in their message, so only the error's name, its
 * PostgreSQL code and the stack frames are kept — never the message text of a database error.
 */
export function safeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { type: typeof err };
  const frames = (err.stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .slice(0, 12)
    .map((line) => line.trim());
  const code = (err as { code?: unknown }).code ?? (err.cause as { code?: unknown } | undefined)?.code;
  const fromDatabase =
    /query|drizzle|postgres|pglite/i.test(`${err.name} ${err.constructor.name}`) || err.cause !== undefined;
  return {
    type: err.name,
    ...(typeof code === 'string' ? { code } : {}),
    ...(fromDatabase ? {} : { message: err.message.slice(0, 200) }),
    frames,
  };
}
