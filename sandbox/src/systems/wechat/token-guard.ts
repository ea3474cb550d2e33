import { nonEmptyString } from '../../core/input';
import type { AccessTokens } from './access-tokens';
import { WECHAT_ERRORS, type WechatError } from './errors';

/**
 * The access_token check of every server API that takes ?access_token=
 * (face check, subscribe messages): 41001 when missing, 40001 when unknown
 * or replaced, 42001 when expired, like the real server.
 */
export function accessTokenError(token: unknown, tokens: AccessTokens): WechatError | undefined {
  const value = nonEmptyString(token);
  if (value === undefined) return WECHAT_ERRORS.MISSING_ACCESS_TOKEN;
  const check = tokens.check(value);
  if (check === 'invalid') return WECHAT_ERRORS.INVALID_CREDENTIAL;
  if (check === 'expired') return WECHAT_ERRORS.ACCESS_TOKEN_EXPIRED;
  return undefined;
}
