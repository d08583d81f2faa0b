/**
 * The typed fetch client: JSON bodies, same-origin cookies, the CSRF token header on every write,
 * and `application/problem+json` errors turned into `ApiError`.
 */
import { ApiError, parseRetryAfter, type ProblemBody } from './api-error.ts';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | null>;
  headers?: Record<string, string>;
}

export interface ApiResponse<T> {
  status: number;
  headers: Headers;
  data: T;
}

let csrfToken: string | undefined;

/** Remembers the CSRF token from the latest session payload (undefined after logout). */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

const UNSAFE: ReadonlySet<Method> = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

function buildUrl(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function toApiError(response: Response): Promise<ApiError> {
  let problem: ProblemBody = {};
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      problem = (await response.json()) as ProblemBody;
    } catch {
      problem = {};
    }
  }
  return new ApiError(response.status, problem, parseRetryAfter(response.headers.get('retry-after')));
}

/** Sends a request and returns status, headers and the parsed JSON body (undefined for 204). */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (UNSAFE.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, { type: 'network-error', title: 'Network error' });
  }
  if (!response.ok) throw await toApiError(response);
  const text = response.status === 204 ? '' : await response.text();
  const data = (text ? JSON.parse(text) : undefined) as T;
  return { status: response.status, headers: response.headers, data };
}

/** Like `request`, returning only the body. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return (await request<T>(path, options)).data;
}
