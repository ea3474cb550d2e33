import { createHmac, timingSafeEqual } from 'node:crypto';
import { fromCompactDateTime, toCompactDateTime } from '../../legacy/dates';
import { bodyRecord, isRecord, nonEmptyString, type JsonRecord } from '../../core/input';
import { CTID_ERRORS, type CtidError } from './errors';

/** A request's timeStamp may differ from the platform's clock by this much (older ones are replays). */
export const TIMESTAMP_WINDOW_MS = 5 * 60_000;

export interface CtidApp {
  appId: string;
  appSecret: string;
}

/** What travels both ways: the business package as a JSON string, and its signature. */
export interface CtidEnvelope {
  bizPackage: string;
  sign: string;
}

/**
 * sign = lower-case hex HMAC-SHA256 of the bizPackage string, keyed with the
 * app secret. (The real platform signs with the app's SM2 certificate; the
 * sandbox keeps the envelope and uses a shared secret.) Signing the string
 * as sent avoids any question of how JSON is re-serialised.
 */
export function ctidSign(appSecret: string, bizPackage: string): string {
  return createHmac('sha256', appSecret).update(bizPackage, 'utf8').digest('hex');
}

/** yyyyMMddHHmmssSSS, Beijing time: the platform's timeStamp. */
export function ctidTimeStamp(ms: number): string {
  const instant = new Date(ms);
  return `${toCompactDateTime(instant)}${String(instant.getUTCMilliseconds()).padStart(3, '0')}`;
}

export function parseCtidTimeStamp(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^\d{17}$/.test(value)) return undefined;
  const seconds = fromCompactDateTime(value.slice(0, 14));
  return seconds ? seconds.getTime() + Number(value.slice(14)) : undefined;
}

export type Opened = { ok: true; pkg: JsonRecord } | { ok: false; error: CtidError; authenticated: boolean };

/**
 * Checks a request envelope in the platform's order: its shape, the app, the
 * signature, then the timeStamp. `authenticated` says whether the answer to
 * a refusal may be signed (only for a caller who proved the secret).
 */
export function openEnvelope(body: unknown, app: CtidApp, nowMs: number): Opened {
  const envelope = bodyRecord(body);
  const text = nonEmptyString(envelope.bizPackage);
  const sign = nonEmptyString(envelope.sign);
  if (text === undefined || sign === undefined) return refused(CTID_ERRORS.BAD_PARAMS, false);
  let pkg: unknown;
  try {
    pkg = JSON.parse(text);
  } catch {
    return refused(CTID_ERRORS.BAD_PARAMS, false);
  }
  if (!isRecord(pkg)) return refused(CTID_ERRORS.BAD_PARAMS, false);
  if (pkg.appId !== app.appId || !sameHex(sign, ctidSign(app.appSecret, text))) {
    return refused(CTID_ERRORS.BAD_SIGNATURE, false);
  }
  const sent = parseCtidTimeStamp(pkg.timeStamp);
  if (sent === undefined || Math.abs(nowMs - sent) > TIMESTAMP_WINDOW_MS) {
    return refused(CTID_ERRORS.BAD_TIMESTAMP, true);
  }
  return { ok: true, pkg };
}

/** An answer: the package with the platform's timeStamp, signed when the caller is authenticated. */
export function sealEnvelope(pkg: JsonRecord, nowMs: number, appSecret: string | undefined): CtidEnvelope {
  const bizPackage = JSON.stringify({ ...pkg, timeStamp: ctidTimeStamp(nowMs) });
  return { bizPackage, sign: appSecret === undefined ? '' : ctidSign(appSecret, bizPackage) };
}

export function errorPackage(error: CtidError): JsonRecord {
  return { success: false, errorCode: error.errorCode, errorDesc: error.errorDesc };
}

function refused(error: CtidError, authenticated: boolean): Opened {
  return { ok: false, error, authenticated };
}

function sameHex(presented: string, expected: string): boolean {
  const a = Buffer.from(presented.toLowerCase(), 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
