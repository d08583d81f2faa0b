/**
 * The process logger (pino, JSON lines). Requests are logged by route pattern, never by raw URL
 * (URLs can carry invitation and reset tokens), and without headers, bodies or query strings.
 * Known secret-bearing keys are redacted as a second line of defence.
 */
import pino, { type DestinationStream, type Logger } from 'pino';

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'handoff' },
      redact: {
        paths: [
          'password',
          'token',
          'totp',
          '*.password',
          '*.token',
          '*.totp',
          'req.headers.authorization',
          'req.headers.cookie',
          'res.headers["set-cookie"]',
        ],
        censor: '[redacted]',
      },
      serializers: {
        req: (req: { method?: string; routeOptions?: { url?: string }; id?: string }) => ({
          method: req.method,
          route: req.routeOptions?.url ?? 'unmatched',
          id: req.id,
        }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      },
    },
    destination,
  );
}
