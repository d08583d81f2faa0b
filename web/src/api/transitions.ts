/**
 * Transitions endpoints: the hospital's transitions (MOUD plan, coverage-gap clock) and worklist, referrals
 * with their status moves (`If-Match`), the partner inbox, the message thread per referral and the handoff
 * letters. Shapes are the server's own (`server/src/domain/transitions/views.ts`); codes come from
 * `server/src/domain/transitions/vocabulary.ts`; request bodies are the inputs of
 * `server/src/app/transitions/schemas.ts` (type-only). Creating POSTs carry an `Idempotency-Key`.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { isApiError } from './api-error.ts';
import { api, request } from './client.ts';

// The codes are the server's own (pure, dependency-free modules): one source of truth.
export {
  ATTACHMENT_TYPES,
  BRIDGE_KINDS,
  CANCEL_REASONS,
  CARE_NEEDS,
  DECLINE_REASONS,
  DISPOSITIONS,
  ENCOUNTER_TYPES,
  FAILURE_REASONS,
  FORMULATIONS,
  FORMULATIONS_OF,
  MAX_ATTACHMENT_BYTES,
  MAX_BRIDGE_DAYS,
  MAX_METHADONE_DOSES,
  MEDICATIONS,
  OUD_IDENTIFIED_BY,
  REFERRAL_STATUSES,
  TRANSITION_STATUSES,
  URGENCIES,
} from '../../../server/src/domain/transitions/vocabulary.ts';
export { allowedMoves, MOVES } from '../../../server/src/domain/transitions/referral-states.ts';
import type {
  AttachmentType,
  BridgeKind,
  CareNeed,
  Disposition,
  EncounterType,
  Formulation,
  Medication,
  OudIdentifiedBy,
  ReferralStatus,
  TransitionStatus,
  Urgency,
} from '../../../server/src/domain/transitions/vocabulary.ts';
export type {
  AttachmentType,
  BridgeKind,
  CareNeed,
  Disposition,
  EncounterType,
  Formulation,
  Medication,
  OudIdentifiedBy,
  ReferralStatus,
  TransitionStatus,
  Urgency,
};
import type { Requirement, Side } from '../../../server/src/domain/transitions/referral-states.ts';
import type { GapState } from '../../../server/src/domain/transitions/gap-clock.ts';
export type { GapState, Requirement, Side };

import type {
  ContactView,
  GapClockView,
  InboxRow,
  MessagesPage,
  MessageView,
  MoudPlanView,
  Page,
  PacketView,
  ReferralEventView,
  ReferralSummary,
  ReferralView,
  TransitionRow,
  TransitionView,
} from '../../../server/src/domain/transitions/views.ts';
export type {
  ContactView,
  GapClockView,
  InboxRow,
  MessagesPage,
  MessageView,
  MoudPlanView,
  Page,
  PacketView,
  ReferralEventView,
  ReferralSummary,
  ReferralView,
  TransitionRow,
  TransitionView,
};

import type {
  createReferralInput,
  createTransitionInput,
  postMessageInput,
  referralInboxQuery,
  referralStatusInput,
  transitionWorklistQuery,
  updateTransitionInput,
} from '../../../server/src/app/transitions/schemas.ts';

/** Request bodies and queries: the server's own schemas (type-only imports). */
export type CreateTransitionInput = z.input<typeof createTransitionInput>;
export type UpdateTransitionInput = z.input<typeof updateTransitionInput>;
export type MoudPlanInput = NonNullable<CreateTransitionInput['moudPlan']>;
export type CreateReferralInput = z.input<typeof createReferralInput>;
export type ReferralStatusInput = z.input<typeof referralStatusInput>;
export type PostMessageInput = z.input<typeof postMessageInput>;
type Paged<Q> = Omit<Q, 'page' | 'pageSize'> & { page?: number; pageSize?: number };
export type TransitionWorklistQuery = Paged<z.input<typeof transitionWorklistQuery>>;
export type ReferralInboxQuery = Paged<z.input<typeof referralInboxQuery>>;

export const GAP_FILTERS = ['gap', 'at_risk', 'covered', 'pending', 'no_plan', 'linked', 'flagged'] as const;
export const GAP_STATES: readonly GapState[] = [
  'gap',
  'at_risk',
  'covered',
  'pending',
  'no_plan',
  'linked',
  'closed',
];
export const TRANSITION_SORTS = ['gap', 'coverage_end', 'admitted', 'ack_due'] as const;
export const INBOX_SORTS = ['urgency', 'ack_due', 'sent', 'appointment'] as const;

/** The problem type of a referral to an organization no consent of the patient names. */
export const NO_CONSENT = 'no-consent';

const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });
const idempotent = (key: string | undefined) =>
  key ? ({ 'Idempotency-Key': key } as Record<string, string>) : undefined;

