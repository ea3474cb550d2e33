import { types } from 'node:util';
import pino, { type DestinationStream, type Logger } from 'pino';
import { scrubText } from './redact';

export type { Logger };

/** Keys whose values never reach the logs, at whatever depth they appear. */
const SECRET_KEYS = new Set([
  'authorization',
  'cookie',
  'accesstoken',
  'refreshtoken',
  'token',
  'session_key',
  'sessionkey',
  'secret',
  'password',
  'code',
  'js_code',
  'phone',
  'mobile',
  'idnumber',
  'sfzmhm',
]);
const MAX_DEPTH = 6;

/**
 * Censors secret keys and masks phones and ID numbers inside every string.
 * Done in pino's log formatter rather than with its path-based redaction:
 * it covers any depth and costs less per line on the hot path.
 */
export function censor(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (value === null || typeof value !== 'object' || depth >= MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((item) => censor(item, depth + 1));
  if (value instanceof Date) return value;
  // isNativeError, not instanceof: errors made in another realm (a vm context, a worker) are errors too.
  if (types.isNativeError(value)) return censorError(value, depth);
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = SECRET_KEYS.has(key.toLowerCase()) ? '[REDACTED]' : censor(inner, depth + 1);
  }
  return out;
}

/**
 * An error as pino's serializer would show it (type, message, stack, cause),
 * built here because the formatter runs first and an Error's own fields are
 * not enumerable. A code on an error is a reason (ECONNREFUSED), not a secret.
 */
function censorError(error: Error, depth: number): Record<string, unknown> {
  const { code } = error as { code?: unknown };
  return {
    type: error.name,
    message: scrubText(error.message),
    ...(typeof code === 'string' && /^[A-Z0-9_]+$/.test(code) ? { code } : {}),
    ...(error.stack ? { stack: scrubText(error.stack) } : {}),
    ...(error.cause !== undefined && depth + 1 < MAX_DEPTH ? { cause: censor(error.cause, depth + 1) } : {}),
  };
}

export function createLogger(options: { level: string; destination?: DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      base: { service: 'suijing-bff' },
      // The formatter has already turned errors into plain, censored objects (censorError).
      serializers: { err: (value: unknown) => value },
      formatters: {
        log: (object) => censor(object) as Record<string, unknown>,
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
