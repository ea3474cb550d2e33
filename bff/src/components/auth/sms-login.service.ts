import { createHmac, randomBytes, randomInt } from 'node:crypto';
import type { SmsSendResponse } from '@suijing/shared';
import { AppError } from '../../libraries/errors';
import type { Clock } from '../../libraries/clock';
import { safeEqual } from '../../libraries/crypto';
import type { Limit, RateLimiter, RollingLimit } from '../../libraries/rate-limiter';
import type { SmsClient } from '../../upstreams/sms/sms.client';
import type { SmsCodesRepository } from './sms-codes.repository';

const CODE_TTL_MS = 5 * 60_000;
const MAX_ATTEMPTS = 5;
const BEIJING_OFFSET_MS = 8 * 3600_000;

export const SMS_LIMITS = {
  /** 60 s from the last code sent, not per calendar minute. */
  resend: { points: 1, windowMs: 60_000 } satisfies RollingLimit,
  perPhoneDay: { points: 10, windowMs: 86_400_000, alignOffsetMs: BEIJING_OFFSET_MS } satisfies Limit,
  perAddressHour: { points: 30, windowMs: 3_600_000 } satisfies Limit,
};

export interface SmsLoginDeps {
  codes: SmsCodesRepository;
  /** Which account a phone logs in to, if it has one yet. */
  accounts: { userIdOf(identity: { kind: 'phone'; phone: string }): Promise<string | null> };
  sms: SmsClient;
  limiter: RateLimiter;
  clock: Clock;
  /** Key for hashing codes at rest: a 6-digit code's plain hash could be reversed by trying all. */
  codeKey: Buffer;
}

/** SMS login codes: limits, sending through the gateway, and single-use checking. */
export class SmsLoginService {
  constructor(private readonly deps: SmsLoginDeps) {}

  async send(phone: string, clientAddress: string): Promise<SmsSendResponse> {
    const { limiter } = this.deps;
    const resend = await limiter.hitRolling(`sms:phone-resend:${phone}`, SMS_LIMITS.resend);
    if (!resend.allowed) {
      throw new AppError({
        code: 'SMS_TOO_FREQUENT',
        message: `验证码发送过于频繁，请 ${resend.retryAfterSeconds} 秒后再获取`,
        retryAfterSeconds: resend.retryAfterSeconds,
      });
    }
    const address = await limiter.hit(`sms:address-hour:${clientAddress}`, SMS_LIMITS.perAddressHour);
    if (!address.allowed)
      throw new AppError({
        code: 'RATE_LIMITED',
        message: '当前网络获取验证码过于频繁，请一小时后再试',
        retryAfterSeconds: address.retryAfterSeconds,
      });
    const day = await limiter.hit(`sms:phone-day:${phone}`, SMS_LIMITS.perPhoneDay);
    if (!day.allowed) throw new AppError({ code: 'SMS_DAILY_LIMIT', retryAfterSeconds: day.retryAfterSeconds });

    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    try {
      await this.deps.sms.sendLoginCode(phone, code);
    } catch (error) {
      // Nothing was sent: the citizen may try again straight away.
      await Promise.all([limiter.refund(resend), limiter.refund(address), limiter.refund(day)]);
      throw error;
    }
    const userId = await this.deps.accounts.userIdOf({ kind: 'phone', phone });
    const now = this.deps.clock.now();
    await this.deps.codes.replace(phone, {
      codeHash: this.hash(phone, code),
      nonce: randomBytes(9).toString('base64url'),
      sentAt: now,
      userId,
      expiresAt: new Date(now.getTime() + CODE_TTL_MS),
    });
    return { sent: true, resendAfterSeconds: SMS_LIMITS.resend.windowMs / 1000, expiresInSeconds: CODE_TTL_MS / 1000 };
  }

  /**
   * Accepts a code once. Every try, right or wrong, takes one of the code's five
   * tries first, so after five wrong ones even the right code fails, however
   * many requests race; a right code takes its single use in the same insert.
   * The used code is left to expire: its spent single use is what refuses it.
   * Answers the account the phone had when the code was sent (null for none).
   */
  async verify(phone: string, code: string): Promise<string | null> {
    const now = this.deps.clock.now();
    const current = await this.deps.codes.find(phone);
    if (!current || current.expiresAt <= now) throw new AppError({ code: 'SMS_CODE_EXPIRED' });
    const budget = `sms:${phone}:${current.nonce}`;
    if (!safeEqual(this.hash(phone, code), current.codeHash)) {
      const attempt = await this.deps.limiter.take(`${budget}:tries`, MAX_ATTEMPTS, current.expiresAt);
      const left = MAX_ATTEMPTS - attempt.count;
      if (!attempt.allowed || left <= 0) throw new AppError({ code: 'SMS_CODE_LOCKED' });
      throw new AppError({ code: 'SMS_CODE_INVALID', message: `验证码不正确，还可以再试 ${left} 次` });
    }
    const attempt = await this.deps.limiter.takeWithOnce(
      `${budget}:tries`,
      MAX_ATTEMPTS,
      `${budget}:use`,
      current.expiresAt,
    );
    if (!attempt.allowed) throw new AppError({ code: 'SMS_CODE_LOCKED' });
    if (!attempt.once) throw new AppError({ code: 'SMS_CODE_EXPIRED' });
    return current.userId ?? null;
  }

  private hash(phone: string, code: string): string {
    return createHmac('sha256', this.deps.codeKey).update(`${phone}:${code}`).digest('base64url');
  }
}
