/**
 * How the leak test compares a request about the real patient with the same request about an unknown
 * one: what may legitimately differ (ids sent, the request id) is replaced by tokens; everything else —
 * status, body, headers, length, audit trail — must be equal, and nothing identifying may come back.
 */
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Secret, Subject } from './leak-routes.ts';

// ---------------------------------------------------------------------------------------------------
// Exchanges and their comparison.

export interface AuditRow {
  action: string;
  outcome: string;
  entityType: string | null;
  entityId: string | null;
  patientId: string | null;
  purpose: string | null;
  via: string;
  details: Record<string, unknown>;
}

export interface Exchange {
  method: string;
  url: string;
  body: unknown;
  res: LightMyRequestResponse;
  requestId: string;
  audit: AuditRow[];
  /** Rows the request added to the disclosure ledger: in all, and for the real patient. */
  ledger: { all: number; patient: number };
}

export interface Pair {
  real: Exchange;
  unknown: Exchange;
}

export const IGNORED_HEADERS = new Set(['date', 'x-request-id']);

export const headerValue = (v: string | string[] | number | undefined) =>
  Array.isArray(v) ? v.join(', ') : String(v ?? '');

/** Everything a response carries, as text: status line, headers and body. */
export function responseText(res: LightMyRequestResponse): string {
  const headers = Object.entries(res.headers)
    .map(([k, v]) => `${k}: ${headerValue(v)}`)
    .join('\n');
  return `${res.statusCode}\n${headers}\n\n${res.rawPayload.toString('latin1')}`;
}

/** What the actor itself sent: anything in here may come back. */
export const sentText = (ex: Exchange) => `${ex.url} ${ex.body === undefined ? '' : JSON.stringify(ex.body)}`;

/** Patient ids in a registration answer (the new patient, or the same-organization duplicates). */
export function ownPatientIds(ex: Exchange): string[] {
  if (!/json/.test(headerValue(ex.res.headers['content-type']))) return [];
  const body = ex.res.json<{ id?: unknown; duplicates?: Array<{ id?: unknown }> }>();
  return [body.id, ...(body.duplicates ?? []).map((d) => d.id)].filter(
    (id): id is string => typeof id === 'string',
  );
}

/** Replaces what legitimately differs between the two calls (ids and values sent, request id) by tokens. */
export function normalise(text: string, ex: Exchange, s: Subject): string {
  const tokens: Array<[string, string]> = [
    [ex.requestId, '<request-id>'],
    [s.patientId, '<patient-id>'],
    [s.consentId, '<consent-id>'],
    [s.emergencyId, '<emergency-id>'],
    [s.restrictionId, '<restriction-id>'],
    [s.listRequestId, '<list-request-id>'],
    ...ownPatientIds(ex).map((id): [string, string] => [id, '<own-patient-id>']),
    ...Object.entries(s.person).map(([k, v]): [string, string] => [String(v), `<${k}>`]),
  ];
  let out = text;
  for (const [value, token] of tokens) out = out.split(value).join(token);
  return out;
}

export function assertSameAnswer(pair: Pair, real: Subject, unknown: Subject) {
  const { real: a, unknown: b } = pair;
  const what = `${a.method} ${a.url} vs ${b.url}`;
  expect(a.res.statusCode, `status of ${what}`).toBe(b.res.statusCode);
  expect(normalise(a.res.body, a, real), `body of ${what}`).toBe(normalise(b.res.body, b, unknown));
  expect(Object.keys(a.res.headers).sort(), `header names of ${what}`).toEqual(
    Object.keys(b.res.headers).sort(),
  );
  for (const [name, value] of Object.entries(a.res.headers)) {
    if (IGNORED_HEADERS.has(name)) continue;
    expect(headerValue(value), `header ${name} of ${what}`).toBe(headerValue(b.res.headers[name]));
  }
  // Content length too: the only differing member, `instance`, is a UUID of fixed length.
  expect(a.res.rawPayload.length, `length of ${what}`).toBe(b.res.rawPayload.length);
}

/** No identifying string of the patient, and no id of it the actor did not send, anywhere in `text`. */
export function assertNothingIdentifying(text: string, ex: Exchange, forbidden: Secret[], where: string) {
  const sent = sentText(ex).toLowerCase();
  const haystack = text.toLowerCase();
  for (const [label, value] of forbidden) {
    if (sent.includes(value.toLowerCase())) continue;
    expect(
      haystack.includes(value.toLowerCase()),
      `${where} of ${ex.method} ${ex.url} contains the ${label} ${value}`,
    ).toBe(false);
  }
}

export const auditText = (rows: AuditRow[]) => JSON.stringify(rows);
export const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

// ---------------------------------------------------------------------------------------------------
