import type { z } from 'zod';
import type { Config } from '../../config';
import type { Clock } from '../../libraries/clock';
import { AppError } from '../../libraries/errors';
import type { Logger } from '../../libraries/logger';
import { SystemClient } from '../system-client';
import { openNontaxCallback } from './nontax.callback';
import {
  BillDataSchema,
  ClosedSchema,
  NONTAX_CODES,
  NONTAX_OK,
  NontaxAnswerSchema,
  OrderDataSchema,
  PaymentCreatedSchema,
  RefundDataSchema,
  StatementSchema,
  isNontaxSignature,
  signedRequest,
  type NontaxAnswer,
} from './nontax.dialect';
import { compactTime, fenFromYuan, statementSettlement, toFineBill, toSettlement, yuanFromFen } from './nontax.mapping';
import type { CallbackRejection, FineBill, FinePayment, FineSettlement, NontaxPort } from './nontax.types';

const API = '/nontax/api/v1';

/**
 * The provincial non-tax revenue platform (非税收入, 缴款码): the bill of a
 * 决定书, payment orders at its cashier, settlements, refunds and the daily
 * 对账单. Every request is signed; every successful answer's signature is
 * checked before it is believed (a forged "paid" must not settle an order).
 * All its operations are idempotent (per ddh / tkdh), so each is retried.
 */
export class NontaxClient extends SystemClient implements NontaxPort {
  constructor(
    private readonly settings: Config['nontax'],
    logger: Logger,
    /** Stamps requests; the platform refuses stamps more than 5 minutes from its clock. */
    private readonly clock: Clock,
  ) {
    super(
      { name: 'nontax', label: '非税收入缴款平台' },
      { baseUrl: settings.baseUrl, timeoutMs: settings.timeoutMs, retries: 1 },
      logger,
    );
  }

  async billOf(decisionNo: string): Promise<FineBill | undefined> {
    const answer = await this.signedCall('/bill/query', { jdsbh: decisionNo });
    if (answer.code === NONTAX_CODES.NO_BILL) return undefined;
    const data = this.data(answer, BillDataSchema, 'bill/query');
    if (data.jdsbh !== decisionNo) throw this.failure('nontax bill answered for another decision');
    const bill = toFineBill(data);
    if (!bill) throw this.failure('nontax bill does not add up');
    return bill;
  }

  async startPayment(payment: FinePayment): Promise<{ cashierUrl: string }> {
    const answer = await this.signedCall('/payment/create', {
      jkm: payment.paymentCode,
      ddh: payment.outTradeNo,
      jyje: yuanFromFen(payment.amountFen),
      tzdz: payment.notifyUrl,
      fhdz: payment.returnUrl,
      sxsj: compactTime(payment.expiresAt),
    });
    switch (answer.code) {
      case NONTAX_CODES.BILL_PAID:
        throw new AppError({ code: 'ALREADY_PAID' });
      case NONTAX_CODES.NO_BILL:
        throw new AppError({ code: 'FINE_NOT_FOUND' });
      case NONTAX_CODES.BILL_VOID:
        throw new AppError({ code: 'FINE_NOT_FOUND', message: '该决定书的缴款码已作废，请联系处罚机关核实' });
      case NONTAX_CODES.AMOUNT_MISMATCH:
        // Crossing midnight can add a day of 加处罚款: the amount is read again before the next try.
        throw new AppError({
          code: 'UPSTREAM_UNAVAILABLE',
          message: '应缴金额已更新，请返回刷新后重新缴款',
          expose: true,
          cause: new Error('nontax payment/create 2003 amount mismatch'),
        });
    }
    const data = this.data(answer, PaymentCreatedSchema, 'payment/create');
    if (data.ddh !== payment.outTradeNo || fenFromYuan(data.jyje) !== payment.amountFen) {
      throw this.failure('nontax payment/create answered for another order');
    }
    return { cashierUrl: data.syturl };
  }

