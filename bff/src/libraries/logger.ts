import pino, { type DestinationStream, type Logger } from 'pino';
import { scrubText } from './redact';

export type { Logger };

/** Secrets and personal fields never reach the logs, wherever they sit in a logged object. */
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.accessToken',
  '*.refreshToken',
  '*.token',
  '*.session_key',
  '*.sessionKey',
  '*.secret',
  '*.password',
  '*.code',
  '*.js_code',
  '*.phone',
  '*.mobile',
  '*.idNumber',
  '*.sfzmhm',
];

function scrubValue(value: unknown): unknown {
  if (typeof value === 'string') return scrubText(value);
  return value;
}

export function createLogger(options: { level: string; destination?: DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      base: { service: 'suijing-bff' },
      redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' },
      formatters: {
        log(object) {
          const out: Record<string, unknown> = {};
          for (const [key, value] of Object.entries(object)) out[key] = scrubValue(value);
          return out;
        },
      },
      hooks: {
        logMethod(args, method) {
          // Messages are scrubbed too: a phone typed into a message template must not leak.
          const scrubbed = args.map((arg) => (typeof arg === 'string' ? scrubText(arg) : arg)) as typeof args;
          method.apply(this, scrubbed);
        },
      },
    },
    options.destination,
  );
}
