/**
 * `ApiError`: an RFC 9457 problem (`application/problem+json`) returned by the server, or a network
 * failure (status 0). Field errors, when present, are shown next to the matching form fields.
 */
export interface FieldProblem {
  field: string;
  message: string;
}

export interface ProblemBody {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: FieldProblem[];
  /** Extension members of a specific problem type (e.g. `duplicates` of `possible-duplicate`). */
  [member: string]: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldProblem[] | undefined;
  /** The whole problem body, extension members included. */
  readonly problem: ProblemBody;
  /** Seconds from the `Retry-After` header (429 and 503 answers), when present. */
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, problem: ProblemBody, retryAfterSeconds?: number) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.type = problem.type ?? 'about:blank';
    this.title = problem.title ?? `HTTP ${status}`;
    this.detail = problem.detail;
    this.errors = problem.errors;
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** True when the problem type URI ends with the given slug (e.g. `totp-required`). */
  is(slug: string): boolean {
    return this.type === slug || this.type.endsWith(`/${slug}`);
  }
}

export const isApiError = (value: unknown): value is ApiError => value instanceof ApiError;

/**
 * The message for one form field, if the server named it. Matches `email`, `body.email` and
 * `roles.0` style paths so the server may report nested fields.
 */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!isApiError(error) || !error.errors) return undefined;
  const hit = error.errors.find(
    (e) =>
      e.field === field ||
      e.field.endsWith(`.${field}`) ||
      e.field.startsWith(`${field}.`) ||
      e.field.startsWith(`${field}[`),
  );
  return hit?.message;
}

/** Parses a `Retry-After` header value (delay seconds or an HTTP date) into seconds from now. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}
