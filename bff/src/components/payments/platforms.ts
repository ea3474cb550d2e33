import type { PaymentAction } from '@suijing/shared';
import type { NontaxPort } from '../../upstreams/nontax/nontax.types';
import type { Trade, WxpayPort } from '../../upstreams/wxpay/wxpay.types';
import type { PaymentOrderDocument } from './payment-order.model';

/** What a platform says about a payment it received, to be checked against our order before it counts. */
export interface PaymentEvidence {
  transactionId: string;
  amountFen: number;
  paidAt: Date;
  /** jsapi: who paid (checked against the order's payer). */
  payerOpenid?: string;
  /** A fine's 财政电子票据号. */
  receiptNo?: string;
}

/** The platform's view of an order, when asked. */
export type PlatformState =
  | { state: 'paid'; evidence: PaymentEvidence }
  | { state: 'pending' }
  | { state: 'closed' }
  /** Paid and refunded since: the evidence of the payment, then the refund. */
  | { state: 'refunded'; evidence: PaymentEvidence };

export interface RefundResult {
  state: 'refunded' | 'processing' | 'failed';
  refundId?: string;
  refundedAt?: Date;
}

/** How the citizen pays, per channel: what createOrder needs beyond the order. */
export interface PayContext {
  payerOpenid?: string;
  clientIp: string;
  notifyUrls: { wxpay: string; nontax: string };
}

/** A WeChat Pay trade as evidence, when it is one of success (or refunded after success). */
export function tradeEvidence(trade: Trade): PaymentEvidence | undefined {
  if (!trade.transactionId || !trade.successTime) return undefined;
  return {
    transactionId: trade.transactionId,
    amountFen: trade.amountFen,
    paidAt: trade.successTime,
    ...(trade.payerOpenid ? { payerOpenid: trade.payerOpenid } : {}),
  };
}

/**
 * The two payment platforms behind one face: WeChat Pay for fees (jsapi in
 * the mini-program, h5 in the browser) and the 非税 platform's cashier for
 * fines. Only our types cross; the ports speak the platforms' dialects.
 */
export class PaymentPlatforms {
  constructor(
    private readonly wxpay: WxpayPort,
    private readonly nontax: NontaxPort,
  ) {}

  /** Opens (or reopens: both platforms answer the same for the same order) the payment at the platform. */
  async start(order: PaymentOrderDocument, context: PayContext): Promise<PaymentAction> {
    const base = {
      outTradeNo: order.outTradeNo,
      description: order.title.slice(0, 127),
      amountFen: order.amountFen,
      expiresAt: order.expiresAt,
    };
    if (order.channel === 'wxpay-jsapi') {
      if (!context.payerOpenid) throw new Error('jsapi payment without an openid');
      const payment = await this.wxpay.jsapi({
        ...base,
        notifyUrl: context.notifyUrls.wxpay,
        payerOpenid: context.payerOpenid,
      });
      const { timeStamp, nonceStr, package: pkg, signType, paySign } = payment.requestPayment;
      return { kind: 'jsapi', params: { timeStamp, nonceStr, package: pkg, signType, paySign } };
    }
    if (order.channel === 'wxpay-h5') {
      const { h5Url } = await this.wxpay.h5({
        ...base,
        notifyUrl: context.notifyUrls.wxpay,
        payerClientIp: context.clientIp,
      });
      // WeChat's H5 cashier returns the citizen to redirect_url after paying (or not).
      const url = order.returnUrl
        ? `${h5Url}${h5Url.includes('?') ? '&' : '?'}redirect_url=${encodeURIComponent(order.returnUrl)}`
        : h5Url;
      return { kind: 'redirect', url };
    }
    const { cashierUrl } = await this.nontax.startPayment({
      paymentCode: order.paymentCode ?? '',
      outTradeNo: order.outTradeNo,
      amountFen: order.amountFen,
      notifyUrl: context.notifyUrls.nontax,
      returnUrl: order.returnUrl ?? '',
      expiresAt: order.expiresAt,
    });
    return { kind: 'redirect', url: cashierUrl };
  }

  /** Asks the platform how the order stands. */
  async query(order: PaymentOrderDocument): Promise<PlatformState> {
    if (order.platform === 'wxpay') {
      const trade = await this.wxpay.query(order.outTradeNo);
      if (!trade) return { state: 'pending' };
      const evidence = tradeEvidence(trade);
      if (trade.state === 'SUCCESS' && evidence) return { state: 'paid', evidence };
      if (trade.state === 'REFUND' && evidence) return { state: 'refunded', evidence };
      if (trade.state === 'CLOSED' || trade.state === 'REVOKED' || trade.state === 'PAYERROR')
        return { state: 'closed' };
      return { state: 'pending' };
    }
    const settlement = await this.nontax.settlement(order.outTradeNo);
    if (!settlement) return { state: 'pending' };
    const evidence: PaymentEvidence = {
      transactionId: settlement.platformTradeNo,
      amountFen: settlement.amountFen,
      paidAt: settlement.paidAt,
      receiptNo: settlement.receiptNo,
    };
    return settlement.state === 'paid' ? { state: 'paid', evidence } : { state: 'refunded', evidence };
  }

  /** Closes an unpaid order; 'paid' when it was paid meanwhile (then it is settled, not closed). */
  close(order: PaymentOrderDocument): Promise<'closed' | 'paid'> {
    return order.platform === 'wxpay'
      ? this.wxpay.closeOrder(order.outTradeNo)
      : this.nontax.closePayment(order.outTradeNo);
  }

  /** Refunds the whole order (idempotent per refund number at both platforms). */
  async refund(
    order: PaymentOrderDocument,
    refund: { outRefundNo: string; reason: string },
    notifyUrl: string,
  ): Promise<RefundResult> {
    if (order.platform === 'nontax') {
      const { refundNo } = await this.nontax.refund({
        outTradeNo: order.outTradeNo,
        outRefundNo: refund.outRefundNo,
        amountFen: order.amountFen,
        reason: refund.reason,
      });
      // The 非税 platform refunds at once and sends no refund notice: done when it answers.
      return { state: 'refunded', refundId: refundNo };
    }
    const result = await this.wxpay.refund({
      outTradeNo: order.outTradeNo,
      outRefundNo: refund.outRefundNo,
      reason: refund.reason,
      refundFen: order.amountFen,
      totalFen: order.amountFen,
      notifyUrl,
    });
    if (result.status === 'SUCCESS') {
      return {
        state: 'refunded',
        refundId: result.refundId,
        ...(result.successTime ? { refundedAt: result.successTime } : {}),
      };
    }
    if (result.status === 'PROCESSING') return { state: 'processing', refundId: result.refundId };
    return { state: 'failed', refundId: result.refundId };
  }

  /** A refund still processing, asked again (WeChat Pay only; the 非税 refund is immediate). */
  async refundState(order: PaymentOrderDocument, outRefundNo: string): Promise<RefundResult | undefined> {
    if (order.platform === 'nontax') return undefined;
    const refund = await this.wxpay.queryRefund(outRefundNo);
    if (!refund) return undefined;
    if (refund.status === 'SUCCESS') {
      return {
        state: 'refunded',
        refundId: refund.refundId,
        ...(refund.successTime ? { refundedAt: refund.successTime } : {}),
      };
    }
    return { state: refund.status === 'PROCESSING' ? 'processing' : 'failed', refundId: refund.refundId };
  }
}
