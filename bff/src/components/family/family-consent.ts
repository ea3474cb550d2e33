import { createHmac, randomInt } from 'node:crypto';
import { FAMILY_RELATION_TEXT, maskPhone, type FamilyRelation } from '@suijing/shared';
import type { Clock } from '../../libraries/clock';
import { safeEqual } from '../../libraries/crypto';
import { AppError } from '../../libraries/errors';
import type { Limit, RateLimiter, RollingLimit } from '../../libraries/rate-limiter';
import type { SmsClient } from '../../upstreams/sms/sms.client';

export const CONSENT_CODE_TTL_MS = 10 * 60_000;
export const CONSENT_MAX_TRIES = 5;

const BEIJING_OFFSET_MS = 8 * 3600_000;

/** A person's phone is not a channel anyone may flood: one code a minute, five a day, whoever asks. */
const LIMITS = {
  resend: { points: 1, windowMs: 60_000 } satisfies RollingLimit,
  perMemberDay: { points: 5, windowMs: 86_400_000, alignOffsetMs: BEIJING_OFFSET_MS } satisfies Limit,
};

const locked = () => new AppError({ code: 'SMS_CODE_LOCKED', message: '验证码错误次数过多，请重新添加该家人' });

/**
 * What the member is to the actor, as the SMS tells the member: "您是其父母".
 * (The actor gave the relation from their side; the member reads it from theirs.)
 */
const AS_THE_MEMBER_READS_IT: Partial<Record<FamilyRelation, string>> = {
  parent: '父母',
  spouse: '配偶',
  child: '子女',
  sibling: '兄弟姐妹',
  other: '亲属',
};

export interface FamilyConsentDeps {
  sms: Pick<SmsClient, 'sendFamilyConsentCode'>;
  limiter: RateLimiter;
  clock: Clock;
  /** Key for hashing codes at rest: a 6-digit code's plain hash could be reversed by trying all. */
  codeKey: Buffer;
}

/**
 * 家人授权 by SMS: a 6-digit code to the phone the register holds for the
 * member, which they tell the actor only if they agree. Only a keyed hash of
 * the code is kept. Tries and the single use are rate-limit points (unique
 * inserts), so racing requests cannot try more than five codes.
 */
export class FamilyConsent {
  constructor(private readonly deps: FamilyConsentDeps) {}

  /** Sends a code; the hash, masked phone and expiry to keep on the invitation. */
  async send(
    linkId: string,
    member: { idHash: string; phone: string },
    actor: { nameMasked: string },
    relation: FamilyRelation,
  ): Promise<{ codeHash: string; phoneMasked: string; expiresAt: Date }> {
    const { limiter } = this.deps;
    const resend = await limiter.hitRolling(`family:sms-resend:${member.idHash}`, LIMITS.resend);
    if (!resend.allowed) {
      throw new AppError({ code: 'SMS_TOO_FREQUENT', retryAfterSeconds: resend.retryAfterSeconds });
    }
    const day = await limiter.hit(`family:sms-day:${member.idHash}`, LIMITS.perMemberDay);
    if (!day.allowed) throw new AppError({ code: 'SMS_DAILY_LIMIT', retryAfterSeconds: day.retryAfterSeconds });
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    try {
      await this.deps.sms.sendFamilyConsentCode(member.phone, {
        code,
        actor: actor.nameMasked,
        relation: AS_THE_MEMBER_READS_IT[relation] ?? FAMILY_RELATION_TEXT[relation],
      });
    } catch (error) {
      await Promise.all([limiter.refund(resend), limiter.refund(day)]);
      throw error;
    }
    return {
      codeHash: this.hash(linkId, code),
      phoneMasked: maskPhone(member.phone),
      expiresAt: new Date(this.deps.clock.now().getTime() + CONSENT_CODE_TTL_MS),
    };
  }

  /**
   * Accepts the code once: every try, right or wrong, takes one of five tries first, and a right
   * code takes its single use in the same insert (as SMS login does). Throws when it is not accepted.
   */
  async accept(linkId: string, code: string, invitation: { codeHash: string; expiresAt: Date }): Promise<void> {
    const budget = `family:consent:${linkId}`;
    if (!safeEqual(this.hash(linkId, code), invitation.codeHash)) {
      const attempt = await this.deps.limiter.take(`${budget}:tries`, CONSENT_MAX_TRIES, invitation.expiresAt);
      const left = CONSENT_MAX_TRIES - attempt.count;
      if (!attempt.allowed || left <= 0) throw locked();
      throw new AppError({ code: 'SMS_CODE_INVALID', message: `验证码不正确，还可以再试 ${left} 次` });
    }
    const attempt = await this.deps.limiter.takeWithOnce(
      `${budget}:tries`,
      CONSENT_MAX_TRIES,
      `${budget}:use`,
      invitation.expiresAt,
    );
    if (!attempt.allowed) throw locked();
    if (!attempt.once) throw new AppError({ code: 'SMS_CODE_EXPIRED' });
  }

  private hash(linkId: string, code: string): string {
    return createHmac('sha256', this.deps.codeKey).update(`${linkId}:${code}`).digest('base64url');
  }
}
