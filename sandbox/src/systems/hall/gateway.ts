import type { Context } from 'koa';
import { sameSecret } from '../../core/secrets';
import { type LegacyError, legacyFail, type LegacyFailure, replyLegacy, withDetail } from '../../legacy/envelope';
import { HALL_ERRORS } from './errors';

/** The data-exchange platform's checks and answers, shared by the hall system's routes. */
export interface Gateway {
  /** Whether X-App-Key is right; if not, the 401 with 1001 has been answered. */
  authorised(ctx: Context): boolean;
  badParams(ctx: Context, detail: string): void;
  /** An error envelope; `data` rides along when the error has details for the caller (6003's jzrq). */
  fail(ctx: Context, error: LegacyError, data?: Record<string, string>): void;
}

export function hallGateway(appKey: string): Gateway {
  const fail = (ctx: Context, error: LegacyError, data?: Record<string, string>): void => {
    const failure: LegacyFailure & { data?: Record<string, string> } = legacyFail(error);
    if (data) failure.data = data;
    replyLegacy(ctx, failure);
  };
  return {
    authorised(ctx) {
      if (sameSecret(ctx.get('X-App-Key') || undefined, appKey)) return true;
      replyLegacy(ctx, legacyFail(HALL_ERRORS.AUTH_FAILED), 401);
      return false;
    },
    badParams: (ctx, detail) => fail(ctx, withDetail(HALL_ERRORS.BAD_PARAMS, detail)),
    fail,
  };
}
