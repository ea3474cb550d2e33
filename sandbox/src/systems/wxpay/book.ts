import { h5PayerOpenid, newPrepayId, newRefundId, newToken, newTransactionId } from './ids';
import { WXPAY_ERRORS, type WxpayError } from './errors';

export type TradeType = 'JSAPI' | 'MWEB';
export type TradeState = 'NOTPAY' | 'SUCCESS' | 'REFUND' | 'CLOSED';

export interface OrderRequest {
  tradeType: TradeType;
  appid: string;
  description: string;
  outTradeNo: string;
  amountFen: number;
  notifyUrl: string;
  attach?: string | undefined;
  timeExpireMs?: number | undefined;
  /** JSAPI: the payer's openid. */
  openid?: string | undefined;
  /** H5: the payer's IP and client type. */
  payerClientIp?: string | undefined;
  h5Type?: string | undefined;
}

export interface WxOrder extends OrderRequest {
  /** What must be equal for a repeated order to be the same order. */
  fingerprint: string;
  prepayId: string;
  /** H5 only: the cashier page's token. */
  cashierToken?: string;
  createdAtMs: number;
  closed: boolean;
  transactionId?: string;
  successTimeMs?: number;
  payerOpenid?: string;
}

export type RefundStatus = 'PROCESSING' | 'SUCCESS';

export interface RefundRequest {
  outTradeNo: string;
  outRefundNo: string;
  reason?: string | undefined;
  refundFen: number;
  totalFen: number;
  notifyUrl?: string | undefined;
}

export interface WxRefund extends RefundRequest {
  fingerprint: string;
  refundId: string;
  transactionId: string;
  status: RefundStatus;
  createdAtMs: number;
  /** When a PROCESSING refund turns SUCCESS (sandbox clock). */
  settleAtMs: number;
  successTimeMs?: number;
}

/** A refund stays PROCESSING this long (sandbox time) before it succeeds and is notified. */
export const REFUND_SETTLE_MS = 2_000;

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: WxpayError };

const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
const refused = <T>(error: WxpayError): Outcome<T> => ({ ok: false, error });

export type PayResult =
  | { kind: 'paid'; order: WxOrder }
  | { kind: 'already-paid' | 'closed' | 'expired'; order: WxOrder }
  | { kind: 'unknown' };

/**
 * The merchant's orders and refunds at the platform: ordering (idempotent per out_trade_no),
 * expiry, payment, close, refunds (idempotent per out_refund_no) and what the bill lists.
 * Pure state: the routes speak the dialect, the notifier pushes.
 */
export class PayBook {
  private readonly orders = new Map<string, WxOrder>();
  private readonly byToken = new Map<string, WxOrder>();
  private readonly refunds = new Map<string, WxRefund>();
  /** Successful payments per out_trade_no (a second one would be a double charge). */
  private readonly payments = new Map<string, number>();

  order(request: OrderRequest, nowMs: number): Outcome<WxOrder> {
    const fingerprint = JSON.stringify([
      request.tradeType,
      request.appid,
      request.description,
      request.amountFen,
      request.notifyUrl,
      request.attach ?? null,
      request.timeExpireMs ?? null,
      request.openid ?? null,
      request.h5Type ?? null,
    ]);
    const known = this.orders.get(request.outTradeNo);
    if (known) {
      const state = this.stateOf(known, nowMs);
      if (state === 'SUCCESS' || state === 'REFUND') return refused(WXPAY_ERRORS.ORDERPAID);
      if (state === 'CLOSED') return refused(WXPAY_ERRORS.ORDER_CLOSED);
      if (known.fingerprint !== fingerprint) return refused(WXPAY_ERRORS.OUT_TRADE_NO_USED);
      return ok(known);
    }
    const order: WxOrder = {
      ...request,
      fingerprint,
      prepayId: newPrepayId(nowMs),
      createdAtMs: nowMs,
      closed: false,
    };
    if (request.tradeType === 'MWEB') {
      order.cashierToken = newToken();
      this.byToken.set(order.cashierToken, order);
    }
    this.orders.set(order.outTradeNo, order);
    return ok(order);
  }

  find(outTradeNo: string): WxOrder | undefined {
    return this.orders.get(outTradeNo);
  }

  findByToken(token: string): WxOrder | undefined {
    return this.byToken.get(token);
  }

  all(): WxOrder[] {
    return [...this.orders.values()];
  }

