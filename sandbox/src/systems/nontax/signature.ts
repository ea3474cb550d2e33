import { createHmac, timingSafeEqual } from 'node:crypto';

/** How far a timestamp may be from the platform's clock (older requests and callbacks are replays). */
export const TIMESTAMP_WINDOW_MS = 5 * 60_000;

export interface NontaxApp {
  appId: string;
  appSecret: string;
}

/**
 * The string both sides sign: every parameter but `sign` with a non-empty
 * value, sorted by name (ASCII), as `name=value` joined with `&`. Answers
 * carry an object in `data`: it enters as its JSON text.
 */
export function canonicalString(params: Readonly<Record<string, unknown>>): string {
  return Object.keys(params)
    .filter((key) => key !== 'sign')
    .sort()
    .flatMap((key) => {
      const value = params[key];
      if (value === undefined || value === null || value === '') return [];
      return [`${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`];
    })
    .join('&');
}

/** sign = upper-case hex HMAC-SHA256 of the canonical string, keyed with the app secret. */
export function nontaxSign(appSecret: string, params: Readonly<Record<string, unknown>>): string {
  return createHmac('sha256', appSecret).update(canonicalString(params), 'utf8').digest('hex').toUpperCase();
}

export function isNontaxSignature(appSecret: string, params: Readonly<Record<string, unknown>>): boolean {
  const presented = params.sign;
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(presented.toUpperCase(), 'utf8');
  const b = Buffer.from(nontaxSign(appSecret, params), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
