/** Lets a network convener verify their network's audit chain from the web app. */
import { authorize, requireMember } from '../authorize.ts';
import type { Actor, Deps } from '../context.ts';
import { appendAuditEvent } from './append-audit-event.ts';
import { verifyAuditChain, type ChainReport } from './verify-audit-chain.ts';

export async function verifyNetworkAudit(deps: Deps, actor: Actor): Promise<ChainReport[]> {
  const member = requireMember(actor);
  await authorize(deps, member, 'audit.verify', { what: 'Audit trail' });
  const reports = await verifyAuditChain(deps.db, member.networkId);
  await deps.db.transaction((tx) =>
    appendAuditEvent(tx, member, deps.clock.now(), {
      action: 'audit.verify',
      outcome: reports.every((r) => r.ok) ? 'success' : 'failure',
    }),
  );
  return reports;
}
