/**
 * Maps every error to an RFC 9457 `application/problem+json` response: use-case errors by kind,
 * request validation errors with the offending field, malformed or oversized bodies, rate limits.
 * Unexpected errors become a 500 that names only the request id; the log gets a PHI-safe summary.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorKind, type FieldError } from '../lib/errors.ts';
import { safeError } from '../lib/safe-error.ts';

const TYPE_BASE = 'https://handoff.dev/problems/';

const KIND_STATUS: Record<ErrorKind, number> = {
  validation: 400,
  unprocessable: 422,
  unavailable: 503,
  unauthenticated: 401,
  totp_required: 401,
  forbidden: 403,
  totp_enrollment_required: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  precondition_required: 428,
  too_many_requests: 429,
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  [member: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  412: 'Precondition failed',
  413: 'Request body too large',
  415: 'Unsupported media type',
  428: 'Precondition required',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal error',
  503: 'Service unavailable',
};

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.code(problem.status).type('application/problem+json').send(problem);
}

const slug = (kind: string) => TYPE_BASE + kind.replace(/_/g, '-');

const fieldFromPath = (path: string) => path.replace(/^\//, '').replace(/\//g, '.') || 'body';

function validationProblem(error: FastifyError, context: string): Problem {
  const errors: FieldError[] = [];
  for (const issue of error.validation ?? []) {
    const params = issue.params as { keys?: string[] } | undefined;
    if (issue.keyword === 'unrecognized_keys' && params?.keys) {
      const base = fieldFromPath(issue.instancePath);
      for (const key of params.keys) {
        errors.push({ field: base === 'body' ? key : `${base}.${key}`, message: 'is not a known field' });
      }
    } else {
      errors.push({ field: fieldFromPath(issue.instancePath), message: issue.message ?? 'is invalid' });
    }
  }
  const where = context === 'body' ? '' : ` in ${context}`;
  return {
    type: slug('validation'),
    title: 'Invalid request',
    status: 400,
    detail: errors.map((e) => `${e.field}${where}: ${e.message}`).join('; '),
    errors,
  };
}

export function errorToProblem(error: unknown, request: FastifyRequest): Problem {
  if (error instanceof AppError) {
    const status = KIND_STATUS[error.kind];
    return {
      type: slug(error.type ?? error.kind),
      title: TITLES[status] ?? 'Error',
      status,
      detail: error.message,
      ...(error.errors ? { errors: error.errors } : {}),
      ...error.extra,
    };
  }
  const fe = error as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fe)) return validationProblem(fe, fe.validationContext ?? 'body');
  const status = fe.statusCode ?? 500;
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return {
      type: slug('body_too_large'),
      title: 'Request body too large',
      status: 413,
      detail: 'The request body is larger than 1 MB',
    };
  }
  if (fe.code?.startsWith('FST_ERR_CTP_') || (status === 400 && fe instanceof SyntaxError)) {
    const detail =
      fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
        ? 'Send the body as application/json'
        : fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
          ? 'The JSON body is empty'
          : 'The request body is not valid JSON';
    return {
      type: slug(status === 415 ? 'unsupported_media_type' : 'malformed_body'),
      title: TITLES[status] ?? 'Bad request',
      status,
      detail,
      errors: [{ field: 'body', message: detail }],
    };
  }
  if (status === 429) {
    return {
      type: slug('too_many_requests'),
      title: 'Too many requests',
      status,
      detail: 'Too many requests; slow down',
    };
  }
  if (status >= 400 && status < 500) {
    return {
      type: slug(`http_${status}`),
      title: TITLES[status] ?? 'Bad request',
      status,
      detail: fe.message,
    };
  }
  request.log.error({ err: safeError(error) }, 'unexpected error');
  return {
    type: slug('internal'),
    title: 'Internal error',
    status: 500,
    detail: `Something went wrong on our side. Quote request id ${request.id} when you report it.`,
  };
}
