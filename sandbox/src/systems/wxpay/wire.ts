import type { TradeState, WxOrder, WxRefund } from './book';
import { rfc3339 } from './ids';

const TRADE_STATE_DESC: Record<TradeState, string> = {
  SUCCESS: '支付成功',
  REFUND: '转入退款',
  NOTPAY: '订单未支付',
  CLOSED: '订单已关闭',
};

/** An order as 查询订单 answers it and as the payment notification's resource carries it. */
export function transactionWire(order: WxOrder, state: TradeState, mchid: string): Record<string, unknown> {
  const paid = order.successTimeMs !== undefined;
  return {
    appid: order.appid,
    mchid,
    out_trade_no: order.outTradeNo,
    ...(paid
      ? {
          transaction_id: order.transactionId,
          bank_type: 'OTHERS',
          success_time: rfc3339(order.successTimeMs ?? 0),
          ...(order.attach === undefined ? {} : { attach: order.attach }),
        }
      : {}),
    trade_type: order.tradeType,
    trade_state: state,
    trade_state_desc: TRADE_STATE_DESC[state],
    payer: paid ? { openid: order.payerOpenid } : {},
    amount: {
      total: order.amountFen,
      ...(paid ? { payer_total: order.amountFen, currency: 'CNY' } : {}),
      payer_currency: 'CNY',
    },
    promotion_detail: [],
  };
}

/** A refund as 申请退款 and 查询单笔退款 answer it. */
export function refundWire(refund: WxRefund): Record<string, unknown> {
  return {
    refund_id: refund.refundId,
    out_refund_no: refund.outRefundNo,
    transaction_id: refund.transactionId,
    out_trade_no: refund.outTradeNo,
    channel: 'ORIGINAL',
    user_received_account: '支付用户零钱',
    ...(refund.successTimeMs === undefined ? {} : { success_time: rfc3339(refund.successTimeMs) }),
    create_time: rfc3339(refund.createdAtMs),
    status: refund.status,
    funds_account: 'AVAILABLE',
    amount: {
      total: refund.totalFen,
      refund: refund.refundFen,
      from: [],
      payer_total: refund.totalFen,
      payer_refund: refund.refundFen,
      settlement_refund: refund.refundFen,
      settlement_total: refund.totalFen,
      discount_refund: 0,
      currency: 'CNY',
      refund_fee: 0,
    },
    promotion_detail: [],
  };
}

/** The refund notification's resource. */
export function refundNoticeWire(refund: WxRefund, mchid: string): Record<string, unknown> {
  return {
    mchid,
    transaction_id: refund.transactionId,
    out_trade_no: refund.outTradeNo,
    refund_id: refund.refundId,
    out_refund_no: refund.outRefundNo,
    refund_status: refund.status,
    ...(refund.successTimeMs === undefined ? {} : { success_time: rfc3339(refund.successTimeMs) }),
    user_received_account: '支付用户零钱',
    amount: {
      total: refund.totalFen,
      refund: refund.refundFen,
      payer_total: refund.totalFen,
      payer_refund: refund.refundFen,
    },
  };
}
