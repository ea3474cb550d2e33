import { compactFromIsoDay, fromCompactDate } from '@suijing/shared';
import type { Clock } from '../../libraries/clock';
import type { Logger } from '../../libraries/logger';
import type { FineSettlement, NontaxPort } from '../../upstreams/nontax/nontax.types';
import type { BillLine, WxpayPort } from '../../upstreams/wxpay/wxpay.types';
import type { PaymentOrderDocument } from './payment-order.model';
import type { PaymentsRepository } from './payments.repository';
import type { PaymentPlatforms } from './platforms';
import type { SettlementService } from './settlement.service';
import { maskTradeNo } from './trade-numbers';

/** What the reconciliation put right by itself. */
export interface Fix {
  orderId: string;
  what: 'missed-payment-notice' | 'missed-refund-notice';
}

/** What it could not explain: for staff, with masked trade numbers only. */
export interface Difference {
  platform: 'wxpay' | 'nontax';
  kind: 'unknown-trade' | 'amount-mismatch' | 'evidence-mismatch' | 'we-paid-they-did-not' | 'refund-unsettled';
  tradeNoMasked: string;
  orderId?: string;
  ourFen?: number;
  theirFen?: number;
}

export interface ReconciliationReport {
  day: string;
  ranAt: string;
  matched: number;
  fixed: Fix[];
  differences: Difference[];
}

const DAY_MS = 86_400_000;

/** A platform's record of a payment or refund, whichever platform. */
interface StatementLine {
  outTradeNo: string;
  kind: 'payment' | 'refund';
  amountFen: number;
}

const wxpayLine = (line: BillLine): StatementLine => ({
  outTradeNo: line.outTradeNo,
  kind: line.kind === 'SUCCESS' ? 'payment' : 'refund',
  amountFen: line.kind === 'SUCCESS' ? line.totalFen : line.refundFen,
});

/** A 非税 statement row: a payment, and for a refunded one also its refund. */
const nontaxLines = (settlement: FineSettlement): StatementLine[] => [
  { outTradeNo: settlement.outTradeNo, kind: 'payment', amountFen: settlement.amountFen },
  ...(settlement.state === 'refunded'
    ? [{ outTradeNo: settlement.outTradeNo, kind: 'refund' as const, amountFen: settlement.amountFen }]
    : []),
];

/**
 * 对账: a Beijing day of our orders against WeChat Pay's trade bill and the
 * 非税 platform's statement. A payment the platform has and we still call
 * pending (its notice was lost) is settled through the platform's query, as
 * any query would; a refund likewise. The rest is stored as the day's report
 * for staff, and the command exits non-zero while any is left.
 */
export class ReconciliationService {
  constructor(
    private readonly deps: {
      orders: PaymentsRepository;
      platforms: PaymentPlatforms;
      settlement: SettlementService;
      wxpay: Pick<WxpayPort, 'tradeBill'>;
      nontax: Pick<NontaxPort, 'statement'>;
      clock: Clock;
      logger: Logger;
    },
  ) {}

  async reconcile(day: string): Promise<ReconciliationReport> {
    const from = fromCompactDate(compactFromIsoDay(day));
    if (!from) throw new Error(`not a day: ${day}`);
    const to = new Date(from.getTime() + DAY_MS);
    const [bill, statement] = await Promise.all([this.deps.wxpay.tradeBill(day), this.deps.nontax.statement(day)]);
    const report: ReconciliationReport = {
      day,
      ranAt: this.deps.clock.now().toISOString(),
      matched: 0,
      fixed: [],
      differences: [],
    };
    await this.platform('wxpay', bill.map(wxpayLine), { from, to }, report);
    await this.platform('nontax', statement.flatMap(nontaxLines), { from, to }, report);
    await this.deps.orders.saveReconciliation({
      _id: day,
      ranAt: this.deps.clock.now(),
      matched: report.matched,
      fixed: report.fixed,
      differences: report.differences,
    });
    const log =
      report.differences.length > 0
        ? this.deps.logger.warn.bind(this.deps.logger)
        : this.deps.logger.info.bind(this.deps.logger);
    log(
      { day, matched: report.matched, fixed: report.fixed.length, differences: report.differences.length },
      'payments reconciled',
    );
    return report;
  }

