import type { Context, Next } from 'koa';
import { sameSecret } from '../../core/secrets';
import { errorBody, WXPAY_ERRORS } from './errors';
import { newNonce, parseAuthorization, platformHeaders, requestMessage, rsaVerify, type PlatformKey } from './signing';

export interface GateOptions {
  mchid: string;
  merchantPublicKey: string;
  key: PlatformKey;
  nowMs: () => number;
}

/** Paths whose answers carry no signature (the platform says so for the bill file: check its hash instead). */
const UNSIGNED_ANSWERS = ['/v3/billdownload/file'];

/**
 * Every /v3 call: the merchant's Authorization must verify with its public key over the request as sent
 * (method, path with query, timestamp, nonce, raw body) and name this merchant; otherwise 401 SIGN_ERROR.
 * Every answer (refusals included) goes out signed with the platform key. Timestamps are not checked
 * against the platform's clock: the signature already binds them, and tests move the clocks.
 */
export function v3Gate(options: GateOptions) {
  return async (ctx: Context, next: Next): Promise<void> => {
    // The cashier page lives beside the API: a browser, no signatures.
    if (!ctx.path.startsWith('/v3/')) return next();
    const auth = parseAuthorization(ctx.get('Authorization') || undefined);
    const raw = (ctx.request as { rawBody?: string }).rawBody ?? '';
    const message = auth && requestMessage(ctx.method, ctx.originalUrl, auth.timestamp, auth.nonceStr, raw);
    if (
      !auth ||
      !message ||
      !sameSecret(auth.mchid, options.mchid) ||
      !rsaVerify(options.merchantPublicKey, message, auth.signature)
    ) {
      ctx.status = WXPAY_ERRORS.SIGN_ERROR.status;
      ctx.body = errorBody(WXPAY_ERRORS.SIGN_ERROR);
    } else {
      await next();
    }
    ctx.set('Request-ID', newNonce());
    if (UNSIGNED_ANSWERS.includes(ctx.path) && ctx.status === 200) return;
    const text = ctx.status === 204 || ctx.body === undefined || ctx.body === null ? '' : JSON.stringify(ctx.body);
    if (text !== '') {
      ctx.body = text;
      ctx.type = 'application/json';
    }
    ctx.set(platformHeaders(options.key, text, options.nowMs()));
  };
}
