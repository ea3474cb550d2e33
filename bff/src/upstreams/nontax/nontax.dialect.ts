import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * The provincial non-tax revenue platform (广东省非税收入收缴, 缴款码) as an
 * integrating app speaks to it. Every call is POST JSON of flat string
 * parameters with the common ones appId, timestamp (epoch ms, within 5
 * minutes of the platform's clock), nonce (8-64 letters/digits, once),
 * signType "HMAC-SHA256" and sign = upper-case hex HMAC-SHA256(appSecret,
 * canonical string): the parameters but sign with a non-empty value, sorted
 * by name, as name=value joined by & (an object value enters as its JSON).
 * Answers {code, msg, data?, timestamp, nonce, sign}, signed the same way
 * (data as its JSON text); a refusal of a caller whose sign failed comes unsigned.
 *   /nontax/api/v1/bill/query       {jdsbh | jkm}
 *        -> {jkm, jdsbh, zsdwmc, jkrmc (masked), fkje, jcfk (加处罚款), yjje (today), jfqx (yyyyMMdd),
 *            zt 0 未缴 | 1 已缴 | 2 作废, jkrq?, pjh?, jylsh?}
 *   /nontax/api/v1/payment/create   {jkm, ddh, jyje (= today's yjje), tzdz (notify URL), fhdz (return URL),
 *                                    sxsj (expiry yyyyMMddHHmmss)}  -> {ddh, jkm, jyje, syturl (cashier), sxsj}
 *                                    idempotent per ddh with the same content
 *   /nontax/api/v1/payment/query    {ddh}  -> {ddh, jkm, jyje, zt 0 待支付 | 1 已支付 | 2 已关闭 | 3 已退款, sxsj,
 *                                              jylsh?, zfsj?, pjh?, tkdh?, tklsh?, tksj?}
 *   /nontax/api/v1/payment/close    {ddh}  -> {ddh, zt: '2'}; 2007 when paid
 *   /nontax/api/v1/payment/refund   {ddh, tkdh, tkje (full amount), tkyy}  -> {ddh, tkdh, tklsh, tkje, tksj}
 *   /nontax/api/v1/statement/query  {dzrq yyyyMMdd} -> {dzrq, bs, mx: [{lx 1 缴款 | 2 退款, ddh, jkm, jdsbh, jyje,
 *                                              jylsh, zfsj, pjh, tkdh?, tklsh?, tkje?, tksj?}]}
 * Callback to tzdz after a payment: POST JSON {appId, timestamp, nonce, signType, sign, tzlx: 'PAY', ddh, jkm,
 * jdsbh, jyje, jylsh, zfsj, pjh, zt: '1'}, signed like a request; acknowledged by HTTP 200 {"code":"0000"},
 * retried (15 s, 30 s, 1 min, 5 min, 10 min, 30 min, then hourly) until then.
 * Amounts are yuan with two decimals, times yyyyMMddHHmmss Beijing.
 */

export const NONTAX_OK = '0000';
export const NONTAX_SIGN_TYPE = 'HMAC-SHA256';
/** How far a timestamp may be from the receiver's clock. */
export const NONTAX_TIMESTAMP_WINDOW_MS = 5 * 60_000;

export const NONTAX_CODES = {
  BAD_PARAMS: '1001',
  BAD_SIGNATURE: '1002',
  BAD_TIMESTAMP: '1003',
  NONCE_USED: '1004',
  NO_BILL: '2001',
  NO_ORDER: '2002',
  AMOUNT_MISMATCH: '2003',
  BILL_PAID: '2004',
  BILL_VOID: '2005',
  ORDER_CONFLICT: '2006',
  ORDER_PAID: '2007',
  REFUND_AMOUNT: '2008',
  NOT_PAID: '2009',
  REFUND_CONFLICT: '2010',
  ORDER_CLOSED: '2011',
  ALREADY_REFUNDED: '2012',
  BUSY: '9999',
} as const;

/** The string both sides sign (see above). */
export function nontaxCanonical(params: Readonly<Record<string, unknown>>): string {
  return Object.keys(params)
    .filter((key) => key !== 'sign')
    .sort()
    .flatMap((key) => {
      const value = params[key];
      if (value === undefined || value === null || value === '') return [];
      return [`${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`];
    })
    .join('&');
}

export function nontaxSign(appSecret: string, params: Readonly<Record<string, unknown>>): string {
  return createHmac('sha256', appSecret).update(nontaxCanonical(params), 'utf8').digest('hex').toUpperCase();
}

export function isNontaxSignature(appSecret: string, params: Readonly<Record<string, unknown>>): boolean {
  const presented = params['sign'];
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(presented.toUpperCase(), 'utf8');
  const b = Buffer.from(nontaxSign(appSecret, params), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A request's parameters with the common ones and the sign. */
export function signedRequest(
  app: { appId: string; appSecret: string },
  now: Date,
  fields: Record<string, string>,
): Record<string, string> {
  const params: Record<string, string> = {
    ...fields,
    appId: app.appId,
    timestamp: String(now.getTime()),
    nonce: randomBytes(16).toString('hex'),
    signType: NONTAX_SIGN_TYPE,
  };
  return { ...params, sign: nontaxSign(app.appSecret, params) };
}

const Yuan = z.string().regex(/^\d{1,9}\.\d{2}$/);
const CompactTime = z.string().regex(/^\d{14}$/);
const CompactDay = z.string().regex(/^\d{8}$/);
const PaymentCode = z.string().regex(/^\d{20}$/);

/** The envelope; data is checked per call once the signature (which covers it as sent) holds. */
export const NontaxAnswerSchema = z.looseObject({
  code: z.string(),
  msg: z.string(),
  data: z.unknown().optional(),
  timestamp: z.string(),
  nonce: z.string(),
  sign: z.string(),
});
export type NontaxAnswer = z.output<typeof NontaxAnswerSchema>;

export const BillDataSchema = z.object({
  jkm: PaymentCode,
  jdsbh: z.string().min(1),
  fkje: Yuan,
  jcfk: Yuan,
  yjje: Yuan,
  jfqx: CompactDay,
  zt: z.enum(['0', '1', '2']),
  jkrq: CompactTime.optional(),
  pjh: z.string().min(1).optional(),
  jylsh: z.string().min(1).optional(),
});
export type BillData = z.output<typeof BillDataSchema>;

export const PaymentCreatedSchema = z.object({
  ddh: z.string(),
  jkm: PaymentCode,
  jyje: Yuan,
  syturl: z.url({ protocol: /^https?$/ }),
  sxsj: CompactTime,
});

export const OrderDataSchema = z.object({
  ddh: z.string(),
  jkm: PaymentCode,
  jyje: Yuan,
  zt: z.enum(['0', '1', '2', '3']),
  jylsh: z.string().min(1).optional(),
  zfsj: CompactTime.optional(),
  pjh: z.string().min(1).optional(),
  tkdh: z.string().optional(),
  tklsh: z.string().optional(),
  tksj: CompactTime.optional(),
});
export type OrderData = z.output<typeof OrderDataSchema>;

export const ClosedSchema = z.object({ ddh: z.string(), zt: z.literal('2') });

export const RefundDataSchema = z.object({
  ddh: z.string(),
  tkdh: z.string(),
  tklsh: z.string().min(1),
  tkje: Yuan,
  tksj: CompactTime,
});

const StatementLineSchema = z.object({
  lx: z.enum(['1', '2']),
  ddh: z.string(),
  jkm: PaymentCode,
  jyje: Yuan,
  jylsh: z.string().min(1),
  zfsj: CompactTime,
  pjh: z.string().min(1),
  tkdh: z.string().optional(),
  tklsh: z.string().optional(),
  tkje: Yuan.optional(),
  tksj: CompactTime.optional(),
});
export type StatementLine = z.output<typeof StatementLineSchema>;

export const StatementSchema = z.object({ dzrq: CompactDay, bs: z.string(), mx: z.array(StatementLineSchema) });

/** The payment callback's body (every value a string; the sign covers all of them). */
export const CallbackSchema = z.object({
  appId: z.string(),
  timestamp: z.string().regex(/^\d{13}$/),
  nonce: z.string().min(8),
  signType: z.literal(NONTAX_SIGN_TYPE),
  sign: z.string(),
  tzlx: z.literal('PAY'),
  ddh: z.string().min(1),
  jkm: PaymentCode,
  jyje: Yuan,
  jylsh: z.string().min(1),
  zfsj: CompactTime,
  pjh: z.string().min(1),
  zt: z.literal('1'),
});
export type CallbackBody = z.output<typeof CallbackSchema>;
