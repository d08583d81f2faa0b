/** Reads the messages the SMTP capture stored, and waits for one addressed to someone. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENV, fromEnv } from './environment.ts';
import { parseMail, type ParsedMail } from './mime.ts';
import type { StoredMessage } from './smtp-capture.ts';

export interface Mail extends ParsedMail {
  id: string;
  to: string[];
  receivedAt: string;
}

export function allMail(): Mail[] {
  const dir = fromEnv(ENV.mailDir);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const stored = JSON.parse(readFileSync(join(dir, name), 'utf8')) as StoredMessage;
      return { id: stored.id, to: stored.to, receivedAt: stored.receivedAt, ...parseMail(stored.raw) };
    });
}

/** Waits for the newest message to `to` (received after `since`, an ISO time) and returns it. */
export async function waitForMail(
  to: string,
  options: { since?: string; timeoutMs?: number } = {},
): Promise<Mail> {
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  const address = to.toLowerCase();
  while (Date.now() < deadline) {
    const hits = allMail().filter(
      (m) => m.to.includes(address) && (!options.since || m.receivedAt >= options.since),
    );
    const last = hits[hits.length - 1];
    if (last) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`No e-mail to ${to} arrived within ${options.timeoutMs ?? 20_000} ms`);
}

/** The first link in the message (text part, else HTML) whose path starts with `pathPrefix`. */
export function linkIn(mail: Mail, pathPrefix: string): string {
  const source = `${mail.text}\n${mail.html.replace(/&amp;/g, '&')}`;
  const escaped = pathPrefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`https?://[^\\s"'<>]+${escaped}[^\\s"'<>]+`).exec(source);
  if (!match)
    throw new Error(`No ${pathPrefix} link in the e-mail "${mail.subject}":\n${source.slice(0, 2000)}`);
  return match[0];
}