  /** The trade state now: an unpaid order past its time_expire reads CLOSED. */
  stateOf(order: WxOrder, nowMs: number): TradeState {
    if (order.successTimeMs !== undefined) {
      return this.refundedFen(order.outTradeNo, 'SUCCESS') >= order.amountFen ? 'REFUND' : 'SUCCESS';
    }
    if (order.closed || this.isExpired(order, nowMs)) return 'CLOSED';
    return 'NOTPAY';
  }

  isExpired(order: WxOrder, nowMs: number): boolean {
    return order.timeExpireMs !== undefined && nowMs >= order.timeExpireMs;
  }

  /** The payer confirms (wx.requestPayment or the cashier page). */
  pay(outTradeNo: string, nowMs: number): PayResult {
    const order = this.orders.get(outTradeNo);
    if (!order) return { kind: 'unknown' };
    if (order.successTimeMs !== undefined) return { kind: 'already-paid', order };
    if (order.closed) return { kind: 'closed', order };
    if (this.isExpired(order, nowMs)) return { kind: 'expired', order };
    order.transactionId = newTransactionId(nowMs);
    order.successTimeMs = nowMs;
    order.payerOpenid = order.openid ?? h5PayerOpenid(order.outTradeNo);
    this.payments.set(outTradeNo, (this.payments.get(outTradeNo) ?? 0) + 1);
    return { kind: 'paid', order };
  }

  /** Closing twice is fine; a paid order cannot be closed. */
  close(outTradeNo: string, nowMs: number): Outcome<WxOrder> {
    const order = this.orders.get(outTradeNo);
    if (!order) return refused(WXPAY_ERRORS.ORDER_NOT_EXIST);
    const state = this.stateOf(order, nowMs);
    if (state === 'SUCCESS' || state === 'REFUND') return refused(WXPAY_ERRORS.ORDERPAID);
    order.closed = true;
    return ok(order);
  }

  refund(request: RefundRequest, nowMs: number): Outcome<WxRefund> {
    const fingerprint = JSON.stringify([request.outTradeNo, request.refundFen, request.totalFen]);
    const known = this.refunds.get(request.outRefundNo);
    if (known) return known.fingerprint === fingerprint ? ok(known) : refused(WXPAY_ERRORS.OUT_REFUND_NO_USED);
    const order = this.orders.get(request.outTradeNo);
    if (!order) return refused(WXPAY_ERRORS.ORDER_NOT_EXIST);
    if (order.successTimeMs === undefined || order.transactionId === undefined)
      return refused(WXPAY_ERRORS.TRADE_NOT_PAID);
    if (request.totalFen !== order.amountFen) return refused(WXPAY_ERRORS.TOTAL_MISMATCH);
    if (request.refundFen > order.amountFen - this.refundedFen(order.outTradeNo, 'ANY'))
      return refused(WXPAY_ERRORS.REFUND_TOO_LARGE);
    const refund: WxRefund = {
      ...request,
      fingerprint,
      refundId: newRefundId(nowMs),
      transactionId: order.transactionId,
      status: 'PROCESSING',
      createdAtMs: nowMs,
      settleAtMs: nowMs + REFUND_SETTLE_MS,
    };
    this.refunds.set(refund.outRefundNo, refund);
    return ok(refund);
  }

  findRefund(outRefundNo: string): WxRefund | undefined {
    return this.refunds.get(outRefundNo);
  }

  allRefunds(): WxRefund[] {
    return [...this.refunds.values()];
  }

  /** Refunds whose time has come turn SUCCESS; the ones that just did are returned (to be notified). */
  settleDue(nowMs: number): WxRefund[] {
    const settled: WxRefund[] = [];
    for (const refund of this.refunds.values()) {
      if (refund.status === 'PROCESSING' && refund.settleAtMs <= nowMs) {
        refund.status = 'SUCCESS';
        refund.successTimeMs = refund.settleAtMs;
        settled.push(refund);
      }
    }
    return settled;
  }

  hasProcessingRefunds(): boolean {
    return [...this.refunds.values()].some((refund) => refund.status === 'PROCESSING');
  }

  paymentCounts(): Record<string, number> {
    return Object.fromEntries(this.payments);
  }

  refundedFen(outTradeNo: string, which: 'SUCCESS' | 'ANY'): number {
    let sum = 0;
    for (const refund of this.refunds.values()) {
      if (refund.outTradeNo === outTradeNo && (which === 'ANY' || refund.status === 'SUCCESS')) sum += refund.refundFen;
    }
    return sum;
  }

  clear(): void {
    this.orders.clear();
    this.byToken.clear();
    this.refunds.clear();
    this.payments.clear();
  }
}
