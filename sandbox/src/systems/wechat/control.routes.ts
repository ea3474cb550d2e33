import { maskIdNumber } from '@suijing/shared';
import Router from '@koa/router';
import { controlError } from '../../control/reply';
import { bodyRecord, nonEmptyString } from '../../core/input';
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
 * Face check (the camera step of wx.requestFacialVerify):
 * GET  /face/:verifyId              -> {verifyId, certName, certNo (masked), status, expiresAt}
 * POST /face/:verifyId {result: "pass"|"fail"} -> {verifyId, result}; 404 unknown or used, 409 done already, 410 expired
 *
 * Subscribe messages (what wx.requestSubscribeMessage records when the user taps 允许):
 * POST /subscribe {openid, templateId, count?} -> {openid, templateId, quota}: count (default 1) more messages allowed;
 *                                                 templateId may be the id or our key (CASE_PROGRESS ...)
 * GET  /subscribe?openid=           -> {items: [{openid, templateId, quota}]}
 * GET  /subscribe/templates         -> {templates: [{id, key, title, keywords}]}
 * GET  /subscribe/outbox?openid=    -> {items: [message]} newest first: the user's 服务通知
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

  router.get('/face/:verifyId', (ctx) => {
    const session = state.faces.get(ctx.params.verifyId ?? '');
    if (!session) return controlError(ctx, 404, 'NOT_FOUND', 'no such verify_id (or its result was read already)');
    ctx.body = {
      verifyId: session.verifyId,
      certName: session.certName,
      certNo: maskIdNumber(session.certNo),
      status: session.result === 'pending' && state.faces.isExpired(session) ? 'expired' : session.result,
      expiresAt: new Date(session.expiresAt).toISOString(),
    };
  });

  router.post('/face/:verifyId', (ctx) => {
    const { result } = bodyRecord(ctx.request.body);
    if (result !== 'pass' && result !== 'fail') {
      return controlError(ctx, 400, 'BAD_REQUEST', 'result must be "pass" or "fail"');
    }
    const verifyId = ctx.params.verifyId ?? '';
    switch (state.faces.finish(verifyId, result)) {
      case 'unknown':
        return controlError(ctx, 404, 'NOT_FOUND', 'no such verify_id (or its result was read already)');
      case 'already-done':
        return controlError(ctx, 409, 'ALREADY_DONE', 'this verify_id has been through the camera step already');
      case 'expired':
        return controlError(ctx, 410, 'EXPIRED', 'this verify_id has expired');
      case 'done':
        ctx.body = { verifyId, result };
    }
  });

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
