import type { Middleware } from 'koa';
import type { AppState } from '../../libraries/context';
import { AppError } from '../../libraries/errors';
import { isSignedPush, webhookSignatureHeaders } from '../../upstreams/approval/approval.webhook';

/** Lets through only pushes the approval system signed, recently. */
export function verifyApprovalSignature(secret: string, now: () => number = Date.now): Middleware<AppState> {
  return async (ctx, next) => {
    const raw = (ctx.request as { rawBody?: string }).rawBody ?? '';
    const headers = webhookSignatureHeaders((name) => ctx.get(name));
    if (!isSignedPush(secret, headers, raw, now())) throw new AppError({ code: 'WEBHOOK_SIGNATURE_INVALID' });
    await next();
  };
}
