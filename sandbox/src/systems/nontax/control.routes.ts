import { maskIdNumber, maskName } from '@suijing/shared';
import Router from '@koa/router';
import { controlError } from '../../control/reply';
import { bodyRecord, nonEmptyString } from '../../core/input';
import { billData, cashierPath, orderData } from './api.routes';
import type { NontaxDesk } from './desk';
import { isDecisionTime, type Bill } from './ledger';
import { fenOf } from './money';

/**
 * Sandbox-only helpers of the 非税 platform, mounted under /sandbox/nontax. `:ref` of a bill is its
 * 缴款码 or 决定书编号.
 * POST /decisions {jdsbh, sfzmhm, xm, fkje (yuan), jdsj (yyyyMMddHHmmss), wfbh?, cjjgmc?}
 *                                     -> 201 bill (200 with the same bill for a 决定书 seen before)
 * GET  /bills/:ref                    -> bill as the API answers it today + sfzmhm (masked) + settlements
 * POST /bills/:ref/void               -> the bill, 作废
 * GET  /orders/:ddh                   -> order as the API answers it + cashierPath
 * POST /orders/:ddh/pay               -> {ddh, jylsh, pjh, first}: the cashier's 确认缴款 button;
 *                                        404 unknown, 409 ALREADY_PAID / BILL_VOID, 410 CLOSED (closed or expired)
 * POST /callbacks/hold                -> {held: true}: callbacks fail as if the app were unreachable
 * POST /callbacks/release             -> {held: false}: every undelivered callback is tried at once
 * GET  /callbacks                     -> {held, deliveries: [...]}
 * POST /callbacks/:ddh/replay {verbatim?} -> 202 the new delivery: the order's last callback again, re-signed,
 *                                        or (verbatim: true) the very body sent before, once
 * GET  /stats                         -> {bills, orders, settlements, refunds, settlementsByPaymentCode,
 *                                        settlementsByOrder, callbacks: {pending, delivered, attempts}}
 */
