import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { Config } from '../../config';
import { systemClock, type Clock } from '../../libraries/clock';
import type { Logger } from '../../libraries/logger';
import { SystemClient } from '../system-client';
import type { RawAnswer } from '../upstream-client';
import {
  ErrorSchema,
  H5Schema,
  NotificationSchema,
  PAYMENT_EVENT,
  PrepaySchema,
  REFUND_EVENTS,
  RefundNoticeSchema,
  RefundSchema,
  TradeBillSchema,
  TransactionSchema,
  WXPAY_ERRORS,
} from './wxpay.dialect';
import { billLinesOf, refundOf, refundOfNotice, toRfc3339, tradeOf } from './wxpay.mapping';
import {
  answerMessage,
  authorization,
  decryptResource,
  newNonce,
  paySignMessage,
  signMessage,
  verifyMessage,
} from './wxpay.signing';
import type {
  BillLine,
  JsapiPayment,
  NoticeRejection,
  PayOrder,
  Refund,
  RefundOrder,
  Trade,
  WxpayNotice,
  WxpayPort,
} from './wxpay.types';

/** A notice older or newer than this (against our clock) is refused: a replay, or a clock gone wrong. */
export const NOTICE_WINDOW_MS = 5 * 60_000;

type Opened = { ok: true; notice: WxpayNotice } | { ok: false; rejection: NoticeRejection };

/**
 * WeChat Pay API v3 for our merchant: JSAPI (mini-program) and H5 orders, query, close, refunds, the
 * daily trade bill, and the notifications it pushes. Every request is signed with the merchant key;
 * every answer must carry a good platform signature (by the configured platform public key) before
 * it is believed, so an amount or a "paid" cannot be forged on the way.
 */
export class WxpayClient extends SystemClient implements WxpayPort {
  private readonly basePath: string;

  constructor(
    private readonly config: Config['wxpay'],
    logger: Logger,
    /** Stamps our requests and paySigns. */
    private readonly clock: Clock = systemClock,
  ) {
    super(
      { name: 'wxpay', label: '微信支付' },
      { baseUrl: config.baseUrl, timeoutMs: config.timeoutMs, retries: 1 },
      logger,
    );
    this.basePath = new URL(config.baseUrl).pathname.replace(/\/$/, '');
  }

  /** Orders are idempotent per out_trade_no at the platform (same fields, same prepay_id), so retries are safe. */
  async jsapi(order: PayOrder & { payerOpenid: string }): Promise<JsapiPayment> {
    const answer = await this.send('POST', '/v3/pay/transactions/jsapi', {
      ...this.orderFields(order),
      payer: { openid: order.payerOpenid },
    });
    const { prepay_id: prepayId } = this.expect(answer, 200, PrepaySchema, 'jsapi');
    const timeStamp = String(Math.floor(this.clock.now().getTime() / 1000));
    const nonceStr = newNonce();
    const pkg = `prepay_id=${prepayId}`;
    return {
      prepayId,
      requestPayment: {
        appId: this.config.appId,
        timeStamp,
        nonceStr,
        package: pkg,
        signType: 'RSA',
        paySign: signMessage(
          this.config.merchantPrivateKey,
          paySignMessage(this.config.appId, timeStamp, nonceStr, pkg),
        ),
      },
    };
  }

  async h5(order: PayOrder & { payerClientIp: string }): Promise<{ h5Url: string }> {
    const answer = await this.send('POST', '/v3/pay/transactions/h5', {
      ...this.orderFields(order),
      scene_info: { payer_client_ip: order.payerClientIp, h5_info: { type: 'Wap' } },
    });
    return { h5Url: this.expect(answer, 200, H5Schema, 'h5').h5_url };
  }

  async query(outTradeNo: string): Promise<Trade | undefined> {
    const answer = await this.send(
      'GET',
      `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}?mchid=${encodeURIComponent(this.config.mchId)}`,
    );
    if (this.refusal(answer) === WXPAY_ERRORS.ORDER_NOT_EXIST) return undefined;
    const wire = this.expect(answer, 200, TransactionSchema, 'query');
    if (wire.out_trade_no !== outTradeNo || wire.mchid !== this.config.mchId)
      throw this.failure('wxpay query answered for another order');
    return tradeOf(wire);
  }