  async settlement(outTradeNo: string): Promise<FineSettlement | undefined> {
    const answer = await this.signedCall('/payment/query', { ddh: outTradeNo });
    if (answer.code === NONTAX_CODES.NO_ORDER) return undefined;
    const data = this.data(answer, OrderDataSchema, 'payment/query');
    if (data.ddh !== outTradeNo) throw this.failure('nontax payment/query answered for another order');
    if (data.zt === '1' || data.zt === '3') {
      const settlement = toSettlement(data);
      if (!settlement) throw this.failure('nontax paid order without time, trade or receipt number');
      return settlement;
    }
    return undefined;
  }

  /** An order the platform does not know cannot be paid: closed. */
  async closePayment(outTradeNo: string): Promise<'closed' | 'paid'> {
    const answer = await this.signedCall('/payment/close', { ddh: outTradeNo });
    if (answer.code === NONTAX_CODES.ORDER_PAID) return 'paid';
    if (answer.code === NONTAX_CODES.NO_ORDER) return 'closed';
    const data = this.data(answer, ClosedSchema, 'payment/close');
    if (data.ddh !== outTradeNo) throw this.failure('nontax payment/close answered for another order');
    return 'closed';
  }

  async refund(r: {
    outTradeNo: string;
    outRefundNo: string;
    amountFen: number;
    reason: string;
  }): Promise<{ refundNo: string }> {
    const answer = await this.signedCall('/payment/refund', {
      ddh: r.outTradeNo,
      tkdh: r.outRefundNo,
      tkje: yuanFromFen(r.amountFen),
      tkyy: r.reason,
    });
    const data = this.data(answer, RefundDataSchema, 'payment/refund');
    if (data.ddh !== r.outTradeNo || data.tkdh !== r.outRefundNo) {
      throw this.failure('nontax payment/refund answered for another refund');
    }
    return { refundNo: data.tklsh };
  }

  async statement(day: string): Promise<FineSettlement[]> {
    const dzrq = day.replaceAll('-', '');
    if (!/^\d{8}$/.test(dzrq)) throw new Error(`statement day must be yyyy-MM-dd: ${day}`);
    const answer = await this.signedCall('/statement/query', { dzrq });
    const data = this.data(answer, StatementSchema, 'statement/query');
    if (data.dzrq !== dzrq) throw this.failure('nontax statement answered for another day');
    return data.mx.map((line) => {
      const settlement = statementSettlement(line);
      if (!settlement) throw this.failure('nontax statement line without a payment time');
      return settlement;
    });
  }

  openCallback(
    _headers: Record<string, string | undefined>,
    rawBody: string,
    now: Date,
  ): { ok: true; settlement: FineSettlement } | { ok: false; rejection: CallbackRejection } {
    // The platform signs inside the body; no header takes part.
    return openNontaxCallback(this.settings, rawBody, now);
  }

  /**
   * One signed call. A replayed nonce (1004) means an earlier attempt of this very call reached the
   * platform and its answer was lost: every operation being idempotent, it is asked again, freshly signed.
   */
  private async signedCall(path: string, fields: Record<string, string>): Promise<NontaxAnswer> {
    let answer = await this.sendOnce(path, fields);
    if (answer.code === NONTAX_CODES.NONCE_USED) answer = await this.sendOnce(path, fields);
    return answer;
  }

  private sendOnce(path: string, fields: Record<string, string>): Promise<NontaxAnswer> {
    return this.call({
      method: 'POST',
      path: `${API}${path}`,
      body: signedRequest(this.settings, this.clock.now(), fields),
      safe: true,
      schema: NontaxAnswerSchema,
    });
  }

  /** The data of a successful, correctly signed answer; anything else is the platform failing us. */
  private data<S extends z.ZodType>(answer: NontaxAnswer, schema: S, what: string): z.output<S> {
    if (answer.code !== NONTAX_OK) throw this.failure(`nontax ${what} ${answer.code} ${answer.msg}`);
    if (!isNontaxSignature(this.settings.appSecret, answer))
      throw this.failure(`nontax ${what} answer signature does not match`);
    const parsed = schema.safeParse(answer.data);
    if (!parsed.success) throw this.failure(`nontax ${what} unexpected data`, parsed.error);
    return parsed.data;
  }
}
