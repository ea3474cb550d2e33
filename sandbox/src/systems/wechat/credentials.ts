import { sameSecret } from '../../core/secrets';
import { WECHAT_ERRORS, type WechatError } from './errors';

/** Checks appid then secret, in the order and with the codes the real server uses. */
export function credentialError(
  appid: string | undefined,
  secret: string | undefined,
  expected: { appId: string; appSecret: string },
): WechatError | undefined {
  if (appid === undefined) return WECHAT_ERRORS.MISSING_APPID;
  if (appid !== expected.appId) return WECHAT_ERRORS.INVALID_APPID;
  if (secret === undefined) return WECHAT_ERRORS.MISSING_SECRET;
  if (!sameSecret(secret, expected.appSecret)) return WECHAT_ERRORS.INVALID_SECRET;
  return undefined;
}
