/**
 * Errors as values at the edge: use cases throw `AppError` with a kind; REST maps the kind to an
 * HTTP status and an `application/problem+json` body, the CLI to a message and exit code.
 * Messages never contain PHI, passwords or tokens.
 */
export type ErrorKind =
  | 'validation'
  | 'unprocessable'
  | 'unavailable'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'precondition_failed'
  | 'precondition_required'
  | 'too_many_requests'
  | 'totp_required'
  | 'totp_enrollment_required';

export interface FieldError {
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly errors: FieldError[] | undefined;
  readonly retryAfterSeconds: number | undefined;
  /** A more specific problem type than the kind, e.g. `invalid_credentials`. */
  readonly type: string | undefined;
  /** Extra members of the problem body, e.g. the `duplicates` of a possible duplicate. No PHI beyond what the actor may see. */
  readonly extra: Record<string, unknown> | undefined;

  constructor(
    kind: ErrorKind,
    message: string,
    options: {
      errors?: FieldError[];
      retryAfterSeconds?: number;
      type?: string;
      extra?: Record<string, unknown>;
    } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.kind = kind;
    this.type = options.type;
    this.errors = options.errors;
    this.extra = options.extra;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** The one not-found error: the same words whether the object is missing or hidden from the actor. */
export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const forbidden = (message = 'Your role does not allow this action') =>
  new AppError('forbidden', message);
export const invalid = (field: string, message: string) =>
  new AppError('validation', `Invalid ${field}: ${message}`, { errors: [{ field, message }] });
