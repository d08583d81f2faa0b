/**
 * Real receivers for delivery tests: an SMTP listener (`smtp-server`) that keeps every message, and an
 * HTTP endpoint that keeps every webhook request and answers with the status the test sets.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  raw: string;
}

/**
 * `hold`: a message it matches is kept but never answered (the sender waits for its 250 until the
 * connection dies), as when a process dies between the receiver taking a message and the sender marking it.
 */
export async function startSmtp(
  port = 0,
  options: { hold?: (raw: string) => boolean } = {},
): Promise<{ server: SMTPServer; port: number; mail: ReceivedMail[]; close(): Promise<void> }> {
  const mail: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      stream.on('end', () => {
        mail.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), raw });
        if (!options.hold?.(raw)) done();
      });
    },
  });
  // A sender killed mid-message resets its connection: expected in crash tests, not a failure here.
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ECONNRESET') throw error;
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.server.address();
  return {
    server,
    port: typeof address === 'object' && address ? address.port : port,
    mail,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface ReceivedHook {
  headers: IncomingHttpHeaders;
  body: string;
}

export interface HookReceiver {
  url: string;
  port: number;
  received: ReceivedHook[];
  /** The status the next requests get (default 204). */
  answer: number;
  close(): Promise<void>;
}

export async function startHookReceiver(): Promise<HookReceiver> {
  const receiver = { received: [] as ReceivedHook[], answer: 204 } as HookReceiver;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      receiver.received.push({ headers: req.headers, body });
      res.statusCode = receiver.answer;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  receiver.port = typeof address === 'object' && address ? address.port : 0;
  receiver.url = `http://127.0.0.1:${receiver.port}/hooks/handoff`;
  receiver.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return receiver;
}
