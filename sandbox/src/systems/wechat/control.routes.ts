import Router from '@koa/router';
import { controlError } from '../../control/reply';
import { bodyRecord, nonEmptyString } from '../../core/input';
import type { PopulationRegister } from '../../seed/population';
import { addFaceControlRoutes } from './face-control';
import type { WechatState } from './state';
import { SUBSCRIBE_TEMPLATES } from './subscribe-templates';

/** At most this many acceptances are granted in one call (the real dialog grants one per tap). */
const MAX_GRANT = 100;

const OPENID_PATTERN = /^[A-Za-z0-9_-]{6,64}$/;

/**
 * Sandbox-only WeChat helpers, mounted under /sandbox/wechat:
 * POST /code  {openid?}            -> {code, openid}: what wx.login would give that user in DevTools
 *                                     (unknown openids become new users; none given = a brand-new user)
 * POST /block {openid, blocked?}   -> {openid, blocked}: mark a user high-risk (or clear it with blocked:false)
 *
 * Face check (the camera step of wx.requestFacialVerify, and each person's default outcome): see face-control.ts
 *
 * Subscribe messages (what wx.requestSubscribeMessage records when the user taps 允许):
 * POST /subscribe {openid, templateId, count?} -> {openid, templateId, quota}: count (default 1) more messages allowed;
 *                                                 templateId may be the id or our key (CASE_PROGRESS ...)
 * GET  /subscribe?openid=           -> {items: [{openid, templateId, quota}]}
 * GET  /subscribe/templates         -> {templates: [{id, key, title, keywords}]}
 * GET  /subscribe/outbox?openid=    -> {items: [message]} newest first: the user's 服务通知
 */
export function wechatControlRoutes(state: WechatState, register: PopulationRegister): Router {
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

  addFaceControlRoutes(router, state, register);

  router.post('/subscribe', (ctx) => {
    const { openid, templateId, count } = bodyRecord(ctx.request.body);
    if (typeof openid !== 'string' || !OPENID_PATTERN.test(openid)) {
      return controlError(ctx, 400, 'BAD_REQUEST', 'openid must be 6-64 characters of A-Z a-z 0-9 _ -');
    }
    const template = SUBSCRIBE_TEMPLATES.find((known) => known.id === templateId || known.key === templateId);
    if (!template) return controlError(ctx, 400, 'BAD_REQUEST', 'templateId must be a template id or key');
    const granted = count ?? 1;
    if (typeof granted !== 'number' || !Number.isInteger(granted) || granted < 1 || granted > MAX_GRANT) {
      return controlError(ctx, 400, 'BAD_REQUEST', `count must be an integer from 1 to ${MAX_GRANT}`);
    }
    // Only someone inside the mini-program can tap 允许, so this is a user from now on.
    state.users.ensure(openid);
    ctx.body = { openid, templateId: template.id, quota: state.subscriptions.grant(openid, template.id, granted) };
  });

  router.get('/subscribe', (ctx) => {
    ctx.body = { items: state.subscriptions.listQuotas(nonEmptyString(ctx.query.openid)) };
  });

  router.get('/subscribe/templates', (ctx) => {
    ctx.body = { templates: SUBSCRIBE_TEMPLATES };
  });

  router.get('/subscribe/outbox', (ctx) => {
    ctx.body = { items: state.subscriptions.outbox(nonEmptyString(ctx.query.openid)) };
  });

  return router;
}
