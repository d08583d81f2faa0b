/**
 * Demos and journeys only (`HANDOFF_DEV_CLOCK=1`, which requires the demo network): moves the server's
 * clock forward and runs a scheduler tick at once, so that deadlines pass and escalations fire without
 * waiting. Any signed-in member may do it (it is a demo); the move is audited.
 */
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { requireMember } from '../authorize.ts';
import type { Actor, Deps } from '../context.ts';
import { notFound } from '../../lib/errors.ts';
import { runTick } from './run-tick.ts';

export async function advanceDevClock(
  deps: Deps,
  actor: Actor,
  minutes: number,
): Promise<{ now: string; escalations: number }> {
  const member = requireMember(actor);
  const clock = deps.clock as Partial<{ advance(ms: number): void }>;
  if (!deps.config.devClock || typeof clock.advance !== 'function') throw notFound('Route');
  clock.advance(minutes * 60_000);
  const now = deps.clock.now();
  await deps.db.transaction((tx) =>
    appendAuditEvent(tx, member, now, { action: 'dev.clock_advance', details: { minutes } }),
  );
  const tick = await runTick(deps);
  return { now: now.toISOString(), ...tick };
}