  /** Closes the order, idempotent (an unknown order is as good as closed); 'paid' when the platform answers ORDERPAID. */
  async closeOrder(outTradeNo: string): Promise<'closed' | 'paid'> {
    const answer = await this.send(
      'POST',
      `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}/close`,
      {
        mchid: this.config.mchId,
      },
    );
    if (answer.status === 204 || answer.status === 200) return 'closed';
    const code = this.refusal(answer);
    if (code === WXPAY_ERRORS.ORDERPAID) return 'paid';
    if (code === WXPAY_ERRORS.ORDER_NOT_EXIST) return 'closed';
    throw this.failure(`wxpay close HTTP ${answer.status} ${code ?? ''}`);
  }

  /** Idempotent per out_refund_no at the platform, so retries are safe. */
  async refund(order: RefundOrder): Promise<Refund> {
    const answer = await this.send('POST', '/v3/refund/domestic/refunds', {
      out_trade_no: order.outTradeNo,
      out_refund_no: order.outRefundNo,
      reason: order.reason,
      notify_url: order.notifyUrl,
      amount: { refund: order.refundFen, total: order.totalFen, currency: 'CNY' },
    });
    const wire = this.expect(answer, 200, RefundSchema, 'refund');
    if (wire.out_refund_no !== order.outRefundNo) throw this.failure('wxpay refund answered for another refund');
    return refundOf(wire);
  }

  async queryRefund(outRefundNo: string): Promise<Refund | undefined> {
    const answer = await this.send('GET', `/v3/refund/domestic/refunds/${encodeURIComponent(outRefundNo)}`);
    if (this.refusal(answer) === WXPAY_ERRORS.RESOURCE_NOT_EXISTS) return undefined;
    const wire = this.expect(answer, 200, RefundSchema, 'query refund');
    if (wire.out_refund_no !== outRefundNo) throw this.failure('wxpay refund query answered for another refund');
    return refundOf(wire);
  }

