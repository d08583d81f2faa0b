/**
 * The single authorization gate of the use-case layer. Members are checked against the matrix in
 * `domain/identity/permissions.ts`; a target in another network or outside the actor's scope is
 * "not found" (never "forbidden"), and every refusal is written to the audit trail. The operator
 * (shell access to the server, via the CLI) may perform identity administration but is never a
 * member of an organization and so can never pass a patient-data check in later areas.
 */
import { decide, type Action, type Target } from '../domain/identity/permissions.ts';
import { AppError, notFound } from '../lib/errors.ts';
import { appendAuditEvent } from './audit/append-audit-event.ts';
import type { Actor, Deps, MemberActor } from './context.ts';

export interface AuthorizeTarget extends Target {
  networkId?: string;
  /** Words for the not-found message, e.g. "Organization". */
  what: string;
  entityType?: string;
  entityId?: string;
}

/** Throws not_found / forbidden (after auditing the refusal) unless the actor may act on the target. */
export async function authorize(
  deps: Deps,
  actor: Actor,
  action: Action,
  target: AuthorizeTarget,
): Promise<void> {
  if (actor.kind === 'operator') return;
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated', 'Sign in first');
  const outside = target.networkId !== undefined && target.networkId !== actor.networkId;
  const decision = outside ? 'not_found' : decide(actor, action, target);
  if (decision === 'allow') return;
  await deps.db.transaction((tx) =>
    appendAuditEvent(tx, actor, deps.clock.now(), {
      action,
      outcome: 'denied',
      ...(target.entityType ? { entityType: target.entityType } : {}),
      ...(target.entityId ? { entityId: target.entityId } : {}),
      details: { reason: decision },
    }),
  );
  throw decision === 'not_found'
    ? notFound(target.what)
    : new AppError('forbidden', 'Your role does not allow this action');
}

/** Narrows an actor to a member, for use cases that only make sense for someone in an organization. */
export function requireMember(actor: Actor): MemberActor {
  if (actor.kind !== 'member')
    throw new AppError('forbidden', 'This action needs a signed-in member of an organization');
  return actor;
}
