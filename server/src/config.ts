/**
 * Runtime configuration, read once from the environment. Every variable is documented in README.md
 * ("Configuration"); an invalid value stops the process with a message naming the variable.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const intFrom = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);
const flag = (fallback: boolean) =>
  z
    .enum(['0', '1', 'true', 'false'])
    .default(fallback ? '1' : '0')
    .transform((v) => v === '1' || v === 'true');

const envSchema = z.object({
  PORT: intFrom(8080, 0, 65535),
  HOST: z.string().min(1).default('127.0.0.1'),
  HANDOFF_DATA_DIR: z.string().min(1).default('./.handoff'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  HANDOFF_DEMO: flag(true),
  HANDOFF_PUBLIC_URL: z.url().optional(),
  HANDOFF_SECRET_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, 'must be 32 random bytes in base64 (openssl rand -base64 32)')
    .optional(),
  HANDOFF_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  HANDOFF_MAIL_FROM: z.string().min(3).default('Handoff <no-reply@handoff.invalid>'),
  HANDOFF_SESSION_IDLE_MINUTES: intFrom(15, 1, 24 * 60),
  HANDOFF_SESSION_MAX_HOURS: intFrom(12, 1, 24 * 30),
  HANDOFF_COOKIE_SECURE: z.enum(['auto', '0', '1']).default('auto'),
  HANDOFF_TRUST_PROXY: flag(false),
  HANDOFF_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HANDOFF_OUTBOX_INTERVAL_MS: intFrom(2000, 50, 600_000),
  /**
   * How long a claimed delivery is reserved for the process sending it; after that another process may
   * send it again (the receiver drops the copy by its key). Must outlast the slowest send (e-mail: 10 s
   * connect + 10 s greeting + 20 s idle socket; webhook: 10 s).
   */
  HANDOFF_OUTBOX_LEASE_MS: intFrom(60_000, 1000, 3_600_000),
  /** How often the follow-up engine evaluates its time rules (escalations, overdue tasks). */
  HANDOFF_TICK_INTERVAL_MS: intFrom(60_000, 100, 3_600_000),
  HANDOFF_LOGIN_RATE_PER_MINUTE: intFrom(30, 1, 1_000_000),
  /** A capacity report older than this many days is shown as unknown. */
  HANDOFF_CAPACITY_MAX_AGE_DAYS: intFrom(7, 1, 365),
  /** The reviewed 42 CFR Part 2 notice texts (§2.32 statements, consent form wording). */
  HANDOFF_PART2_TEXTS: z.string().min(1).optional(),
  /** How long a §2.51 medical-emergency access lasts. */
  HANDOFF_EMERGENCY_ACCESS_HOURS: intFrom(24, 1, 72),
  /** Demos and journeys only: a clock members can move forward (`POST /api/v1/dev/clock`). */
  HANDOFF_DEV_CLOCK: flag(false),
});

export type EnvInput = Partial<Record<keyof z.input<typeof envSchema>, string>>;

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  demo: boolean;
  publicUrl: string;
  secretKey: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  sessionIdleMs: number;
  sessionMaxMs: number;
  cookieSecure: 'auto' | boolean;
  trustProxy: boolean;
  logLevel: string;
  outboxIntervalMs: number;
  outboxLeaseMs: number;
  tickIntervalMs: number;
  /** A movable clock for demos and journeys (never with a real installation: requires `demo`). */
  devClock: boolean;
  loginRatePerMinute: number;
  capacityMaxAgeDays: number;
  part2TextsFile: string;
  emergencyAccessMs: number;
}

export class ConfigError extends Error {}

/** Parses configuration from an environment map (defaults to `process.env`). */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const picked = Object.fromEntries(Object.keys(envSchema.shape).map((k) => [k, env[k]]));
  const parsed = envSchema.safeParse(picked);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.HANDOFF_DEV_CLOCK && !e.HANDOFF_DEMO)
    throw new ConfigError(
      'Invalid configuration:\n  HANDOFF_DEV_CLOCK: needs HANDOFF_DEMO=1 (a movable clock is for demos and tests, never a real installation)',
    );
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.HANDOFF_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    demo: e.HANDOFF_DEMO,
    publicUrl: (e.HANDOFF_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    secretKey: e.HANDOFF_SECRET_KEY,
    smtpUrl: e.HANDOFF_SMTP_URL,
    mailFrom: e.HANDOFF_MAIL_FROM,
    sessionIdleMs: e.HANDOFF_SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: e.HANDOFF_SESSION_MAX_HOURS * 3_600_000,
    cookieSecure: e.HANDOFF_COOKIE_SECURE === 'auto' ? 'auto' : e.HANDOFF_COOKIE_SECURE === '1',
    trustProxy: e.HANDOFF_TRUST_PROXY,
    logLevel: e.HANDOFF_LOG_LEVEL,
    outboxIntervalMs: e.HANDOFF_OUTBOX_INTERVAL_MS,
    outboxLeaseMs: e.HANDOFF_OUTBOX_LEASE_MS,
    tickIntervalMs: e.HANDOFF_TICK_INTERVAL_MS,
    loginRatePerMinute: e.HANDOFF_LOGIN_RATE_PER_MINUTE,
    capacityMaxAgeDays: e.HANDOFF_CAPACITY_MAX_AGE_DAYS,
    part2TextsFile: e.HANDOFF_PART2_TEXTS
      ? resolve(e.HANDOFF_PART2_TEXTS)
      : fileURLToPath(new URL('../config/part2-texts.json', import.meta.url)),
    emergencyAccessMs: e.HANDOFF_EMERGENCY_ACCESS_HOURS * 3_600_000,
    devClock: e.HANDOFF_DEV_CLOCK,
  };
}
