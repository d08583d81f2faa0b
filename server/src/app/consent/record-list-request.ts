/**
 * Logs a patient's written request for the §2.24 list of disclosures made under a general designation
 * (P16): received day, due 30 days later, on the holder's worklist until fulfilled. Holder only; audited.
 */
import { randomUUID } from 'node:crypto';
import { disclosureListRequests } from '../../db/schema/index.ts';
import { listRequestDueOn } from '../../domain/consent/list-request.ts';
import type { DisclosureListRequestView } from '../../domain/consent/views.ts';
import { invalid } from '../../lib/errors.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import type { Actor, Deps } from '../context.ts';
import { listRequestViews } from './list-request-view.ts';
import { openPatient } from './open-patient.ts';

export async function recordListRequest(
  deps: Deps,
  actor: Actor,
  patientId: string,
  input: { receivedOn: string; note?: string | null | undefined },
): Promise<DisclosureListRequestView> {
  const { member, patient, today } = await openPatient(deps, actor, patientId, {
    action: 'disclosure.report',
    category: 'demographics',
    purpose: 'TREAT',
    channel: 'web',
    description: 'Disclosure list request',
    holderOnly: true,
  });
  if (input.receivedOn > today) throw invalid('receivedOn', 'cannot be in the future');
  const now = deps.clock.now();
  const id = randomUUID();
  await deps.db.transaction(async (tx) => {
    await tx.insert(disclosureListRequests).values({
      networkId: member.networkId,
      id,
      patientId: patient.id,
      holderOrgId: patient.holderOrgId,
      receivedOn: input.receivedOn,
      dueOn: listRequestDueOn(input.receivedOn),
      note: input.note ?? null,
      recordedBy: member.userId,
      recordedAt: now,
    });
    await appendAuditEvent(tx, member, now, {
      action: 'disclosure.list_request',
      entityType: 'disclosure_list_request',
      entityId: id,
      patientId: patient.id,
    });
  });
  const [view] = await listRequestViews(deps.db, member.networkId, { ids: [id] }, today);
  if (!view) throw new Error('list request vanished');
  return view;
}
