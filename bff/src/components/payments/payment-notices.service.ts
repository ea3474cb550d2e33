import type { Clock } from '../../libraries/clock';
import type { Logger } from '../../libraries/logger';
import type { NontaxPort } from '../../upstreams/nontax/nontax.types';
import type { WxpayPort } from '../../upstreams/wxpay/wxpay.types';
import type { PaymentsRepository } from './payments.repository';
import { tradeEvidence } from './platforms';
import type { SettlementService } from './settlement.service';

export type Headers = Record<string, string | undefined>;

/** What a notice came to: accepted (also when it changed nothing), or refused with the status to answer. */
export type NoticeAnswer = { ok: true } | { ok: false; status: 400 | 401; reason: string };

/** A forged signature or an unknown key is 401; a stale, undecryptable or malformed notice 400. */
const UNAUTHENTIC = new Set(['bad-signature', 'unknown-key']);

/**
 * The platforms' notices, verified by the ports (signature, 5-minute window,
 * decryption) before anything is read. A verified notice is settled through
 * the same conditional steps as a query, so a replay, a duplicate or a late
 * notice changes nothing; one for a trade we do not know is acknowledged
 * (the reconciliation reports it) so the platform stops repeating it.
 */
export class PaymentNoticesService {
  constructor(
    private readonly deps: {
      wxpay: Pick<WxpayPort, 'openNotice'>;
      nontax: Pick<NontaxPort, 'openCallback'>;
      orders: PaymentsRepository;
      settlement: SettlementService;
      clock: Clock;
      logger: Logger;
    },
  ) {}

  async wxpay(headers: Headers, rawBody: string): Promise<NoticeAnswer> {
    const opened = this.deps.wxpay.openNotice(headers, rawBody, this.deps.clock.now());
    if (!opened.ok) {
      this.deps.logger.warn({ rejection: opened.rejection }, 'WeChat Pay notice refused');
      return { ok: false, status: UNAUTHENTIC.has(opened.rejection) ? 401 : 400, reason: opened.rejection };
    }
    const notice = opened.notice;
    if (notice.kind === 'refund') {
      const { refund } = notice;
      const state = refund.status === 'SUCCESS' ? 'refunded' : refund.status === 'PROCESSING' ? 'processing' : 'failed';
      await this.deps.settlement.refundNotice(refund.outTradeNo, refund.outRefundNo, {
        state,
        refundId: refund.refundId,
        refundFen: refund.refundFen,
        ...(refund.successTime ? { refundedAt: refund.successTime } : {}),
      });
      return { ok: true };
    }
    const { trade } = notice;
    const order = await this.deps.orders.findByTradeNo(trade.outTradeNo);
    if (!order) {
      this.deps.logger.warn({}, 'WeChat Pay notice for a trade we do not know; acknowledged');
      return { ok: true };
    }
    const evidence = tradeEvidence(trade);
    if ((trade.state === 'SUCCESS' || trade.state === 'REFUND') && evidence) {
      await this.deps.settlement.paid(order, evidence, 'notice');
    }
    return { ok: true };
  }

  async nontax(headers: Headers, rawBody: string): Promise<NoticeAnswer> {
    const opened = this.deps.nontax.openCallback(headers, rawBody, this.deps.clock.now());
    if (!opened.ok) {
      this.deps.logger.warn({ rejection: opened.rejection }, '非税 callback refused');
      return { ok: false, status: opened.rejection === 'bad-signature' ? 401 : 400, reason: opened.rejection };
    }
    const { settlement } = opened;
    const order = await this.deps.orders.findByTradeNo(settlement.outTradeNo);
    if (!order) {
      this.deps.logger.warn({}, '非税 callback for an order we do not know; acknowledged');
      return { ok: true };
    }
    await this.deps.settlement.paid(
      order,
      {
        transactionId: settlement.platformTradeNo,
        amountFen: settlement.amountFen,
        paidAt: settlement.paidAt,
        receiptNo: settlement.receiptNo,
      },
      'notice',
    );
    return { ok: true };
  }
}
