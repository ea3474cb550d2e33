import type { Middleware } from 'koa';
import { sameSecret } from '../../core/secrets';
import { legacyFail, replyLegacy } from '../../legacy/envelope';
import { APPROVAL_ERRORS } from './errors';

/** Every request of the public API must carry the X-App-Key the data-exchange platform issued (else HTTP 401, 1001). */
export function requireAppKey(appKey: string): Middleware {
  return async (ctx, next) => {
    if (!sameSecret(ctx.get('X-App-Key') || undefined, appKey)) {
      return replyLegacy(ctx, legacyFail(APPROVAL_ERRORS.AUTH_FAILED), 401);
    }
    await next();
  };
}
