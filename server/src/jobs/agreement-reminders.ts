/**
 * Runs the agreement expiry reminders at start and then every hour (`remindExpiringAgreements` is
 * idempotent, so a restart or a second process never sends a reminder twice).
 */
import type { Deps } from '../app/context.ts';
import { remindExpiringAgreements } from '../app/partnerships/remind-expiring-agreements.ts';
import { safeError } from '../lib/safe-error.ts';

const HOUR_MS = 3_600_000;

export interface ReminderJob {
  stop(): Promise<void>;
}

export function startAgreementReminders(deps: Deps, intervalMs = HOUR_MS): ReminderJob {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = remindExpiringAgreements(deps).catch((error: unknown) =>
      deps.log.error({ err: safeError(error) }, 'agreement reminders failed'),
    );
  };
  tick();
  const timer = setInterval(tick, intervalMs).unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
