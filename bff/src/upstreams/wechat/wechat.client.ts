import type { z } from 'zod';
import { systemClock, type Clock } from '../../libraries/clock';
import { AppError } from '../../libraries/errors';
import type { Logger } from '../../libraries/logger';
import type { InPersonOutcome } from '../in-person';
import { SystemClient } from '../system-client';
import { faceCertHash } from './face-cert-hash';
import { faceOutcomeOf } from './face-outcome';
import {
  Code2SessionResponseSchema,
  ErrcodeResponseSchema,
  FACE_ERRCODES,
  GetVerifyIdResponseSchema,
  QueryVerifyInfoResponseSchema,
  STABLE_TOKEN_ERRCODES,
  StableTokenResponseSchema,
  SUBSCRIBE_ERRCODES,
  WECHAT_ERRCODES,
} from './wechat.dialect';

/** A subscribe message: a template's keywords and their values, and the page it opens. */
export interface SubscribeMessage {
  openid: string;
  templateId: string;
  page: string;
  data: Record<string, string>;
}

/**
 * What became of a subscribe message: delivered; 'refused' when the user has not accepted the template (their
 * choice); 'rejected' when WeChat refused what we sent (a page, template or data of ours that is wrong).
 */
export type SubscribeOutcome = 'sent' | 'refused' | 'rejected';

/** Renew the access token this long before WeChat says it expires (WeChat hands out the next one then). */
const TOKEN_MARGIN_MS = 5 * 60_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

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
export class WechatClient extends SystemClient {
  private token: { value: string; expiresAt: number } | undefined;
  private tokenRequest: Promise<string> | undefined;
  /** WeChat allows 20 forced refreshes a day: once refused (45009), none is asked for before this instant. */
  private forceRefreshBlockedUntil = 0;

  constructor(
    private readonly settings: WechatSettings,
    private readonly logger: Logger,
    /** Stamps the passes WeChat reports without a time; the same clock the rest of the BFF reads. */
    private readonly clock: Clock = systemClock,
  ) {
    super(
      { name: 'wechat', label: '微信服务' },
      { baseUrl: settings.baseUrl, timeoutMs: settings.timeoutMs, retries: 1 },
      logger,
    );
  }