  /** The ALL bill of a Beijing day; none (no trades that day) is an empty list. */
  async tradeBill(day: string): Promise<BillLine[]> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`tradeBill: not a yyyy-MM-dd day: ${day}`);
    const answer = await this.send('GET', `/v3/bill/tradebill?bill_date=${day}&bill_type=ALL`);
    if (this.refusal(answer) === WXPAY_ERRORS.NO_STATEMENT_EXIST) return [];
    const bill = this.expect(answer, 200, TradeBillSchema, 'tradebill');
    // Only ever our platform's host: the path and query of download_url, on our connection.
    const url = new URL(bill.download_url);
    const path = url.pathname.startsWith(`${this.basePath}/`) ? url.pathname.slice(this.basePath.length) : url.pathname;
    // The file's answer is not signed (the platform says so): its SHA1 from the signed answer vouches for it.
    const file = await this.send('GET', `${path}${url.search}`, undefined, false);
    if (file.status !== 200) throw this.failure(`wxpay bill download HTTP ${file.status}`);
    const sha1 = createHash('sha1').update(file.text, 'utf8').digest('hex');
    if (sha1 !== bill.hash_value.toLowerCase()) throw this.failure('wxpay bill hash does not match');
    try {
      return billLinesOf(file.text);
    } catch (error) {
      throw this.failure('wxpay bill unreadable', error);
    }
  }

  openNotice(headers: Record<string, string | undefined>, rawBody: string, now: Date): Opened {
    const header = (name: string): string | undefined => {
      const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
      return key === undefined ? undefined : headers[key];
    };
    const timestamp = header('wechatpay-timestamp');
    const nonce = header('wechatpay-nonce');
    const signature = header('wechatpay-signature');
    const serial = header('wechatpay-serial');
    if (serial !== this.config.platformPublicKeyId) return { ok: false, rejection: 'unknown-key' };
    if (timestamp === undefined || nonce === undefined || signature === undefined || !/^\d{1,12}$/.test(timestamp))
      return { ok: false, rejection: 'bad-signature' };
    if (!verifyMessage(this.config.platformPublicKey, answerMessage(timestamp, nonce, rawBody), signature))
      return { ok: false, rejection: 'bad-signature' };
    if (Math.abs(now.getTime() - Number(timestamp) * 1000) > NOTICE_WINDOW_MS) return { ok: false, rejection: 'stale' };
    const body = NotificationSchema.safeParse(parseJson(rawBody));
    if (!body.success) return { ok: false, rejection: 'malformed' };
    const plain = decryptResource(this.config.apiV3Key, body.data.resource);
    if (plain === undefined) return { ok: false, rejection: 'undecryptable' };
    const { id, event_type: event } = body.data;
    if (event === PAYMENT_EVENT) {
      const trade = TransactionSchema.safeParse(parseJson(plain));
      if (!trade.success || trade.data.mchid !== this.config.mchId) return { ok: false, rejection: 'malformed' };
      return { ok: true, notice: { kind: 'payment', id, trade: tradeOf(trade.data) } };
    }
    if (REFUND_EVENTS.includes(event)) {
      const refund = RefundNoticeSchema.safeParse(parseJson(plain));
      if (!refund.success || refund.data.mchid !== this.config.mchId) return { ok: false, rejection: 'malformed' };
      return { ok: true, notice: { kind: 'refund', id, refund: refundOfNotice(refund.data) } };
    }
    return { ok: false, rejection: 'malformed' };
  }

  private orderFields(order: PayOrder): Record<string, unknown> {
    return {
      appid: this.config.appId,
      mchid: this.config.mchId,
      description: order.description,
      out_trade_no: order.outTradeNo,
      time_expire: toRfc3339(order.expiresAt),
      ...(order.attach === undefined ? {} : { attach: order.attach }),
      notify_url: order.notifyUrl,
      amount: { total: order.amountFen, currency: 'CNY' },
    };
  }

  /**
   * One signed call. Every call is safe to retry: orders, closes and refunds are idempotent per our
   * numbers at the platform. `signed` answers must verify with the platform key, or the call failed.
   */
  private send(method: 'GET' | 'POST', path: string, body?: object, signed = true): Promise<RawAnswer> {
    const text = body === undefined ? '' : JSON.stringify(body);
    const auth = authorization(
      { mchid: this.config.mchId, serialNo: this.config.merchantSerial, privateKey: this.config.merchantPrivateKey },
      {
        method,
        url: this.basePath + path,
        body: text,
        timestamp: String(Math.floor(this.clock.now().getTime() / 1000)),
        nonce: newNonce(),
      },
    );
    return this.upstream.exchange({
      method,
      path,
      ...(body === undefined ? {} : { body: text }),
      headers: { authorization: auth },
      safe: true,
      ...(signed ? { check: (answer: RawAnswer) => this.signatureProblem(answer) } : {}),
    });
  }

  private signatureProblem(answer: RawAnswer): string | undefined {
    const { headers } = answer;
    const timestamp = headers['wechatpay-timestamp'];
    const nonce = headers['wechatpay-nonce'];
    const signature = headers['wechatpay-signature'];
    if (timestamp === undefined || nonce === undefined || signature === undefined) return 'answer not signed';
    if (headers['wechatpay-serial'] !== this.config.platformPublicKeyId) return 'answer signed with an unknown key';
    if (!verifyMessage(this.config.platformPublicKey, answerMessage(timestamp, nonce, answer.text), signature))
      return 'answer signature does not match';
    return undefined;
  }

  /** The platform's refusal code of a 4xx answer, if it is one. */
  private refusal(answer: RawAnswer): string | undefined {
    if (answer.status < 400) return undefined;
    const parsed = ErrorSchema.safeParse(parseJson(answer.text));
    return parsed.success ? parsed.data.code : undefined;
  }

  /** The answer's body in the given status and shape; anything else (a refusal we do not expect) is a failure. */
  private expect<S extends z.ZodType>(answer: RawAnswer, status: number, schema: S, what: string): z.output<S> {
    if (answer.status !== status) {
      throw this.failure(`wxpay ${what} HTTP ${answer.status} ${this.refusal(answer) ?? ''}`.trim());
    }
    const parsed = schema.safeParse(parseJson(answer.text));
    if (!parsed.success) throw this.failure(`wxpay ${what} unexpected body`, parsed.error);
    return parsed.data;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
