import { createHmac } from 'node:crypto';
import type { Middleware } from 'koa';
import type { AppState } from '../../libraries/context';
import { safeEqual } from '../../libraries/crypto';
import { AppError } from '../../libraries/errors';

/** How far a notification's timestamp may be from our clock: old captures cannot be replayed later. */
export const SIGNATURE_WINDOW_SECONDS = 300;

/**
 * Checks X-Approval-Signature = hex HMAC-SHA256(secret, `${timestamp}.${raw body}`)
 * and that X-Approval-Timestamp is within the window of the real clock
 * (transport freshness, like TLS, is about wall time, not the app's clock).
 */
export function verifyApprovalSignature(secret: string, now: () => number = Date.now): Middleware<AppState> {
  return async (ctx, next) => {
    const timestamp = ctx.get('x-approval-timestamp');
    const signature = ctx.get('x-approval-signature');
    const raw = (ctx.request as { rawBody?: string }).rawBody ?? '';
    const seconds = Number(timestamp);
    const fresh = /^\d{9,11}$/.test(timestamp) && Math.abs(now() / 1000 - seconds) <= SIGNATURE_WINDOW_SECONDS;
    const expected = createHmac('sha256', secret).update(`${timestamp}.${raw}`).digest('hex');
    if (!fresh || !safeEqual(signature, expected)) throw new AppError({ code: 'WEBHOOK_SIGNATURE_INVALID' });
    await next();
  };
}
