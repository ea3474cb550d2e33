import Router from '@koa/router';
import { controlError } from '../../control/reply';
import { bodyRecord } from '../../core/input';
import type { WechatState } from './state';

const OPENID_PATTERN = /^[A-Za-z0-9_-]{6,64}$/;

/**
 * Sandbox-only WeChat helpers, mounted under /sandbox/wechat:
 * POST /code  {openid?}            -> {code, openid}: what wx.login would give that user in DevTools
 *                                     (unknown openids become new users; none given = a brand-new user)
 * POST /block {openid, blocked?}   -> {openid, blocked}: mark a user high-risk (or clear it with blocked:false)
 */
export function wechatControlRoutes(state: WechatState): Router {
  const router = new Router();

  router.post('/code', (ctx) => {
    const { openid } = bodyRecord(ctx.request.body);
    if (openid !== undefined && (typeof openid !== 'string' || !OPENID_PATTERN.test(openid))) {
      return controlError(ctx, 400, 'BAD_REQUEST', 'openid must be 6-64 characters of A-Z a-z 0-9 _ -');
    }
    const user = state.users.ensure(openid ?? state.nextOpenid());
    ctx.body = { code: state.codes.issue(user.openid), openid: user.openid };
  });

  router.post('/block', (ctx) => {
    const { openid, blocked } = bodyRecord(ctx.request.body);
    if (typeof openid !== 'string' || !OPENID_PATTERN.test(openid)) {
      return controlError(ctx, 400, 'BAD_REQUEST', 'openid must be 6-64 characters of A-Z a-z 0-9 _ -');
    }
    if (blocked !== undefined && typeof blocked !== 'boolean') {
      return controlError(ctx, 400, 'BAD_REQUEST', 'blocked must be a boolean');
    }
    state.users.setBlocked(openid, blocked ?? true);
    ctx.body = { openid, blocked: state.users.isBlocked(openid) };
  });

  return router;
}
