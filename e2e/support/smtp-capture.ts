/**
 * A real SMTP listener for the tests: accepts every message (no auth, no TLS) and writes each one
 * as a JSON file (envelope + raw source) into a directory the test workers read.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

export interface StoredMessage {
  id: string;
  receivedAt: string;
  from: string | null;
  to: string[];
  raw: string;
}

export interface SmtpCapture {
  port: number;
  close: () => Promise<void>;
}

export async function startSmtpCapture(dir: string, port: number): Promise<SmtpCapture> {
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        count += 1;
        const id = `${Date.now()}-${String(count).padStart(5, '0')}`;
        const from = session.envelope.mailFrom;
        const message: StoredMessage = {
          id,
          receivedAt: new Date().toISOString(),
          from: from ? from.address : null,
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          raw: Buffer.concat(chunks).toString('utf8'),
        };
        writeFileSync(join(dir, `${id}.json`), JSON.stringify(message));
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
