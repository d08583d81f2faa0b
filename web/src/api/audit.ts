/** Audit log endpoints: pages of events (newest first) and hash-chain verification. */
import { api } from './client.ts';
import type { AuditEvent, ChainVerification, Items } from './types.ts';

export const AUDIT_PAGE_SIZE = 50;

export const listAuditEvents = (before?: number) =>
  api<Items<AuditEvent>>('/api/v1/audit-events', { query: { limit: AUDIT_PAGE_SIZE, before } });

export const verifyAuditChains = () =>
  api<{ chains: ChainVerification[] }>('/api/v1/audit-events/verify', { method: 'POST' });
