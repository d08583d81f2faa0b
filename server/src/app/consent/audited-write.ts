/**
 * A holder's write after `openPatient(…, { deferAudit: true })`. `work` runs the write and calls
 * `audit(tx, …events)` last in its transaction: the access decision is appended together with the write's
 * own events, under one lock of the audit chain. If `work` fails (a 422 after the decision, a conflict, a
 * rollback), the decision is appended on its own, so no access goes unrecorded. Stricter side, written
 * down: an error thrown after the write committed records the decision twice rather than risk never.
 */
import type { Tx } from '../../db/client.ts';
import { appendAuditEvents, type AuditInput } from '../audit/append-audit-event.ts';
import { safeError } from '../../lib/safe-error.ts';
import type { Deps } from '../context.ts';
import type { OpenedPatient } from './open-patient.ts';

export type AuditWithDecision = (tx: Tx, at: Date, ...events: AuditInput[]) => Promise<void>;

export async function auditedWrite<T>(
  deps: Deps,
  opened: OpenedPatient,
  work: (audit: AuditWithDecision) => Promise<T>,
): Promise<T> {
  const pending = opened.pendingAudit;
  if (!pending) throw new Error('auditedWrite: open the patient with deferAudit');
  const audit: AuditWithDecision = (tx, at, ...events) =>
    appendAuditEvents(tx, opened.member, at, [pending.event, ...events]);
  try {
    return await work(audit);
  } catch (error) {
    try {
      await deps.db.transaction((tx) => appendAuditEvents(tx, opened.member, pending.at, [pending.event]));
    } catch (auditError) {
      deps.log.error({ err: safeError(auditError) }, 'access decision not audited after a failed write');
    }
    throw error;
  }
}
