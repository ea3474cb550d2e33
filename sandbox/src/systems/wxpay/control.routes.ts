import Router from '@koa/router';
import { controlError } from '../../control/reply';
import { bodyRecord } from '../../core/input';
import type { PayDesk } from './desk';
import { refundWire } from './wire';

/**
 * Sandbox-only helpers of WeChat Pay, mounted under /sandbox/wxpay.
 * POST /orders/:outTradeNo/pay        -> {outTradeNo, transactionId, state}: the payer confirms (wx.requestPayment
 *                                         in the mini-program; the cashier page does the same for H5). 404 unknown,
 *                                         409 ALREADY_PAID, 410 CLOSED (closed or past time_expire)
 * GET  /orders/:outTradeNo             -> {outTradeNo, tradeType, state, amountFen, transactionId, successTime,
 *                                         payerOpenid, timeExpire, attach, refunds: [...], notifications: [{id,
 *                                         eventType, attempts, acknowledged, gaveUp, lastStatus, lastError,
 *                                         nextAttemptAt, acknowledgedAt, replays}]}
 * GET  /notifications                  -> {held, notifications: [...]} every notification
 * PUT  /notify {hold: boolean}         -> {held}: while held the merchant counts as unreachable (attempts fail and
 *                                         are rescheduled); after release the queued ones go out at their next retry
 * POST /notifications/:id/replay       -> {id, status}: sends a delivered notification again exactly as it was
 *                                         (same body, same signature headers); 404 unknown or never delivered
 * GET  /stats                          -> {orders, paid, payments: {outTradeNo: count}, refunds: {outTradeNo: fen},
 *                                         notifications: {total, acknowledged, pending, gaveUp}}
 */
export function wxpayControlRoutes(desk: PayDesk, nowMs: () => number): Router {
  const router = new Router();

  router.post('/orders/:outTradeNo/pay', (ctx) => {
    const result = desk.pay(ctx.params.outTradeNo ?? '');
    switch (result.kind) {
      case 'unknown':
        return controlError(ctx, 404, 'NOT_FOUND', 'no such order');
      case 'already-paid':
        return controlError(ctx, 409, 'ALREADY_PAID', 'this order has been paid already');
      case 'closed':
      case 'expired':
        return controlError(ctx, 410, 'CLOSED', `this order is ${result.kind}`);
      case 'paid':
        ctx.body = {
          outTradeNo: result.order.outTradeNo,
          transactionId: result.order.transactionId,
          state: 'SUCCESS',
        };
    }
  });

  router.get('/orders/:outTradeNo', (ctx) => {
    desk.settleRefunds();
    const order = desk.book.find(ctx.params.outTradeNo ?? '');
    if (!order) return controlError(ctx, 404, 'NOT_FOUND', 'no such order');
    ctx.body = {
      outTradeNo: order.outTradeNo,
      tradeType: order.tradeType,
      state: desk.book.stateOf(order, nowMs()),
      amountFen: order.amountFen,
      description: order.description,
      attach: order.attach ?? null,
      prepayId: order.prepayId,
      timeExpire: order.timeExpireMs === undefined ? null : new Date(order.timeExpireMs).toISOString(),
      transactionId: order.transactionId ?? null,
      successTime: order.successTimeMs === undefined ? null : new Date(order.successTimeMs).toISOString(),
      payerOpenid: order.payerOpenid ?? null,
      refunds: desk.book
        .allRefunds()
        .filter((r) => r.outTradeNo === order.outTradeNo)
        .map(refundWire),
      notifications: desk.notifier.list((info) => info.outTradeNo === order.outTradeNo),
    };
  });

  router.get('/notifications', (ctx) => {
    ctx.body = { held: desk.notifier.isHeld, notifications: desk.notifier.list() };
  });

  router.put('/notify', (ctx) => {
    const { hold } = bodyRecord(ctx.request.body);
    if (typeof hold !== 'boolean') return controlError(ctx, 400, 'BAD_REQUEST', 'hold must be a boolean');
    desk.notifier.hold(hold);
    ctx.body = { held: hold };
  });

  router.post('/notifications/:id/replay', async (ctx) => {
    const id = ctx.params.id ?? '';
    const result = await desk.notifier.replay(id);
    if (!result.found) return controlError(ctx, 404, 'NOT_FOUND', 'no such notification, or it was never delivered');
    ctx.body = { id, status: result.status ?? null, ...(result.error === undefined ? {} : { error: result.error }) };
  });

  router.get('/stats', (ctx) => {
    desk.settleRefunds();
    const refunds: Record<string, number> = {};
    for (const refund of desk.book.allRefunds())
      refunds[refund.outTradeNo] = (refunds[refund.outTradeNo] ?? 0) + refund.refundFen;
    const notifications = desk.notifier.list();
    const payments = desk.book.paymentCounts();
    ctx.body = {
      orders: desk.book.all().length,
      paid: Object.keys(payments).length,
      payments,
      refunds,
      notifications: {
        total: notifications.length,
        acknowledged: notifications.filter((n) => n.acknowledged).length,
        pending: notifications.filter((n) => !n.acknowledged && !n.gaveUp).length,
        gaveUp: notifications.filter((n) => n.gaveUp).length,
      },
    };
  });

  return router;
}
