/**
 * WeChat Pay (API v3) in our terms: money in integer fen, instants as Dates. The port the payments
 * component uses; WxpayClient implements it against the platform (or the sandbox).
 */
export interface PayOrder {
  outTradeNo: string;
  description: string;
  amountFen: number;
  notifyUrl: string;
  expiresAt: Date;
  attach?: string;
}

export interface JsapiPayment {
  prepayId: string;
  /** What wx.requestPayment takes, paySign RSA-SHA256 */
  requestPayment: {
    appId: string;
    timeStamp: string;
    nonceStr: string;
    package: string;
    signType: 'RSA';
    paySign: string;
  };
}

export type TradeState = 'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED' | 'REVOKED' | 'USERPAYING' | 'PAYERROR';

export interface Trade {
  outTradeNo: string;
  transactionId?: string;
  state: TradeState;
  amountFen: number;
  payerOpenid?: string;
  successTime?: Date;
}

export interface RefundOrder {
  outTradeNo: string;
  outRefundNo: string;
  reason: string;
  refundFen: number;
  totalFen: number;
  notifyUrl: string;
}

export type RefundStatus = 'SUCCESS' | 'CLOSED' | 'PROCESSING' | 'ABNORMAL';

export interface Refund {
  outTradeNo: string;
  outRefundNo: string;
  refundId: string;
  status: RefundStatus;
  refundFen: number;
  successTime?: Date;
}

export interface BillLine {
  tradeTime: Date;
  transactionId: string;
  outTradeNo: string;
  kind: 'SUCCESS' | 'REFUND';
  totalFen: number;
  refundFen: number;
  outRefundNo?: string;
}

export type WxpayNotice =
  { kind: 'payment'; id: string; trade: Trade } | { kind: 'refund'; id: string; refund: Refund };

export type NoticeRejection = 'bad-signature' | 'stale' | 'unknown-key' | 'undecryptable' | 'malformed';

export interface WxpayPort {
  jsapi(order: PayOrder & { payerOpenid: string }): Promise<JsapiPayment>;
  h5(order: PayOrder & { payerClientIp: string }): Promise<{ h5Url: string }>;
  /** undefined = ORDER_NOT_EXIST */
  query(outTradeNo: string): Promise<Trade | undefined>;
  /** Idempotent; 'paid' when the order was paid meanwhile (the platform's ORDERPAID). */
  closeOrder(outTradeNo: string): Promise<'closed' | 'paid'>;
  /** Idempotent per outRefundNo. */
  refund(order: RefundOrder): Promise<Refund>;
  queryRefund(outRefundNo: string): Promise<Refund | undefined>;
  tradeBill(day: string /* yyyy-MM-dd, Beijing */): Promise<BillLine[]>;
  /** Verifies Wechatpay-Signature/-Timestamp/-Nonce/-Serial over the raw body (5-minute window) and decrypts the
   *  AEAD_AES_256_GCM resource. Never throws for a bad notice: returns the rejection. */
  openNotice(
    headers: Record<string, string | undefined>,
    rawBody: string,
    now: Date,
  ): { ok: true; notice: WxpayNotice } | { ok: false; rejection: NoticeRejection };
}
