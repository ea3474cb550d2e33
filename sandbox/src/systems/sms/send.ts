import { isValidPhone } from '@suijing/shared';
import type { Context } from 'koa';
import type { SandboxClock } from '../../core/clock';
import { bodyRecord } from '../../core/input';
import type { RateWindow } from '../../core/rate-window';
import { sameSecret } from '../../core/secrets';
import { toCompactDateTime } from '../../legacy/dates';
import { legacyFail, legacyOk, replyLegacy } from '../../legacy/envelope';
import { SMS_ERRORS } from './errors';
import type { Outbox } from './outbox';
import { SMS_SIGNS, SMS_TEMPLATES, checkParams, renderSms } from './templates';

export interface SendDeps {
  apiKey: string;
  clock: SandboxClock;
  outbox: Outbox;
  perMobile: RateWindow;
  /** Next message sequence number (reset with the sandbox). */
  nextSequence: () => number;
}

/**
 * POST /sms/v1/send  X-Api-Key: <key>
 * {mobile, templateId, params, sign} -> {code: "0000", msg: "成功", data: {msgId}}
 * Only a bad key uses the HTTP status (401); every other error is HTTP 200
 * with its code, as gateways of this kind do.
 */
export function sendSms(deps: SendDeps) {
  return (ctx: Context): void => {
    if (!sameSecret(ctx.get('X-Api-Key') || undefined, deps.apiKey)) {
      return replyLegacy(ctx, legacyFail(SMS_ERRORS.AUTH_FAILED), 401);
    }
    const { mobile, templateId, params, sign } = bodyRecord(ctx.request.body);
    if (typeof mobile !== 'string' || !isValidPhone(mobile)) return replyLegacy(ctx, legacyFail(SMS_ERRORS.BAD_MOBILE));
    const template = typeof templateId === 'string' ? SMS_TEMPLATES[templateId] : undefined;
    if (typeof templateId !== 'string' || !template) return replyLegacy(ctx, legacyFail(SMS_ERRORS.UNKNOWN_TEMPLATE));
    const checked = checkParams(template, params);
    if (!checked) return replyLegacy(ctx, legacyFail(SMS_ERRORS.BAD_PARAMS));
    if (typeof sign !== 'string' || !SMS_SIGNS.includes(sign)) return replyLegacy(ctx, legacyFail(SMS_ERRORS.BAD_SIGN));
    if (!deps.perMobile.tryHit(mobile)) return replyLegacy(ctx, legacyFail(SMS_ERRORS.TOO_FREQUENT));

    const now = deps.clock.now();
    // Gateway message ids: send time (Beijing) + a sequence, e.g. 20261128110405000001.
    const msgId = `${toCompactDateTime(now)}${String(deps.nextSequence()).padStart(6, '0')}`;
    deps.outbox.add({
      msgId,
      mobile,
      templateId,
      text: renderSms(sign, template, checked),
      params: checked,
      sentAt: now.toISOString(),
    });
    replyLegacy(ctx, legacyOk({ msgId }));
  };
}
