import { randomBytes } from 'node:crypto';
import type { Context } from 'koa';
import { isRecord } from '../../core/input';
import { NONTAX_ERRORS, type NontaxError } from './errors';
import { TIMESTAMP_WINDOW_MS, isNontaxSignature, nontaxSign, type NontaxApp } from './signature';

const NONCE = /^[A-Za-z0-9]{8,64}$/;
const SUCCESS: NontaxError = { code: '0000', msg: '成功' };

export type Opened =
  { ok: true; params: Record<string, string> } | { ok: false; error: NontaxError; authenticated: boolean };

/** Nonces seen within the timestamp window: a request sent twice is refused the second time. */
export class NonceBook {
  private readonly seen = new Map<string, number>();

  /** Records the nonce; false when it was seen already. */
  use(nonce: string, nowMs: number): boolean {
    for (const [known, until] of this.seen) if (until < nowMs) this.seen.delete(known);
    if (this.seen.has(nonce)) return false;
    this.seen.set(nonce, nowMs + 2 * TIMESTAMP_WINDOW_MS);
    return true;
  }

  clear(): void {
    this.seen.clear();
  }
}

/**
 * Checks a request in the platform's order: flat string parameters, the app
 * and its sign, the timestamp (epoch ms, within 5 minutes), the nonce.
 * `authenticated` says whether a refusal may be signed.
 */
export function openRequest(body: unknown, app: NontaxApp, nowMs: number, nonces: NonceBook): Opened {
  if (!isRecord(body) || !Object.values(body).every((value) => typeof value === 'string')) {
    return { ok: false, error: NONTAX_ERRORS.BAD_PARAMS, authenticated: false };
  }
  const params = body as Record<string, string>;
  if (params.appId !== app.appId || params.signType !== 'HMAC-SHA256' || !isNontaxSignature(app.appSecret, params)) {
    return { ok: false, error: NONTAX_ERRORS.BAD_SIGNATURE, authenticated: false };
  }
  const sent = /^\d{13}$/.test(params.timestamp ?? '') ? Number(params.timestamp) : undefined;
  if (sent === undefined || Math.abs(nowMs - sent) > TIMESTAMP_WINDOW_MS) {
    return { ok: false, error: NONTAX_ERRORS.BAD_TIMESTAMP, authenticated: true };
  }
  const nonce = params.nonce ?? '';
  if (!NONCE.test(nonce)) return { ok: false, error: NONTAX_ERRORS.BAD_PARAMS, authenticated: true };
  if (!nonces.use(nonce, nowMs)) return { ok: false, error: NONTAX_ERRORS.NONCE_USED, authenticated: true };
  return { ok: true, params };
}

/** An answer {code, msg, data?, timestamp, nonce, sign}; signed unless the caller failed to authenticate. */
export function answer(
  ctx: Context,
  app: NontaxApp,
  nowMs: number,
  result: { error: NontaxError; signed: boolean } | { data: Record<string, unknown> },
): void {
  const head = 'data' in result ? SUCCESS : result.error;
  const params: Record<string, unknown> = {
    code: head.code,
    msg: head.msg,
    ...('data' in result ? { data: result.data } : {}),
    timestamp: String(nowMs),
    nonce: randomBytes(16).toString('hex'),
  };
  const signed = 'data' in result || result.signed;
  ctx.status = 200;
  ctx.body = { ...params, sign: signed ? nontaxSign(app.appSecret, params) : '' };
}

/** A refusal in the platform's envelope without a caller to sign for (faults, unparsable bodies). */
export function unsignedRefusal(error: NontaxError, nowMs: number): Record<string, string> {
  return {
    code: error.code,
    msg: error.msg,
    timestamp: String(nowMs),
    nonce: randomBytes(16).toString('hex'),
    sign: '',
  };
}
