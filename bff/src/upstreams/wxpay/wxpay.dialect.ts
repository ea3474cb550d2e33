import { z } from 'zod';

/**
 * WeChat Pay API v3 for a direct merchant (直连商户), 微信支付公钥 mode. Every request carries
 * `Authorization: WECHATPAY2-SHA256-RSA2048 mchid=..,nonce_str=..,signature=..,timestamp=..,serial_no=..`
 * (see wxpay.signing.ts); every answer carries Wechatpay-Timestamp/-Nonce/-Signature/-Serial, the serial
 * being the platform public key's id. Amounts in fen, currency CNY; instants rfc3339 (+08:00).
 *   POST /v3/pay/transactions/jsapi  {appid, mchid, description, out_trade_no, time_expire, attach?, notify_url,
 *        amount: {total, currency}, payer: {openid}}                               -> 200 {prepay_id}
 *   POST /v3/pay/transactions/h5     {..., scene_info: {payer_client_ip, h5_info: {type: 'Wap'}}} -> 200 {h5_url}
 *   GET  /v3/pay/transactions/out-trade-no/{out_trade_no}?mchid=                  -> 200 transaction | 404 ORDER_NOT_EXIST
 *   POST /v3/pay/transactions/out-trade-no/{out_trade_no}/close {mchid}           -> 204 | 400 ORDERPAID
 *   POST /v3/refund/domestic/refunds {out_trade_no, out_refund_no, reason, notify_url, amount: {refund, total,
 *        currency}}                                                                -> 200 refund
 *   GET  /v3/refund/domestic/refunds/{out_refund_no}                               -> 200 refund | 404 RESOURCE_NOT_EXISTS
 *   GET  /v3/bill/tradebill?bill_date=yyyy-MM-dd&bill_type=ALL -> 200 {hash_type: SHA1, hash_value, download_url}
 *        | 400 NO_STATEMENT_EXIST (no trades that day); the file at download_url (signed request, UNSIGNED answer:
 *        check the SHA1) is CSV-like text whose detail fields each start with a backtick, amounts in yuan.
 *   refusals: 4xx {code, message}; 5xx SYSTEM_ERROR.
 * Notifications: POST to notify_url {id, create_time, event_type, resource_type: 'encrypt-resource', summary,
 * resource: {original_type, algorithm: AEAD_AES_256_GCM, ciphertext, associated_data, nonce}}, signed like answers.
 */

export const WXPAY_ERRORS = {
  ORDER_NOT_EXIST: 'ORDER_NOT_EXIST',
  ORDERPAID: 'ORDERPAID',
  RESOURCE_NOT_EXISTS: 'RESOURCE_NOT_EXISTS',
  NO_STATEMENT_EXIST: 'NO_STATEMENT_EXIST',
} as const;

export const ErrorSchema = z.object({ code: z.string().min(1), message: z.string().optional() });

export const PrepaySchema = z.object({ prepay_id: z.string().min(1) });

export const H5Schema = z.object({ h5_url: z.url({ protocol: /^https?$/ }) });

export const TRADE_STATES = ['SUCCESS', 'REFUND', 'NOTPAY', 'CLOSED', 'REVOKED', 'USERPAYING', 'PAYERROR'] as const;

export const TransactionSchema = z.object({
  appid: z.string().optional(),
  mchid: z.string().min(1),
  out_trade_no: z.string().min(1),
  transaction_id: z.string().min(1).optional(),
  trade_type: z.string().optional(),
  trade_state: z.enum(TRADE_STATES),
  trade_state_desc: z.string().optional(),
  success_time: z.string().optional(),
  attach: z.string().optional(),
  payer: z.object({ openid: z.string().min(1).optional() }).optional(),
  amount: z.object({
    total: z.number().int().nonnegative(),
    payer_total: z.number().int().optional(),
    currency: z.string().optional(),
  }),
});
export type TransactionWire = z.infer<typeof TransactionSchema>;

export const REFUND_STATUSES = ['SUCCESS', 'CLOSED', 'PROCESSING', 'ABNORMAL'] as const;

export const RefundSchema = z.object({
  refund_id: z.string().min(1),
  out_refund_no: z.string().min(1),
  transaction_id: z.string().optional(),
  out_trade_no: z.string().min(1),
  status: z.enum(REFUND_STATUSES),
  success_time: z.string().optional(),
  create_time: z.string().optional(),
  amount: z.object({ total: z.number().int(), refund: z.number().int().positive(), currency: z.string().optional() }),
});
export type RefundWire = z.infer<typeof RefundSchema>;

export const TradeBillSchema = z.object({
  hash_type: z.literal('SHA1'),
  hash_value: z.string().regex(/^[0-9a-fA-F]{40}$/),
  download_url: z.url({ protocol: /^https?$/ }),
});

export const NotificationSchema = z.object({
  id: z.string().min(1),
  create_time: z.string().optional(),
  event_type: z.string().min(1),
  resource_type: z.string().optional(),
  summary: z.string().optional(),
  resource: z.object({
    original_type: z.string().optional(),
    algorithm: z.literal('AEAD_AES_256_GCM'),
    ciphertext: z.string().min(1),
    associated_data: z.string().optional(),
    nonce: z.string().min(1),
  }),
});

/** The refund notification's resource: like a refund, with refund_status instead of status. */
export const RefundNoticeSchema = z.object({
  mchid: z.string().min(1),
  out_trade_no: z.string().min(1),
  transaction_id: z.string().optional(),
  refund_id: z.string().min(1),
  out_refund_no: z.string().min(1),
  refund_status: z.enum(REFUND_STATUSES),
  success_time: z.string().optional(),
  amount: z.object({ total: z.number().int(), refund: z.number().int().positive() }),
});
export type RefundNoticeWire = z.infer<typeof RefundNoticeSchema>;

/** Event types of payment and refund notifications. */
export const PAYMENT_EVENT = 'TRANSACTION.SUCCESS';
export const REFUND_EVENTS = ['REFUND.SUCCESS', 'REFUND.ABNORMAL', 'REFUND.CLOSED'];

/** Trade bill: the columns this adapter reads (0-based) of the ALL bill's detail rows. */
export const BILL_COLUMNS = {
  tradeTime: 0,
  transactionId: 5,
  outTradeNo: 6,
  state: 9,
  refundId: 14,
  outRefundNo: 15,
  refundYuan: 16,
  totalYuan: 24,
} as const;
export const BILL_SUMMARY_HEADER = '总交易单数';
