/**
 * Partnership endpoints: the active organization's partnerships, one partnership's workspace
 * (agreements, liaisons, deliveries, meetings with action items, goals, self-assessments) and the
 * convener's aggregates. Shapes mirror `server/src/app/partnerships/partnership-view.ts` and
 * `summarize-partnerships.ts`; the codes come from `server/src/domain/partnerships/vocabulary.ts`.
 */
import { api, request } from './client.ts';
import type { Items } from './types.ts';

// The codes are the server's own (pure, dependency-free modules): one source of truth.
export {
  AGREEMENT_KINDS,
  ASSESSMENT_ITEMS,
  DELIVERY_KINDS,
  GOAL_METRICS,
  LIAISON_ROLES,
  PARTNERSHIP_STATUSES,
  REMINDER_DAYS_BEFORE_EXPIRY,
} from '../../../server/src/domain/partnerships/vocabulary.ts';
import type {
  AgreementKind,
  AssessmentItem,
  DeliveryKind,
  GoalMetric,
  LiaisonRole,
  PartnershipStatus,
} from '../../../server/src/domain/partnerships/vocabulary.ts';
export type { AgreementKind, AssessmentItem, DeliveryKind, GoalMetric, LiaisonRole, PartnershipStatus };

/** Content types the server accepts for an agreement's document. */
export const DOCUMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'text/plain'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
/** Largest document before base64 (`MAX_DOCUMENT_BYTES` on the server). */
export const MAX_DOCUMENT_BYTES = 700_000;

export interface PartyOrganization {
  id: string;
  name: string;
  kind: string;
}

export interface PartnershipSummary {
  id: string;
  status: PartnershipStatus;
  startedOn: string | null;
  notes: string | null;
  hospital: PartyOrganization;
  cbo: PartyOrganization;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Agreement {
  id: string;
  kind: AgreementKind;
  title: string;
  effectiveOn: string;
  expiresOn: string | null;
  documentName: string | null;
  documentType: string | null;
  hasDocument: boolean;
  /** Whole days until expiry (negative once expired); null when open-ended. */
  daysUntilExpiry: number | null;
}

export interface Liaison {
  id: string;
  organizationId: string;
  userId: string;
  role: LiaisonRole;
  name: string;
  email: string;
}

export interface Delivery {
  id: string;
  providerOrganizationId: string;
  kind: DeliveryKind;
  quantity: number;
  deliveredOn: string;
  note: string | null;
}

export interface DeliveryTotal {
  providerOrganizationId: string;
  kind: DeliveryKind;
  quantity: number;
}

export interface ActionItem {
  id: string;
  meetingId: string;
  description: string;
  ownerUserId: string | null;
  ownerName: string | null;
  dueOn: string | null;
  done: boolean;
  doneAt: string | null;
  overdue: boolean;
}

export interface Meeting {
  id: string;
  heldOn: string;
  title: string;
  attendees: string[];
  notes: string | null;
  actionItems: ActionItem[];
}

export interface Goal {
  id: string;
  metric: GoalMetric;
  target: number;
  description: string | null;
}

export interface Assessment {
  id: string;
  organizationId: string;
  quarter: string;
  score: number;
  answers: Partial<Record<AssessmentItem, number>>;
  comment: string | null;
  submittedAt: string;
}

export interface Partnership extends PartnershipSummary {
  agreements: Agreement[];
  liaisons: Liaison[];
  deliveries: Delivery[];
  deliveryTotals: DeliveryTotal[];
  meetings: Meeting[];
  actionItems: ActionItem[];
  goals: Goal[];
  assessments: Assessment[];
}

export interface PartnershipAggregates {
  today: string;
  partnerships: { total: number; byStatus: Partial<Record<PartnershipStatus, number>> };
  agreements: { total: number; inForce: number; expiringWithin60Days: number; expired: number };
  actionItems: { open: number; overdue: number };
  deliveriesByKind: Partial<Record<DeliveryKind, number>>;
  assessmentScores: { quarter: string; responses: number; meanScore: number }[];
}

export interface CreatePartnershipInput {
  partnerOrganizationId: string;
  status?: PartnershipStatus;
  startedOn?: string | null;
  notes?: string | null;
}

export interface UpdatePartnershipInput {
  status?: PartnershipStatus;
  startedOn?: string | null;
  notes?: string | null;
}

export interface AgreementInput {
  kind: AgreementKind;
  title: string;
  effectiveOn: string;
  expiresOn?: string | null;
  document?: { name: string; contentType: DocumentType; data: string };
}

export interface LiaisonInput {
  userId: string;
  organizationId: string;
  role: LiaisonRole;
}

export interface DeliveryInput {
  providerOrganizationId: string;
  kind: DeliveryKind;
  quantity: number;
  deliveredOn: string;
  note?: string | null;
}

export interface MeetingInput {
  heldOn: string;
  title: string;
  attendees: string[];
  notes?: string | null;
  actionItems: { description: string; ownerUserId?: string | null; dueOn?: string | null }[];
}

export interface GoalInput {
  metric: GoalMetric;
  target: number;
  description?: string | null;
}

export interface AssessmentInput {
  quarter?: string;
  answers: Record<AssessmentItem, number>;
  comment?: string | null;
}

const base = '/api/v1/partnerships';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const listPartnerships = () => api<Items<PartnershipSummary>>(base);

export const getPartnershipSummary = () => api<PartnershipAggregates>(`${base}/summary`);

export const createPartnership = (input: CreatePartnershipInput) =>
  api<Partnership>(base, { method: 'POST', body: input });

export const getPartnership = (id: string) => api<Partnership>(one(id));

/** Updates with optimistic concurrency: `If-Match` carries the version the form was loaded from. */
export async function updatePartnership(id: string, version: number, input: UpdatePartnershipInput) {
  const response = await request<Partnership>(one(id), {
    method: 'PATCH',
    body: input,
    headers: { 'If-Match': `"${version}"` },
  });
  return response.data;
}

export const addAgreement = (id: string, input: AgreementInput) =>
  api<Partnership>(`${one(id)}/agreements`, { method: 'POST', body: input });

/** Where the browser downloads an agreement's signed document. */
export const agreementDocumentUrl = (id: string, agreementId: string) =>
  `${one(id)}/agreements/${encodeURIComponent(agreementId)}/document`;

export const addLiaison = (id: string, input: LiaisonInput) =>
  api<Partnership>(`${one(id)}/liaisons`, { method: 'POST', body: input });

export const removeLiaison = (id: string, liaisonId: string) =>
  api<Partnership>(`${one(id)}/liaisons/${encodeURIComponent(liaisonId)}`, { method: 'DELETE' });

export const recordDelivery = (id: string, input: DeliveryInput) =>
  api<Partnership>(`${one(id)}/deliveries`, { method: 'POST', body: input });

export const addMeeting = (id: string, input: MeetingInput) =>
  api<Partnership>(`${one(id)}/meetings`, { method: 'POST', body: input });

export const setActionItemDone = (id: string, itemId: string, done: boolean) =>
  api<Partnership>(`${one(id)}/action-items/${encodeURIComponent(itemId)}`, {
    method: 'PUT',
    body: { done },
  });

export const addGoal = (id: string, input: GoalInput) =>
  api<Partnership>(`${one(id)}/goals`, { method: 'POST', body: input });

export const submitAssessment = (id: string, input: AssessmentInput) =>
  api<Partnership>(`${one(id)}/assessments`, { method: 'POST', body: input });

/** Reads a file as base64 (without the `data:` prefix), for an agreement's document. */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}