  /** Exchanges a wx.login code; the code is single-use, so the call is never retried. */
  async code2Session(code: string): Promise<WechatSession> {
    const answer = await this.call({
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
        throw new AppError({ code: 'WECHAT_CODE_INVALID' });
      case WECHAT_ERRCODES.CODE_USED:
        // Each tap gets a fresh wx.login code, so a used one means a repeated request (double tap, a replay).
        this.logger.warn({ upstream: 'wechat', errcode: answer.errcode }, 'wx.login code used twice');
        throw new AppError({ code: 'WECHAT_CODE_INVALID', message: '本次登录凭证已被使用，请重新点击登录再试一次' });
      case WECHAT_ERRCODES.HIGH_RISK_USER:
        throw new AppError({ code: 'WECHAT_USER_BLOCKED' });
      case WECHAT_ERRCODES.RATE_LIMITED:
        throw new AppError({ code: 'WECHAT_RATE_LIMITED' });
      default:
        // -1 (busy) and our own misconfiguration (40013/40125) look the same to a citizen.
        throw this.failure(errcodeDetail('jscode2session', answer));
    }
  }

  /**
   * Sends a subscribe message. 'refused' when the user has not accepted this template (WeChat's 43101), which is
   * their choice, not a failure; 'rejected' (logged as an error) when WeChat refuses our page, template or data.
   */
  async sendSubscribe(message: SubscribeMessage): Promise<SubscribeOutcome> {
    const answer = await this.withToken(
      '/cgi-bin/message/subscribe/send',
      ErrcodeResponseSchema,
      // A repeat could deliver the message twice.
      false,
      {
        touser: message.openid,
        template_id: message.templateId,
        page: message.page,
        data: Object.fromEntries(Object.entries(message.data).map(([key, value]) => [key, { value }])),
        miniprogram_state: 'formal',
        lang: 'zh_CN',
      },
    );
    switch (answer.errcode) {
      case SUBSCRIBE_ERRCODES.OK:
        return 'sent';
      case SUBSCRIBE_ERRCODES.USER_REFUSED:
        return 'refused';
      case SUBSCRIBE_ERRCODES.INVALID_PAGE:
      case SUBSCRIBE_ERRCODES.INVALID_TEMPLATE:
      case SUBSCRIBE_ERRCODES.BAD_PARAMS:
        // Sending it again cannot help: the page is not in the published app.json, or the template or data is wrong.
        this.logger.error(
          {
            upstream: 'wechat',
            errcode: answer.errcode,
            errmsg: answer.errmsg,
            templateId: message.templateId,
            page: message.page,
          },
          'subscribe message rejected: fix what the BFF sends',
        );
        return 'rejected';
      default:
        throw new Error(errcodeDetail('subscribe send', answer));
    }
  }

  /**
   * Starts a face check (人脸核身) for a name and ID number, for one WeChat user: the verify_id only works
   * in that user's wx.requestFacialVerify. The check is created at WeChat, so it is not retried.
   */
  async startFaceCheck(check: {
    outSeqNo: string;
    name: string;
    idNumber: string;
    openid: string;
  }): Promise<{ verifyId: string; expiresInSeconds: number }> {
    const answer = await this.withToken('/cityservice/face/identify/getverifyid', GetVerifyIdResponseSchema, false, {
      out_seq_no: check.outSeqNo,
      cert_info: { cert_type: 'IDENTITY_CARD', cert_name: check.name, cert_no: check.idNumber },
      openid: check.openid,
    });
    if ('verify_id' in answer) return { verifyId: answer.verify_id, expiresInSeconds: answer.expires_in };
    const detail = errcodeDetail('getverifyid', answer);
    const cause = new Error(detail);
    switch (answer.errcode) {
      case FACE_ERRCODES.CERT_NOT_MATCH:
        throw new AppError({
          code: 'IDENTITY_MISMATCH',
          message: '无法为该身份信息发起人脸核验，请核对姓名和身份证号码',
          cause,
        });
      case FACE_ERRCODES.INVALID_OPENID:
      case FACE_ERRCODES.MISSING_OPENID:
        throw new AppError({ code: 'WECHAT_OPENID_REQUIRED', cause });
      default:
        throw this.failure(detail);
    }
  }

  /**
   * The outcome of a face check: pending until the person has been through the camera, then passed or
   * failed once (WeChat forgets the verify_id after answering). A pass carries the time we read it.
   */
  async faceCheckResult(check: {
    verifyId: string;
    outSeqNo: string;
    /** The identity the check was started for: WeChat checks its cert_hash. */
    name: string;
    idNumber: string;
    /** The openid getVerifyId was given: WeChat checks they match. */
    openid: string;
  }): Promise<InPersonOutcome> {
    const answer = await this.withToken(
      '/cityservice/face/identify/queryverifyinfo',
      QueryVerifyInfoResponseSchema,
      true,
      {
        verify_id: check.verifyId,
        out_seq_no: check.outSeqNo,
        cert_hash: faceCertHash(check.name, check.idNumber),
        openid: check.openid,
      },
    );
    if ('verify_ret' in answer) return faceOutcomeOf(answer.verify_ret, this.clock.now());
    switch (answer.errcode) {
      case FACE_ERRCODES.NOT_FINISHED:
        return { kind: 'pending' };
      case FACE_ERRCODES.VERIFY_ID_EXPIRED:
        return { kind: 'failed', reason: 'expired' };
      case FACE_ERRCODES.BUSY:
        throw this.failure(errcodeDetail('queryverifyinfo', answer));
      default:
        // An unknown or used verify_id, or one that is not this person's: the check cannot pass.
        this.logger.warn({ upstream: 'wechat', errcode: answer.errcode }, 'face check result refused');
        return { kind: 'failed', reason: 'other' };
    }
  }

  /**
   * A server API call with the access token; one retry with a newer token when WeChat refused it (40001 "not
   * latest": another server refreshed it; 42001: it ran out early).
   */
  private async withToken<S extends z.ZodType<{ errcode: number }>>(
    path: string,
    schema: S,
    safe: boolean,
    body: unknown,
  ): Promise<z.output<S>> {
    let rejected: string | undefined;
    for (let attempt = 1; ; attempt += 1) {
      const token = await this.accessToken(rejected);
      const answer = await this.call({
        method: 'POST',
        path,
        query: { access_token: token },
        body,
        safe,
        schema,
      });
      const stale = answer.errcode === FACE_ERRCODES.INVALID_TOKEN || answer.errcode === FACE_ERRCODES.TOKEN_EXPIRED;
      if (!stale || attempt > 1) return answer;
      rejected = token;
    }
  }

  /**
   * The server API access token, cached until shortly before it expires; one request at a time. `rejected` is a
   * token WeChat just refused: it is replaced, unless a newer one is already at hand.
   */
  private accessToken(rejected?: string): Promise<string> {
    const cached = this.token;
    if (cached && cached.expiresAt > Date.now() && cached.value !== rejected) return Promise.resolve(cached.value);
    this.tokenRequest ??= this.renewToken(rejected).finally(() => (this.tokenRequest = undefined));
    return this.tokenRequest;
  }

  /**
   * Normal mode first: after another server's forced refresh it already answers the latest token, and it costs
   * none of the 20 forced refreshes a day. Force only when normal mode still hands out the token just refused.
   */
  private async renewToken(rejected: string | undefined): Promise<string> {
    const latest = await this.fetchToken(false);
    if (latest === undefined) throw new Error('stable_token refused a normal-mode call');
    if (rejected === undefined || latest !== rejected || Date.now() < this.forceRefreshBlockedUntil) return latest;
    return (await this.fetchToken(true)) ?? latest;
  }

  /** A token from stable_token; undefined when a forced refresh is refused for the day (then none is tried again that day). */
  private async fetchToken(forceRefresh: boolean): Promise<string | undefined> {
    const answer = await this.call({
      method: 'POST',
      path: '/cgi-bin/stable_token',
      body: {
        grant_type: 'client_credential',
        appid: this.settings.appId,
        secret: this.settings.appSecret,
        force_refresh: forceRefresh,
      },
      safe: true,
      schema: StableTokenResponseSchema,
    });
    if (!('access_token' in answer)) {
      if (forceRefresh && answer.errcode === STABLE_TOKEN_ERRCODES.DAILY_QUOTA) {
        this.forceRefreshBlockedUntil = nextBeijingMidnight(Date.now());
        this.logger.warn(
          { upstream: 'wechat', errcode: answer.errcode, until: new Date(this.forceRefreshBlockedUntil).toISOString() },
          'stable_token: forced refreshes used up for today; keeping the current token',
        );
        return undefined;
      }
      throw new Error(errcodeDetail('stable_token', answer));
    }
    this.token = { value: answer.access_token, expiresAt: Date.now() + answer.expires_in * 1000 - TOKEN_MARGIN_MS };
    return answer.access_token;
  }
}

/** WeChat's second envelope style: HTTP 200 with {errcode, errmsg} when a call did not work. */
function errcodeDetail(call: string, answer: { errcode: number; errmsg?: string | undefined }): string {
  return `${call} errcode ${answer.errcode}: ${answer.errmsg ?? ''}`;
}

/** WeChat's daily quotas start again at midnight Beijing time. */
function nextBeijingMidnight(nowMs: number): number {
  return (Math.floor((nowMs + BEIJING_OFFSET_MS) / DAY_MS) + 1) * DAY_MS - BEIJING_OFFSET_MS;
}
