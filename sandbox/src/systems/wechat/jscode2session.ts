import { randomBytes } from 'node:crypto';
import type { Context } from 'koa';
import { nonEmptyString } from '../../core/input';
import { credentialError } from './credentials';
import { WECHAT_ERRORS, wechatError, type WechatError } from './errors';
import type { WechatState } from './state';

/**
 * GET /sns/jscode2session?appid&secret&js_code&grant_type=authorization_code
 * -> {session_key, openid, unionid}, or {errcode, errmsg} with HTTP 200.
 *
 * Like the real server, it answers with Content-Type text/plain although
 * the body is JSON: a client must parse the text, not trust the header.
 */
export function jscode2session(state: WechatState, expected: { appId: string; appSecret: string }) {
  return (ctx: Context): void => {
    const query = ctx.query;
    const fail = (error: WechatError): void => replyPlainJson(ctx, wechatError(error));

    const badCredentials = credentialError(nonEmptyString(query.appid), nonEmptyString(query.secret), expected);
    if (badCredentials) return fail(badCredentials);
    if (query.grant_type !== 'authorization_code') return fail(WECHAT_ERRORS.INVALID_GRANT_TYPE);
    const code = nonEmptyString(query.js_code);
    if (code === undefined) return fail(WECHAT_ERRORS.MISSING_CODE);

    const redeemed = state.codes.redeem(code);
    if (!redeemed.ok) return fail(redeemed.reason === 'used' ? WECHAT_ERRORS.CODE_USED : WECHAT_ERRORS.INVALID_CODE);
    if (!state.loginRate.tryHit(redeemed.openid)) return fail(WECHAT_ERRORS.MINUTE_QUOTA);
    if (state.users.isBlocked(redeemed.openid)) return fail(WECHAT_ERRORS.HIGH_RISK_USER);

    const user = state.users.ensure(redeemed.openid);
    replyPlainJson(ctx, {
      // A fresh 16-byte key per login, as WeChat rotates session_key on every wx.login.
      session_key: randomBytes(16).toString('base64'),
      openid: user.openid,
      unionid: user.unionid,
    });
  };
}

function replyPlainJson(ctx: Context, body: object): void {
  ctx.status = 200;
  ctx.type = 'text/plain';
  ctx.body = JSON.stringify(body);
}
