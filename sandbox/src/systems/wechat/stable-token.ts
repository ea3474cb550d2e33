import type { Context } from 'koa';
import { bodyRecord, nonEmptyString } from '../../core/input';
import { credentialError } from './credentials';
import { WECHAT_ERRORS, wechatError } from './errors';
import type { WechatState } from './state';

/**
 * POST /cgi-bin/stable_token {grant_type: "client_credential", appid, secret, force_refresh?}
 * -> {access_token, expires_in}: the same token (expires_in counts down) until
 * five minutes before it expires, unless force_refresh asks for a new one:
 * at most 20 a day (then 45009), and none within 30 s of the last (the
 * current token comes back unchanged).
 */
export function stableToken(state: WechatState, expected: { appId: string; appSecret: string }) {
  return (ctx: Context): void => {
    const body = bodyRecord(ctx.request.body);
    ctx.status = 200;
    const badCredentials = credentialError(nonEmptyString(body.appid), nonEmptyString(body.secret), expected);
    if (badCredentials) {
      ctx.body = wechatError(badCredentials);
      return;
    }
    if (body.grant_type !== 'client_credential') {
      ctx.body = wechatError(WECHAT_ERRORS.INVALID_GRANT_TYPE);
      return;
    }
    if (body.force_refresh !== undefined && typeof body.force_refresh !== 'boolean') {
      ctx.body = wechatError(WECHAT_ERRORS.DATA_FORMAT);
      return;
    }
    const answer = state.tokens.get(body.force_refresh === true);
    ctx.body = answer.ok
      ? { access_token: answer.token, expires_in: answer.expiresIn }
      : wechatError(WECHAT_ERRORS.DAILY_QUOTA);
  };
}
