import { AppError } from '../../libraries/errors';
import type { Logger } from '../../libraries/logger';
import { UpstreamClient } from '../upstream-client';
import { Code2SessionResponseSchema, WECHAT_ERRCODES } from './wechat.dialect';

export interface WechatSession {
  openid: string;
  unionid: string | null;
  /** Stays in the BFF: never in a response or a log. */
  sessionKey: string;
}

export interface WechatSettings {
  baseUrl: string;
  appId: string;
  appSecret: string;
  timeoutMs: number;
}

/** The WeChat server APIs the BFF calls, translated into our terms and errors. */
export class WechatClient {
  readonly upstream: UpstreamClient;

  constructor(
    private readonly settings: WechatSettings,
    logger: Logger,
  ) {
    this.upstream = new UpstreamClient(
      { name: 'wechat', label: '微信服务', baseUrl: settings.baseUrl, timeoutMs: settings.timeoutMs, retries: 1 },
      logger,
    );
  }

  /** Exchanges a wx.login code; the code is single-use, so the call is never retried. */
  async code2Session(code: string): Promise<WechatSession> {
    const answer = await this.upstream.call({
      method: 'GET',
      path: '/sns/jscode2session',
      query: {
        appid: this.settings.appId,
        secret: this.settings.appSecret,
        js_code: code,
        grant_type: 'authorization_code',
      },
      safe: false,
      schema: Code2SessionResponseSchema,
    });
    if ('openid' in answer) {
      return { openid: answer.openid, unionid: answer.unionid ?? null, sessionKey: answer.session_key };
    }
    switch (answer.errcode) {
      case WECHAT_ERRCODES.INVALID_CODE:
      case WECHAT_ERRCODES.CODE_USED:
        throw new AppError({ code: 'WECHAT_CODE_INVALID' });
      case WECHAT_ERRCODES.HIGH_RISK_USER:
        throw new AppError({ code: 'WECHAT_USER_BLOCKED' });
      case WECHAT_ERRCODES.RATE_LIMITED:
        throw new AppError({ code: 'WECHAT_RATE_LIMITED' });
      default:
        // -1 (busy) and our own misconfiguration (40013/40125) look the same to a citizen.
        throw new AppError({
          code: 'UPSTREAM_UNAVAILABLE',
          message: '微信服务暂时无法访问，请稍后再试',
          expose: true,
          cause: new Error(`jscode2session errcode ${answer.errcode}: ${answer.errmsg ?? ''}`),
        });
    }
  }

  close(): Promise<void> {
    return this.upstream.close();
  }
}
