/**
 * Follow-up benchmark: the scheduler tick over a large network, and e-mail delivery through the outbox.
 *
 * - `tick_ms`: one `runTick` (escalations, overdue tasks, coverage gaps) over 100,000 transitions (the
 *   transitions benchmark's history, `BENCH_TRANSITIONS`) and 500,000 tasks (five per transition), in the
 *   steady state of a system that ticks every minute: everything already due was notified
 *   (`lib/followup-data.ts`), and this minute `BENCH_TICK_NEW` (default 200) tasks pass their deadline.
 *   Median over `BENCH_RUNS` ticks, each with its own new batch. Target ≤ 2 s on PostgreSQL (issue 6).
 *   `tick_idle_ms`: a tick with nothing new (the cost of looking).
 * - `outbox_email_rps`: `BENCH_EMAILS` (default 2,000) queued e-mails delivered by the outbox worker to a
 *   local `smtp-server` listener in the same process (pooled SMTP connections, 10 in flight), from the
 *   first claim to the last delivered mark; median over `BENCH_RUNS`. Target ≥ 200/s (issue 6).
 */
import { randomUUID } from 'node:crypto';
import { runTick } from '../server/src/app/followup/run-tick.ts';
import { outbox } from '../server/src/db/schema/index.ts';
import { bulkInsert } from '../server/src/db/bulk.ts';
import { createEmailTransport } from '../server/src/integrations/email/transport.ts';
import { createOutboxWorker } from '../server/src/jobs/outbox-worker.ts';
import { startSmtp } from '../server/test/support/receivers.ts';
import type { BenchContext } from './lib/context.ts';
import { dueNow, markSteadyState, seedTasks } from './lib/followup-data.ts';
import { signInMember, startBenchServer, type BenchServer } from './lib/handoff.ts';
import { median } from './lib/load.ts';
import type { BenchEngine, BenchResult } from './lib/report.ts';
import { generateTransitions, loadTransitionNetwork, seedTransitions } from './lib/transition-data.ts';

const NEW_PER_TICK = Number(process.env.BENCH_TICK_NEW ?? 200);
const EMAILS = Number(process.env.BENCH_EMAILS ?? 2000);
const TICK_TARGET_MS = 2000;
const EMAIL_TARGET_PER_S = 200;
const thousands = (n: number) => n.toLocaleString('en-US');

export default async function followupBench(context: BenchContext): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const engine of context.engines) {
    const databaseUrl = engine === 'postgres' ? await context.createPostgresDatabase() : undefined;
    // The server's own jobs run once at start and then wait: the bench drives the tick and the outbox.
    const server = await startBenchServer({
      engine,
      ...(databaseUrl ? { databaseUrl } : {}),
      env: { HANDOFF_OUTBOX_INTERVAL_MS: '600000', HANDOFF_TICK_INTERVAL_MS: '3600000' },
    });
    try {
      results.push(...(await tickFigures(server, engine, context)));
      results.push(...(await outboxFigures(server, engine, context)));
    } finally {
      await server.close();
    }
  }
  return results;
}

async function tickFigures(
  server: BenchServer,
  engine: BenchEngine,
  context: BenchContext,
): Promise<BenchResult[]> {
  const { deps } = server;
  const navigator = await signInMember(deps, 'navigator@demo.handoff.test');
  const intake = await signInMember(deps, 'intake@demo.handoff.test');
  const network = await loadTransitionNetwork(deps, navigator.member, intake.member.organizationId);
  const now = deps.clock.now();
  const started = performance.now();
  const rows = generateTransitions(network, now);
  await seedTransitions(deps, rows);
  const taskCount = await seedTasks(deps, rows.transitions, now);
  await markSteadyState(deps, now);
  context.log(
    `${engine}: seeded ${thousands(rows.transitions.length)} transitions, ${thousands(rows.referrals.length)} referrals, ` +
      `${thousands(taskCount)} tasks in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  await runTick(deps); // whatever the seed's own minute made due
  const busy: number[] = [];
  const idle: number[] = [];
  for (let run = 0; run < context.load.runs; run++) {
    await dueNow(deps, NEW_PER_TICK, deps.clock.now());
    const at = performance.now();
    const fired = await runTick(deps);
    busy.push(performance.now() - at);
    context.log(`${engine}: tick ${run + 1}: ${JSON.stringify(fired)} in ${busy.at(-1)?.toFixed(0)} ms`);
    const quiet = performance.now();
    await runTick(deps);
    idle.push(performance.now() - quiet);
  }
  return [
    {
      name: 'tick_ms',
      engine,
      value: Math.round(median(busy)),
      unit: 'ms',
      ...(engine === 'postgres' ? { target: TICK_TARGET_MS } : {}),
      better: 'lower',
      n: busy.length,
    },
    {
      name: 'tick_idle_ms',
      engine,
      value: Math.round(median(idle)),
      unit: 'ms',
      better: 'lower',
      n: idle.length,
    },
  ];
}

async function outboxFigures(
  server: BenchServer,
  engine: BenchEngine,
  context: BenchContext,
): Promise<BenchResult[]> {
  const { deps } = server;
  const smtp = await startSmtp();
  const worker = createOutboxWorker(
    deps,
    createEmailTransport({
      smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
      from: 'bench@handoff.invalid',
      dataDir: '/nonexistent',
    }),
  );
  const rates: number[] = [];
  try {
    for (let run = 0; run < context.load.runs; run++) {
      const now = deps.clock.now();
      const batch = `bench-${randomUUID()}`;
      await deps.db.transaction((tx) =>
        bulkInsert(
          tx,
          outbox,
          Array.from({ length: EMAILS }, (_, i) => ({
            id: randomUUID(),
            networkId: null,
            channel: 'email',
            dedupeKey: `${batch}:${i}`,
            payload: {
              to: `person${i}@example.test`,
              subject: 'Handoff: a referral needs your attention',
              text: 'Open it: https://handoff.example/referrals/x',
            },
            nextAttemptAt: now,
            createdAt: now,
          })),
        ),
      );
      const before = smtp.mail.length;
      const at = performance.now();
      let delivered = 0;
      while (delivered < EMAILS) {
        const n = await worker.runOnce();
        if (n === 0) break;
        delivered += n;
      }
      const seconds = (performance.now() - at) / 1000;
      if (smtp.mail.length - before < EMAILS)
        throw new Error(`only ${smtp.mail.length - before} of ${EMAILS} e-mails arrived`);
      rates.push(EMAILS / seconds);
      context.log(
        `${engine}: ${EMAILS} e-mails in ${seconds.toFixed(2)} s (${(EMAILS / seconds).toFixed(0)}/s)`,
      );
    }
  } finally {
    await worker.stop();
    await smtp.close();
  }
  return [
    {
      name: 'outbox_email_rps',
      engine,
      value: Math.round(median(rates)),
      unit: 'req/s',
      target: EMAIL_TARGET_PER_S,
      better: 'higher',
      n: rates.length,
    },
  ];
}
