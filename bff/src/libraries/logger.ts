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
  'plate',
  'hphm',
]);
const MAX_DEPTH = 6;

// An error code (SMS_TOO_FREQUENT, ECONNRESET) is a reason, logged as it is; any other `code`
// (an SMS code, a WeChat login code) stays a secret.
const ERROR_CODE = /^[A-Z][A-Z0-9_]*$/;

/**
 * How one key's value is logged. A request id is opaque and only ever one the
 * BFF made or accepted free of personal numbers (request-context.ts), so it is
 * never masked: the line must carry the id the caller was given.
 */
function censorEntry(key: string, value: unknown, depth: number): unknown {
  const name = key.toLowerCase();
  if (name === 'requestid' && typeof value === 'string') return value;
  if (name === 'code' && typeof value === 'string' && ERROR_CODE.test(value)) return value;
  return SECRET_KEYS.has(name) ? '[REDACTED]' : censor(value, depth + 1);
}

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
  for (const [key, inner] of Object.entries(value)) out[key] = censorEntry(key, inner, depth);
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
    ...(typeof code === 'string' && ERROR_CODE.test(code) ? { code } : {}),
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

/** What the access log says of one answered request. */
export interface AccessLine {
  requestId: string;
  method: string;
  url: string;
  status: number;
  ms: number;
  userId: string | undefined;
}

interface PinoInternals {
  [pino.symbols.streamSym]: DestinationStream;
  [pino.symbols.chindingsSym]: string;
}

/**
 * The access log: the one line every request writes. It is the line
 * `logger.info(line, 'request')` writes, censored the same way (the URL and
 * user id scrubbed; the request id, one this BFF made or accepted free of
 * personal numbers, kept), but made as one string and handed to the logger's
 * stream: the generic path (the message hook, the censor's walk over the
 * object, pino's serialiser) was about 5 % of a cached `GET /me`. The test
 * compares both lines. Server errors take the ordinary path.
 */
export function accessLog(logger: Logger): (line: AccessLine) => void {
  const internals = logger as unknown as PinoInternals;
  const stream = internals[pino.symbols.streamSym];
  const bindings = internals[pino.symbols.chindingsSym];
  const info = pino.levels.values['info'];
  return (line) => {
    if (line.status >= 500) {
      logger.error(line, 'request');
      return;
    }
    if (!logger.isLevelEnabled('info')) return;
    const userId = line.userId === undefined ? '' : `,"userId":${JSON.stringify(scrubText(line.userId))}`;
    stream.write(
      `{"level":${info},"time":${Date.now()}${bindings},"requestId":${JSON.stringify(line.requestId)}` +
        `,"method":${JSON.stringify(scrubText(line.method))},"url":${JSON.stringify(scrubText(line.url))}` +
        `,"status":${line.status},"ms":${line.ms}${userId},"msg":"request"}\n`,
    );
  };
}
