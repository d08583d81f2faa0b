/**
 * One scheduler tick: evaluates every time rule against the database at the injected clock's now.
 * Each rule is idempotent (`fire-rule.ts`), so running a tick twice, or in two processes at once, fires
 * nothing twice; a rule whose subject changed since the scan skips it. Returns what fired, per rule.
 */
import type { Deps } from '../context.ts';
import { remindExpiringAgreements } from '../partnerships/remind-expiring-agreements.ts';
import { sendDailyDigests } from '../notifications/send-daily-digests.ts';
import { escalateUnacknowledged } from './escalate-unacknowledged.ts';
import { notifyCoverageGaps } from './notify-coverage-gaps.ts';
import { notifyOverdueTasks } from './notify-overdue-tasks.ts';
import { notifyStaleCapacity } from './notify-stale-capacity.ts';

export interface TickResult {
  escalations: number;
  overdueTasks: number;
  coverageAlerts: number;
  staleCapacity: number;
  expiringAgreements: number;
  digests: number;
}

export async function runTick(deps: Deps): Promise<TickResult> {
  return {
    escalations: await escalateUnacknowledged(deps),
    overdueTasks: await notifyOverdueTasks(deps),
    coverageAlerts: await notifyCoverageGaps(deps),
    staleCapacity: await notifyStaleCapacity(deps),
    expiringAgreements: await remindExpiringAgreements(deps),
    digests: await sendDailyDigests(deps),
  };
}
