/**
 * Where e-mail goes: an SMTP server (HANDOFF_SMTP_URL, via nodemailer), or, when none is configured,
 * `.eml` files in `<data dir>/mail/` so a local demo can still follow invitation and reset links.
 * Each message carries its outbox de-duplication key (`X-Handoff-Dedupe-Key`) and a Message-ID
 * derived from it, so a receiver can drop the duplicates that at-least-once delivery may produce.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { EmailMessage } from '../../app/outbox/enqueue-email.ts';
import { sha256 } from '../../lib/crypto.ts';

export interface EmailTransport {
  send(message: EmailMessage, dedupeKey: string): Promise<void>;
  close(): void;
}

export function createEmailTransport(options: {
  smtpUrl: string | undefined;
  from: string;
  dataDir: string;
}): EmailTransport {
  const headers = (dedupeKey: string) => ({
    messageId: `<${sha256(dedupeKey).slice(0, 32)}@handoff.invalid>`,
    headers: { 'X-Handoff-Dedupe-Key': dedupeKey },
  });
  if (options.smtpUrl) {
    const url = new URL(options.smtpUrl);
    const secure = url.protocol === 'smtps:';
    const transporter = nodemailer.createTransport({
      host: url.hostname,
      port: url.port ? Number(url.port) : secure ? 465 : 587,
      secure,
      ...(url.username
        ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
        : {}),
      // A few reused connections: the outbox sends several messages at once (jobs/outbox-worker.ts).
      pool: true,
      maxConnections: 5,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
    return {
      async send(message, dedupeKey) {
        await transporter.sendMail({ from: options.from, ...message, ...headers(dedupeKey) });
      },
      close: () => transporter.close(),
    };
  }
  const dir = join(options.dataDir, 'mail');
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(message, dedupeKey) {
      const info = await transporter.sendMail({ from: options.from, ...message, ...headers(dedupeKey) });
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      writeFileSync(join(dir, `${sha256(dedupeKey).slice(0, 16)}.eml`), info.message as Buffer, {
        mode: 0o600,
      });
    },
    close: () => transporter.close(),
  };
}
