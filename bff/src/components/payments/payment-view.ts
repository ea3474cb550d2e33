import { PAYMENT_ORDER_STATE_NAMES, type PaymentAction, type PaymentOrder, type RefundView } from '@suijing/shared';
import type { PaymentOrderDocument } from './payment-order.model';
import { maskTradeNo, receiptNoText } from './trade-numbers';

function refundView(refund: NonNullable<PaymentOrderDocument['refund']>): RefundView {
  return {
    amountFen: refund.amountFen,
    reason: refund.reason,
    state: refund.state,
    requestedAt: refund.requestedAt.toISOString(),
    ...(refund.refundedAt ? { refundedAt: refund.refundedAt.toISOString() } : {}),
  };
}

/** An order as its owner sees it; the trade number masked, never the payer's openid. */
export function toPaymentOrder(order: PaymentOrderDocument, pay?: PaymentAction): PaymentOrder {
  return {
    id: order._id.toHexString(),
    thing: {
      kind: order.kind,
      title: order.title,
      reference: order.reference,
      ...(order.kind === 'fee' ? { caseId: order.reference } : {}),
    },
    platform: order.platform,
    lines: order.lines.map((line) => ({ label: line.label, amountFen: line.amountFen })),
    amountFen: order.amountFen,
    state: order.state,
    stateText: PAYMENT_ORDER_STATE_NAMES[order.state],
    createdAt: order.createdAt.toISOString(),
    expiresAt: order.expiresAt.toISOString(),
    ...(order.paidAt ? { paidAt: order.paidAt.toISOString() } : {}),
    ...(order.transactionId ? { tradeNoMasked: maskTradeNo(order.transactionId) } : {}),
    ...(order.receiptNo ? { receiptNo: receiptNoText(order.receiptNo) } : {}),
    receiptAvailable: order.state === 'paid' && order.receiptNo !== undefined,
    refunds: order.refund ? [refundView(order.refund)] : [],
    ...(pay ? { pay } : {}),
  };
}
