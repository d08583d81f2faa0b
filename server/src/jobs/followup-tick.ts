/**
 * Runs the follow-up engine's scheduler tick (`app/followup/run-tick.ts`) at start and then every
 * `HANDOFF_TICK_INTERVAL_MS` (default one minute), one tick at a time. Ticks are idempotent and safe to
 * run in several processes at once, so every server process runs this job; no leader is needed.
 */
import type { Deps } from '../app/context.ts';
import { runTick } from '../app/followup/run-tick.ts';
import { safeError } from '../lib/safe-error.ts';

export interface TickJob {
  stop(): Promise<void>;
}

export function startFollowupTick(deps: Deps, intervalMs: number): TickJob {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    running = runTick(deps)
      .catch((error: unknown) => deps.log.error({ err: safeError(error) }, 'follow-up tick failed'))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs).unref();
      });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
