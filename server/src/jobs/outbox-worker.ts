/**
 * Delivers the outbox at least once, per channel: e-mail over SMTP (`integrations/email/transport.ts`) and
 * signed webhooks over HTTP (`integrations/webhooks/deliver-webhook.ts`). Claiming marks up to `BATCH` due
 * rows `sending` with a lease (one short statement, `FOR UPDATE SKIP LOCKED`, so several processes never
 * claim the same row); the sends happen outside any transaction, `CONCURRENCY` at a time, so one slow or
 * unreachable receiver delays only its own rows and never a request; successes are marked delivered in one
 * statement, failures go back with an exponential back-off (30 s doubling, at most 1 h) — retried forever,
 * never dropped. Every attempt is logged (`outbox_attempt`: the delivery log). A full batch is followed at
 * once by the next (the outbox drains at full speed); otherwise the worker waits `outboxIntervalMs`. A row
 * whose process died mid-send is claimed again when its lease (`HANDOFF_OUTBOX_LEASE_MS`) runs out, and the receiver drops the
 * duplicate by its de-duplication key.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Deps } from '../app/context.ts';
import type { EmailMessage } from '../app/outbox/enqueue-email.ts';
import { queryRows } from '../db/client.ts';
import { outboxAttempts } from '../db/schema/index.ts';
import type { EmailTransport } from '../integrations/email/transport.ts';
import { deliverWebhook, GONE, type WebhookPayload } from '../integrations/webhooks/deliver-webhook.ts';
import { safeError } from '../lib/safe-error.ts';

export const BATCH = 100;
const CONCURRENCY = 10;

export const retryDelayMs = (attempts: number): number =>
  Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);

interface ClaimedRow {
  id: string;
  channel: string;
  dedupe_key: string;
  payload: Record<string, unknown>;
  attempts: number;
}

interface Outcome {
  row: ClaimedRow;
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  ms: number;
}

export interface OutboxWorker {
  /** Delivers one batch of what is due now; returns the number delivered. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

/** Runs `work` over `items` with at most `limit` in flight. */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++];
      if (item !== undefined) await work(item);
    }
  });
  await Promise.all(lanes);
}

export function createOutboxWorker(deps: Deps, transport: EmailTransport): OutboxWorker {
  const send = async (row: ClaimedRow): Promise<number | null> => {
    if (row.channel === 'email') {
      await transport.send(row.payload as unknown as EmailMessage, row.dedupe_key);
      return null;
    }
    if (row.channel === 'webhook')
      return deliverWebhook(deps, row.payload as unknown as WebhookPayload, row.dedupe_key);
    throw new Error(`unknown outbox channel ${row.channel}`);
  };

  const runOnce = async (): Promise<number> => {
    const now = deps.clock.now();
    const claimed = await queryRows<ClaimedRow>(
      deps.db,
      sql`update outbox set status = 'sending', attempts = attempts + 1,
            next_attempt_at = ${new Date(now.getTime() + deps.config.outboxLeaseMs)}
          where id in (
            select id from outbox
            where status in ('pending', 'sending') and next_attempt_at <= ${now}
            order by next_attempt_at limit ${BATCH}
            for update skip locked)
          returning id, channel, dedupe_key, payload, attempts`,
    );
    if (claimed.length === 0) return 0;
    const outcomes: Outcome[] = [];
    await eachLimited(claimed, CONCURRENCY, async (row) => {
      const started = performance.now();
      try {
        const statusCode = await send(row);
        outcomes.push({ row, ok: true, statusCode, error: null, ms: performance.now() - started });
      } catch (err) {
        const summary = safeError(err);
        const status = (err as { statusCode?: unknown }).statusCode;
        const code = typeof status === 'number' ? status : null;
        const error = String(summary.code ?? summary.type ?? 'error').slice(0, 200);
        outcomes.push({ row, ok: false, statusCode: code, error, ms: performance.now() - started });
        deps.log.warn(
          { outboxId: row.id, channel: row.channel, attempts: row.attempts, err: summary },
          'delivery failed; will retry',
        );
      }
    });
    const done = deps.clock.now();
    // A webhook whose subscription was paused or removed is closed unsent, not delivered.
    const isClosed = (o: Outcome) => o.row.channel === 'webhook' && o.statusCode === GONE;
    const delivered = outcomes.filter((o) => o.ok && !isClosed(o)).map((o) => o.row.id);
    const closed = outcomes.filter((o) => o.ok && isClosed(o)).map((o) => o.row.id);
    for (const [status, ids] of [
      ['delivered', delivered],
      ['closed', closed],
    ] as const) {
      if (ids.length === 0) continue;
      await deps.db.execute(
        sql`update outbox set status = ${status}, delivered_at = ${done}, last_error = null
            where id = any(${`{${ids.join(',')}}`}::uuid[])`,
      );
    }
    for (const o of outcomes.filter((x) => !x.ok)) {
      const retryAt = new Date(done.getTime() + retryDelayMs(o.row.attempts));
      await deps.db.execute(
        sql`update outbox set status = 'pending', next_attempt_at = ${retryAt}, last_error = ${o.error}
            where id = ${o.row.id}`,
      );
    }
    await deps.db.insert(outboxAttempts).values(
      outcomes.map((o) => ({
        id: randomUUID(),
        outboxId: o.row.id,
        at: done,
        ok: o.ok,
        statusCode: o.statusCode,
        error: o.error,
        durationMs: Math.round(o.ms),
      })),
    );
    return delivered.length;
  };

  let running: Promise<unknown> = Promise.resolve();
  const exclusive = (): Promise<number> => {
    const next = running.then(runOnce);
    running = next.catch(() => undefined);
    return next;
  };
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    let full = false;
    void exclusive()
      .then((delivered) => {
        full = delivered >= BATCH;
      })
      .catch((err: unknown) => deps.log.error({ err: safeError(err) }, 'outbox run failed'))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, full ? 0 : deps.config.outboxIntervalMs).unref();
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
