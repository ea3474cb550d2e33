import { ASSURANCE } from '@suijing/shared';
import { z } from 'zod';
import type { AppContext } from '../../libraries/context';
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

const rawBodyOf = (ctx: AppContext): string => (ctx.request as { rawBody?: string }).rawBody ?? '';

/**
 * The payment platforms' notices: public, trusted only through their
 * signatures (checked by the ports over the raw body, 5-minute window).
 * Each platform gets the answer it expects: WeChat Pay 204 (or 4xx with
 * {code: FAIL}), the 非税 platform 200 {"code":"0000"}.
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
      ctx.status = answer.status;
      ctx.body = { code: 'FAIL', message: answer.status === 401 ? '签名错误' : '通知无效' };
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
      ctx.status = answer.status;
      return { code: answer.status === 401 ? '1002' : '1001', msg: answer.status === 401 ? '签名错误' : '通知无效' };
    },
  });
}