export function nontaxControlRoutes(desk: NontaxDesk): Router {
  const { ledger, dispatcher } = desk;
  const router = new Router();

  router.post('/decisions', (ctx) => {
    const body = bodyRecord(ctx.request.body);
    const jdsbh = nonEmptyString(body.jdsbh);
    const sfzmhm = nonEmptyString(body.sfzmhm);
    const xm = nonEmptyString(body.xm);
    const jdsj = nonEmptyString(body.jdsj);
    const fineFen = fenOf(body.fkje);
    if (!jdsbh || !sfzmhm || !xm || !jdsj || !isDecisionTime(jdsj) || fineFen === undefined || fineFen <= 0) {
      return controlError(
        ctx,
        400,
        'BAD_REQUEST',
        'send {jdsbh, sfzmhm, xm, fkje: yuan string, jdsj: yyyyMMddHHmmss, wfbh?, cjjgmc?}',
      );
    }
    const known = ledger.findBill(jdsbh) !== undefined;
    const bill = ledger.openBill({
      jdsbh,
      sfzmhm,
      xm,
      jdsj,
      fineFen,
      wfbh: nonEmptyString(body.wfbh) ?? '',
      cjjgmc: nonEmptyString(body.cjjgmc) ?? '广州市公安局交通警察支队',
    });
    ctx.status = known ? 200 : 201;
    ctx.body = billView(desk, bill);
  });

  router.get('/bills/:ref', (ctx) => {
    const bill = ledger.findBill(ctx.params.ref ?? '');
    if (!bill) return controlError(ctx, 404, 'NOT_FOUND', 'no bill with this 缴款码 or 决定书编号');
    ctx.body = billView(desk, bill);
  });

  router.post('/bills/:ref/void', (ctx) => {
    const bill = ledger.findBill(ctx.params.ref ?? '');
    if (!bill) return controlError(ctx, 404, 'NOT_FOUND', 'no bill with this 缴款码 or 决定书编号');
    ledger.void(bill);
    ctx.body = billView(desk, bill);
  });

  router.get('/orders/:ddh', (ctx) => {
    const order = ledger.findOrder(ctx.params.ddh ?? '');
    if (!order) return controlError(ctx, 404, 'NOT_FOUND', 'no payment order with this ddh');
    ctx.body = { ...orderData(ledger, order), cashierPath: cashierPath(order.token) };
  });

  router.post('/orders/:ddh/pay', (ctx) => {
    const payment = desk.pay(ctx.params.ddh ?? '');
    switch (payment.kind) {
      case 'unknown':
        return controlError(ctx, 404, 'NOT_FOUND', 'no payment order with this ddh');
      case 'already-paid':
        return controlError(ctx, 409, 'ALREADY_PAID', 'this order has been paid already');
      case 'void':
        return controlError(ctx, 409, 'BILL_VOID', 'the 缴款码 of this order is void');
      case 'closed':
        return controlError(ctx, 410, 'CLOSED', 'this order is closed or expired');
      case 'paid':
        ctx.body = {
          ddh: payment.order.ddh,
          jylsh: payment.settlement.jylsh,
          pjh: payment.settlement.pjh,
          first: payment.first,
        };
    }
  });

  router.post('/callbacks/hold', (ctx) => {
    dispatcher.hold();
    ctx.body = { held: true };
  });

  router.post('/callbacks/release', (ctx) => {
    dispatcher.release();
    ctx.body = { held: false };
  });

  router.get('/callbacks', (ctx) => {
    ctx.body = {
      held: dispatcher.isHeld,
      deliveries: dispatcher.deliveries().map(({ lastBody: _body, ...info }) => ({
        ...info,
        createdAt: new Date(info.createdAt).toISOString(),
        ...(info.deliveredAt === undefined ? {} : { deliveredAt: new Date(info.deliveredAt).toISOString() }),
        ...(info.nextAttemptAt === undefined ? {} : { nextAttemptAt: new Date(info.nextAttemptAt).toISOString() }),
      })),
    };
  });

  router.post('/callbacks/:ddh/replay', (ctx) => {
    const verbatim = bodyRecord(ctx.request.body).verbatim === true;
    const delivery = dispatcher.replay(ctx.params.ddh ?? '', verbatim);
    if (!delivery) return controlError(ctx, 404, 'NOT_FOUND', 'no callback of this order was sent');
    ctx.status = 202;
    ctx.body = { id: delivery.id, ddh: delivery.ddh, verbatim };
  });

  router.get('/stats', (ctx) => {
    const orders = ledger.allOrders();
    const settlements = orders.flatMap((order) => (order.settlement ? [order.settlement] : []));
    const byPaymentCode: Record<string, number> = {};
    const byOrder: Record<string, number> = {};
    for (const settlement of settlements) {
      byPaymentCode[settlement.jkm] = (byPaymentCode[settlement.jkm] ?? 0) + 1;
      byOrder[settlement.ddh] = (byOrder[settlement.ddh] ?? 0) + 1;
    }
    const deliveries = dispatcher.deliveries();
    ctx.body = {
      bills: ledger.allBills().length,
      orders: orders.length,
      settlements: settlements.length,
      refunds: settlements.filter((settlement) => settlement.refund).length,
      settlementsByPaymentCode: byPaymentCode,
      settlementsByOrder: byOrder,
      callbacks: {
        pending: deliveries.filter((delivery) => !delivery.delivered).length,
        delivered: deliveries.filter((delivery) => delivery.delivered).length,
        attempts: deliveries.reduce((sum, delivery) => sum + delivery.attempts, 0),
      },
    };
  });

  return router;
}

function billView(desk: NontaxDesk, bill: Bill): Record<string, unknown> {
  return {
    ...billData(desk.ledger.billNow(bill)),
    xm: maskName(bill.xm),
    sfzmhm: maskIdNumber(bill.sfzmhm),
    settlements: desk.ledger.settlementsOf(bill.jkm).map((settlement) => ({
      ddh: settlement.ddh,
      jyje: (settlement.amountFen / 100).toFixed(2),
      jylsh: settlement.jylsh,
      pjh: settlement.pjh,
      refunded: settlement.refund !== undefined,
    })),
  };
}
