/**
 * Delivers the outbox at least once. Claiming marks rows `sending` with a lease (in a short
 * transaction, `FOR UPDATE SKIP LOCKED`, so several processes never claim the same row); the send
 * happens outside any transaction; success marks `delivered`, failure puts the row back with an
 * exponential back-off (30 s doubling, at most 1 h) — it is retried forever, never dropped. A row
 * whose process died mid-send is claimed again when its lease runs out.
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '../db/client.ts';
import type { Deps } from '../app/context.ts';
import type { EmailMessage } from '../app/outbox/enqueue-email.ts';
import type { EmailTransport } from '../integrations/email/transport.ts';
import { safeError } from '../lib/safe-error.ts';

const LEASE_MS = 60_000;
const BATCH = 50;

export const retryDelayMs = (attempts: number): number =>
  Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);

interface ClaimedRow {
  id: string;
  dedupe_key: string;
  payload: EmailMessage;
  attempts: number;
}

export interface OutboxWorker {
  /** Delivers what is due now; returns the number delivered. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

export function createOutboxWorker(deps: Deps, transport: EmailTransport): OutboxWorker {
  const runOnce = async (): Promise<number> => {
    const now = deps.clock.now();
    const claimed = await queryRows<ClaimedRow>(
      deps.db,
      sql`update outbox set status = 'sending', attempts = attempts + 1,
            next_attempt_at = ${new Date(now.getTime() + LEASE_MS)}
          where id in (
            select id from outbox
            where channel = 'email' and status in ('pending', 'sending') and next_attempt_at <= ${now}
            order by next_attempt_at limit ${BATCH}
            for update skip locked)
          returning id, dedupe_key, payload, attempts`,
    );
    let delivered = 0;
    for (const row of claimed) {
      try {
        await transport.send(row.payload, row.dedupe_key);
        await deps.db.execute(
          sql`update outbox set status = 'delivered', delivered_at = ${deps.clock.now()}, last_error = null where id = ${row.id}`,
        );
        delivered++;
      } catch (err) {
        const retryAt = new Date(deps.clock.now().getTime() + retryDelayMs(row.attempts));
        const summary = safeError(err);
        deps.log.warn(
          { outboxId: row.id, attempts: row.attempts, err: summary },
          'e-mail delivery failed; will retry',
        );
        await deps.db.execute(
          sql`update outbox set status = 'pending', next_attempt_at = ${retryAt},
                last_error = ${String(summary.code ?? summary.type ?? 'error')} where id = ${row.id}`,
        );
      }
    }
    return delivered;
  };

  // One run at a time per process: runs triggered by the timer and by callers queue behind each other.
  let running: Promise<unknown> = Promise.resolve();
  const exclusive = (): Promise<number> => {
    const next = running.then(runOnce);
    running = next.catch(() => undefined);
    return next;
  };
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    void exclusive()
      .catch((err: unknown) => deps.log.error({ err: safeError(err) }, 'outbox run failed'))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, deps.config.outboxIntervalMs).unref();
      });
  };
  timer = setTimeout(tick, 0).unref();

  return {
    runOnce: exclusive,
    async stop() {
      if (stopped) return;
      stopped = true;
      clearTimeout(timer);
      await running;
      transport.close();
    },
  };
}