const transitionsBase = '/api/v1/transitions';
const referralsBase = '/api/v1/referrals';
export const transitionPath = (id: string) => `${transitionsBase}/${encodeURIComponent(id)}`;
export const referralPath = (id: string) => `${referralsBase}/${encodeURIComponent(id)}`;

export const createTransition = (input: CreateTransitionInput, idempotencyKey?: string) =>
  api<TransitionView>(transitionsBase, { method: 'POST', body: input, headers: idempotent(idempotencyKey) });

export const getTransition = (id: string) => api<TransitionView>(transitionPath(id));

export const updateTransition = (id: string, version: number, input: UpdateTransitionInput) =>
  api<TransitionView>(transitionPath(id), { method: 'PATCH', body: input, headers: ifMatch(version) });

export const listTransitions = (query: TransitionWorklistQuery) =>
  api<Page<TransitionRow>>(transitionsBase, { query: { ...query } });

export const addReferral = (transitionId: string, input: CreateReferralInput, idempotencyKey?: string) =>
  api<ReferralView>(`${transitionPath(transitionId)}/referrals`, {
    method: 'POST',
    body: input,
    headers: idempotent(idempotencyKey),
  });

export const listReferrals = (query: ReferralInboxQuery) =>
  api<Page<InboxRow>>(referralsBase, { query: { ...query } });

export const getReferral = (id: string) => api<ReferralView>(referralPath(id));

/** Moves a referral to a new status; the version is the one the user saw (412 when someone else acted). */
export const moveReferral = (id: string, version: number, input: ReferralStatusInput) =>
  api<ReferralView>(`${referralPath(id)}/status`, { method: 'POST', body: input, headers: ifMatch(version) });

export const listMessages = (referralId: string) => api<MessagesPage>(`${referralPath(referralId)}/messages`);

export const postMessage = (referralId: string, input: PostMessageInput) =>
  api<MessageView>(`${referralPath(referralId)}/messages`, { method: 'POST', body: input });

export const markMessagesRead = (referralId: string, upToSeq: number) =>
  request<undefined>(`${referralPath(referralId)}/messages/read`, { method: 'POST', body: { upToSeq } });

export const attachmentUrl = (referralId: string, messageId: string) =>
  `${referralPath(referralId)}/messages/${encodeURIComponent(messageId)}/attachment`;

/** A handoff letter as PDF: for the patient (English or Spanish) or for the partner of one referral. */
export function packetPdfUrl(
  transitionId: string,
  options: { audience: 'patient' | 'partner'; lang: 'en' | 'es'; referral?: string },
): string {
  const params = new URLSearchParams({ audience: options.audience, lang: options.lang });
  if (options.referral) params.set('referral', options.referral);
  return `${transitionPath(transitionId)}/packet.pdf?${params.toString()}`;
}

/** A fresh key for one creating request (kept while the same request is retried, see `useIdempotencyKey`). */
export function newIdempotencyKey(): string {
  const c: Crypto = crypto;
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  // Outside a secure context (plain http on a LAN address) randomUUID is missing: a v4 UUID by hand.
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// Query keys and hooks (server state).
export const transitionKeys = {
  all: ['transitions'] as const,
  one: (id: string) => ['transitions', 'one', id] as const,
  worklist: (query: TransitionWorklistQuery) => ['transitions', 'worklist', query] as const,
};
export const referralKeys = {
  all: ['referrals'] as const,
  one: (id: string) => ['referrals', 'one', id] as const,
  list: (query: ReferralInboxQuery) => ['referrals', 'list', query] as const,
  messages: (id: string) => ['referrals', 'messages', id] as const,
};

/** A 4xx answer (not found, not allowed) is final: no retries. */
const retry = (count: number, error: unknown) => !(isApiError(error) && error.status < 500) && count < 2;

export const useTransitionQuery = (id: string) =>
  useQuery({ queryKey: transitionKeys.one(id), queryFn: () => getTransition(id), retry });

export const useTransitionWorklist = (query: TransitionWorklistQuery) =>
  useQuery({
    queryKey: transitionKeys.worklist(query),
    queryFn: () => listTransitions(query),
    placeholderData: keepPreviousData,
    retry,
  });

export const useReferralQuery = (id: string) =>
  useQuery({ queryKey: referralKeys.one(id), queryFn: () => getReferral(id), retry });

export const useReferralList = (query: ReferralInboxQuery) =>
  useQuery({
    queryKey: referralKeys.list(query),
    queryFn: () => listReferrals(query),
    placeholderData: keepPreviousData,
    retry,
  });

/** The thread, refreshed every 20 s while shown (the other side may write at any time). */
export const useMessages = (referralId: string) =>
  useQuery({
    queryKey: referralKeys.messages(referralId),
    queryFn: () => listMessages(referralId),
    refetchInterval: 20_000,
    retry,
  });
