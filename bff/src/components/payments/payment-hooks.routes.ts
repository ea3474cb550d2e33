import { ASSURANCE } from '@suijing/shared';
import { z } from 'zod';
import type { AppContext } from '../../libraries/context';
import { AppError } from '../../libraries/errors';
import { defineRoute, type ApiRoutes } from '../../libraries/routes';
import type { Headers, PaymentNoticesService } from './payment-notices.service';

/** WeChat Pay's answer shape for a notice it should send again. */
const WxpayFailSchema = z.object({ code: z.literal('FAIL'), message: z.string() }).meta({ id: 'WxpayNoticeFailure' });
/** The 非税 platform stops repeating a callback on {"code":"0000"}. */
const NontaxAckSchema = z.object({ code: z.string(), msg: z.string().optional() }).meta({ id: 'NontaxCallbackAnswer' });

function headersOf(ctx: AppContext): Headers {
  const out: Headers = {};
  for (const [name, value] of Object.entries(ctx.headers)) out[name] = Array.isArray(value) ? value[0] : value;
  return out;
}

/** A stale, undecryptable or malformed notice: the one error shape (400), which the platform retries like any 4xx. */
const unreadable = (): AppError =>
  new AppError({ code: 'VALIDATION_FAILED', message: '通知已过期或无法读取，未予处理' });

const rawBodyOf = (ctx: AppContext): string => (ctx.request as { rawBody?: string }).rawBody ?? '';

/**
 * The payment platforms' notices: public, trusted only through their
 * signatures (checked by the ports over the raw body, 5-minute window).
 * Each platform gets the answer it expects: WeChat Pay 204 (401 {code: FAIL}
 * for a bad signature), the 非税 platform 200 {"code":"0000"} (401 {code:
 * "1002"}); a stale or unreadable notice is the usual 400 error.
 */
export function paymentHooksRoutes(routes: ApiRoutes, deps: { notices: PaymentNoticesService }): void {
  defineRoute(routes, {
    method: 'post',
    path: '/hooks/wxpay',
    summary: 'WeChat Pay notifications (payment, refund): signature-checked, decrypted, replay-safe',
    tags: ['系统对接'],
    assurance: ASSURANCE.public,
    response: { status: 204, description: '已接收' },
    errors: [{ status: 401, description: '签名无效或证书未知', schema: WxpayFailSchema }],
    handler: async (ctx) => {
      const answer = await deps.notices.wxpay(headersOf(ctx), rawBodyOf(ctx));
      if (answer.ok) return undefined;
      if (answer.status === 400) throw unreadable();
      ctx.status = 401;
      ctx.body = { code: 'FAIL', message: '签名错误' };
      return ctx.body;
    },
  });

  defineRoute(routes, {
    method: 'post',
    path: '/hooks/nontax',
    summary: '非税 platform payment callbacks: signature-checked (HMAC over the fields), replay-safe',
    tags: ['系统对接'],
    assurance: ASSURANCE.public,
    response: { status: 200, schema: NontaxAckSchema, description: '已接收 ({"code":"0000"})' },
    errors: [{ status: 401, description: '签名无效', schema: NontaxAckSchema }],
    handler: async (ctx) => {
      const answer = await deps.notices.nontax(headersOf(ctx), rawBodyOf(ctx));
      if (answer.ok) return { code: '0000', msg: '成功' };
      if (answer.status === 400) throw unreadable();
      ctx.status = 401;
      return { code: '1002', msg: '签名错误' };
    },
  });
}