  private async platform(
    platform: 'wxpay' | 'nontax',
    lines: StatementLine[],
    day: { from: Date; to: Date },
    report: ReconciliationReport,
  ): Promise<void> {
    const ours = new Map((await this.deps.orders.forDay(platform, day.from, day.to)).map((o) => [o.outTradeNo, o]));
    const seenPaid = new Set<string>();
    for (const line of lines) {
      // An order opened the day before and paid today is not among the day's orders: looked up by number.
      const order = ours.get(line.outTradeNo) ?? (await this.deps.orders.findByTradeNo(line.outTradeNo));
      const masked = maskTradeNo(line.outTradeNo);
      if (!order) {
        report.differences.push({ platform, kind: 'unknown-trade', tradeNoMasked: masked, theirFen: line.amountFen });
        continue;
      }
      const orderId = order._id.toHexString();
      if (line.amountFen !== order.amountFen) {
        report.differences.push({
          platform,
          kind: 'amount-mismatch',
          tradeNoMasked: masked,
          orderId,
          ourFen: order.amountFen,
          theirFen: line.amountFen,
        });
        continue;
      }
      if (line.kind === 'payment') {
        seenPaid.add(order.outTradeNo);
        await this.payment(platform, order, masked, report);
      } else {
        await this.refund(platform, order, masked, report);
      }
    }
    for (const order of ours.values()) {
      const paidToday = order.paidAt && order.paidAt >= day.from && order.paidAt < day.to;
      if (paidToday && !seenPaid.has(order.outTradeNo)) {
        report.differences.push({
          platform,
          kind: 'we-paid-they-did-not',
          tradeNoMasked: maskTradeNo(order.outTradeNo),
          orderId: order._id.toHexString(),
          ourFen: order.amountFen,
        });
      }
    }
  }

  /** The platform was paid: we agree, or we missed the notice and settle it through the platform's query. */
  private async payment(
    platform: 'wxpay' | 'nontax',
    order: PaymentOrderDocument,
    masked: string,
    report: ReconciliationReport,
  ): Promise<void> {
    if (order.state !== 'pending' && order.state !== 'closed') {
      report.matched += 1;
      return;
    }
    const known = await this.deps.platforms.query(order);
    const settled =
      known.state === 'paid' || known.state === 'refunded'
        ? await this.deps.settlement.paid(order, known.evidence, 'reconciliation')
        : order;
    if (settled.state === 'pending' || settled.state === 'closed') {
      report.differences.push({
        platform,
        kind: 'evidence-mismatch',
        tradeNoMasked: masked,
        orderId: order._id.toHexString(),
      });
      return;
    }
    report.fixed.push({ orderId: order._id.toHexString(), what: 'missed-payment-notice' });
  }

  /** The platform refunded: we agree, or we missed the refund notice and settle it by asking. */
  private async refund(
    platform: 'wxpay' | 'nontax',
    order: PaymentOrderDocument,
    masked: string,
    report: ReconciliationReport,
  ): Promise<void> {
    if (order.state === 'refunded') {
      report.matched += 1;
      return;
    }
    const outRefundNo = order.refund?.outRefundNo;
    const result = outRefundNo ? await this.deps.platforms.refundState(order, outRefundNo) : undefined;
    const after =
      result && order.state === 'refunding' ? await this.deps.settlement.refundOutcome(order, result) : order;
    if (after.state === 'refunded') {
      report.fixed.push({ orderId: order._id.toHexString(), what: 'missed-refund-notice' });
      return;
    }
    report.differences.push({
      platform,
      kind: 'refund-unsettled',
      tradeNoMasked: masked,
      orderId: order._id.toHexString(),
    });
  }
}
