import {
  ASSURANCE,
  CreatePaymentOrderRequestSchema,
  DecisionNoParamsSchema,
  FineDueSchema,
  PaymentOrderIdParamsSchema,
  PaymentOrderListSchema,
  PaymentOrderSchema,
} from '@suijing/shared';
import type { Middleware } from 'koa';
import { authOf, type AppState } from '../../libraries/context';
import { idempotencyKeyOf } from '../../libraries/idempotency';
import { defineRoute, type ApiRoutes } from '../../libraries/routes';
import type { PaymentsService } from './payments.service';

/**
 * 缴款: the person's verified identity pays. A fine is a 车驾管 record, so
 * it asks what viewing violations asks (实人 within 30 days); a case's fee
 * what the cases ask (实名). Amounts come from the creditor, never the body.
 */
export function paymentsRoutes(
  routes: ApiRoutes,
  deps: { payments: PaymentsService; requireAuth: Middleware<AppState> },
): void {
  const common = { tags: ['缴款'], assurance: ASSURANCE.realName, before: [deps.requireAuth] };

  defineRoute(routes, {
    ...common,
    assurance: ASSURANCE.inPerson,
    method: 'get',
    path: '/payments/fines/{decisionNo}',
    dataUse: { feature: 'violations', what: '查询罚款缴纳信息' },
    summary: 'What a fine of mine costs today (罚款, 加处罚款 from day 16, capped at the fine) and whether it is paid',
    params: DecisionNoParamsSchema,
    response: { status: 200, schema: FineDueSchema, description: '应缴金额' },
    handler: (ctx, { params }) => deps.payments.fineDue(authOf(ctx).userId, params.decisionNo),
  });

  defineRoute(routes, {
    ...common,
    method: 'post',
    path: '/payments/orders',
    summary:
      'A payment order for my fine or my case fee, with what the client does to pay; a live pending order of the same thing is resumed (Idempotency-Key header required)',
    body: CreatePaymentOrderRequestSchema,
    response: { status: 201, schema: PaymentOrderSchema, description: '支付订单（含支付参数）' },
    idempotent: true,
    errors: [404],
    handler: async (ctx, { body }) => {
      // Paying a fine reads the 车驾管 record: the level of viewing violations.
      if (body.thing.kind === 'fine') await ctx.state.assure?.(ASSURANCE.inPerson);
      return deps.payments.create(authOf(ctx).userId, idempotencyKeyOf(ctx), body, { clientIp: ctx.ip });
    },
  });

  defineRoute(routes, {
    ...common,
    method: 'get',
    path: '/payments/orders',
    summary: '我的缴费: my payment orders, newest first, with their state',
    response: { status: 200, schema: PaymentOrderListSchema, description: '我的缴费' },
    handler: (ctx) => deps.payments.list(authOf(ctx).userId),
  });

  defineRoute(routes, {
    ...common,
    method: 'get',
    path: '/payments/orders/{id}',
    summary: "One of my orders (someone else's is 404); a pending one is checked with the payment platform",
    params: PaymentOrderIdParamsSchema,
    response: { status: 200, schema: PaymentOrderSchema, description: '支付订单' },
    handler: (ctx, { params }) => deps.payments.get(authOf(ctx).userId, params.id),
  });

  defineRoute(routes, {
    ...common,
    method: 'get',
    path: '/payments/orders/{id}/receipt',
    summary: 'The 电子票据 of a paid order of mine, as a one-page PDF',
    params: PaymentOrderIdParamsSchema,
    response: {
      status: 200,
      mediaTypes: ['application/pdf'],
      description: '电子票据 (a one-page PDF)',
      headers: { 'Content-Disposition': { description: 'inline; filename="receipt-<票据号>.pdf"' } },
    },
    errors: [409],
    handler: async (ctx, { params }) => {
      const { pdf, filename } = await deps.payments.receipt(authOf(ctx).userId, params.id);
      ctx.type = 'application/pdf';
      ctx.set('Content-Disposition', `inline; filename="${filename}"`);
      return pdf;
    },
  });
}
