import type { Clock } from '../../libraries/clock';
import { AppError } from '../../libraries/errors';
import type { Logger } from '../../libraries/logger';
import type { ApprovalClient } from '../../upstreams/approval/approval.client';
import type { CaseEnding } from './case-endings';
import type { PaymentOrderDocument } from './payment-order.model';
import type { PaymentsRepository } from './payments.repository';
import type { PaymentEvidence, PaymentPlatforms, RefundResult } from './platforms';
import { newReceiptNo, outRefundNoOf } from './trade-numbers';

/** Closed unpaid orders are kept this long (for the citizen's 我的缴费 and complaints), then deleted. */
export const CLOSED_ORDER_RETENTION_MS = 180 * 86_400_000;

export const REFUND_REASONS = {
  duplicate: '重复支付自动退款',
  withdrawn: '撤回申请退款',
  rejected: '不予许可退款',
  notDue: '办件无需缴费自动退款',
} as const;

export interface SettlementDeps {
  orders: PaymentsRepository;
  platforms: PaymentPlatforms;
  approval: Pick<ApprovalClient, 'confirmFee' | 'recordRefund'>;
  /** A keyed hash of an openid, as orders keep their payer. */
  payerTag: (openid: string) => string;
  /** Where WeChat Pay sends refund notices. */
  refundNotifyUrl: string;
  clock: Clock;
  logger: Logger;
}

/** An upstream that did not answer: the step is retried by the sweep, the caller is not failed for it. */
function isUnavailable(error: unknown): boolean {
  return error instanceof AppError && error.code === 'UPSTREAM_UNAVAILABLE';
}

/**
 * The one place an order's state changes, whoever learned what: the
 * platforms' notices, our queries, the sweep and the reconciliation all end
 * here. Every step is conditional on the state it leaves, so notices
 * replayed, reordered or racing with a query converge on one result.
 */
export class SettlementService {
  constructor(private readonly deps: SettlementDeps) {}

  /**
   * A payment the platform vouches for. Counted only when the amount (and for
   * jsapi the payer) is the order's; then recorded once. The first paid order
   * of a thing keeps the money; a later one is refunded in full.
   */
  async paid(
    order: PaymentOrderDocument,
    evidence: PaymentEvidence,
    settledBy: 'notice' | 'query' | 'reconciliation',
  ): Promise<PaymentOrderDocument> {
    const problem = this.mismatch(order, evidence);
    if (problem) {
      // No amounts, trade numbers or openids in the line: the order id leads to them.
      this.deps.logger.error(
        { orderId: order._id.toHexString(), problem, settledBy },
        'payment evidence does not match the order; not accepted',
      );
      return order;
    }
    const changed = await this.deps.orders.markPaid(order._id, {
      paidAt: evidence.paidAt,
      transactionId: evidence.transactionId,
      receiptNo: evidence.receiptNo ?? newReceiptNo(evidence.paidAt),
      settledBy,
    });
    const current = (await this.deps.orders.find(order._id.toHexString())) ?? order;
    if (!changed) return current;
    this.deps.logger.info({ orderId: current._id.toHexString(), settledBy }, 'payment settled');
    return this.afterPaid(current);
  }

  /** Why evidence does not pay this order, if it does not. */
  mismatch(order: PaymentOrderDocument, evidence: PaymentEvidence): 'amount' | 'payer' | undefined {
    if (evidence.amountFen !== order.amountFen) return 'amount';
    if (order.channel === 'wxpay-jsapi') {
      if (!evidence.payerOpenid || this.deps.payerTag(evidence.payerOpenid) !== order.payerTag) return 'payer';
    }
    return undefined;
  }

  /** The money of a newly paid order: kept (a fee is then recorded with the approval system) or refunded. */
  private async afterPaid(order: PaymentOrderDocument): Promise<PaymentOrderDocument> {
    const keeper = await this.deps.orders.claim(order.thingKey, order._id, this.deps.clock.now());
    if (!keeper.equals(order._id)) {
      this.deps.logger.warn({ orderId: order._id.toHexString() }, 'second payment of the same thing; refunding it');
      await this.deps.orders.markDuplicate(order._id);
      return this.refund(order, REFUND_REASONS.duplicate);
    }
    if (order.kind === 'fee') return this.confirmFee(order);
    return order;
  }

  /**
   * Records a paid fee with the approval system. Unreachable: the sweep tries
   * again. No longer due (withdrawn, refused, decided meanwhile): refunded.
   */
  async confirmFee(order: PaymentOrderDocument): Promise<PaymentOrderDocument> {
    if (!order.transactionId || !order.paidAt) return order;
    try {
      await this.deps.approval.confirmFee(order.reference, {
        transactionId: order.transactionId,
        amountFen: order.amountFen,
        at: order.paidAt,
      });
    } catch (error) {
      if (isUnavailable(error)) {
        this.deps.logger.warn(
          { orderId: order._id.toHexString() },
          'approval system unreachable; fee confirmation retried later',
        );
        return order;
      }
      if (error instanceof AppError && (error.code === 'FEE_NOT_DUE' || error.code === 'ALREADY_PAID')) {
        this.deps.logger.warn(
          { orderId: order._id.toHexString(), reason: error.code },
          'fee no longer payable; refunding',
        );
        return this.refund(order, REFUND_REASONS.notDue);
      }
      throw error;
    }
    await this.deps.orders.markFeeConfirmed(order._id, this.deps.clock.now());
    return (await this.deps.orders.find(order._id.toHexString())) ?? order;
  }

  /**
   * Refunds a paid order in full. The refund is written first (paid ->
   * refunding), then asked of the platform: its notice may arrive before
   * its answer, and a failed call is asked again by the sweep.
   */
  async refund(order: PaymentOrderDocument, reason: string): Promise<PaymentOrderDocument> {
    await this.deps.orders.startRefund(order._id, {
      outRefundNo: outRefundNoOf(order.outTradeNo),
      amountFen: order.amountFen,
      reason,
      state: 'processing',
      requestedAt: this.deps.clock.now(),
    });
    const current = await this.deps.orders.find(order._id.toHexString());
    if (!current || current.state !== 'refunding') return current ?? order;
    return this.askRefund(current);
  }

  /** Asks the platform for the order's refund (again); idempotent per refund number. */
  async askRefund(order: PaymentOrderDocument): Promise<PaymentOrderDocument> {
    const refund = order.refund;
    if (!refund) return order;
    let result: RefundResult;
    try {
      result = await this.deps.platforms.refund(
        order,
        { outRefundNo: refund.outRefundNo, reason: refund.reason },
        this.deps.refundNotifyUrl,
      );
    } catch (error) {
      if (!isUnavailable(error)) throw error;
      this.deps.logger.warn(
        { orderId: order._id.toHexString() },
        'refund not requested yet (platform unreachable); retried later',
      );
      return order;
    }
    return this.refundOutcome(order, result);
  }

  /** What the platform said of a refund (its answer, a query or its notice). */
  async refundOutcome(order: PaymentOrderDocument, result: RefundResult): Promise<PaymentOrderDocument> {
    const id = order._id.toHexString();
    if (result.state === 'processing') return order;
    if (result.state === 'failed') {
      if (await this.deps.orders.markRefundFailed(order._id)) {
        this.deps.logger.error({ orderId: id }, 'the platform refused the refund; it must be handled by staff');
      }
      return (await this.deps.orders.find(id)) ?? order;
    }
    const refundedAt = result.refundedAt ?? this.deps.clock.now();
    if (await this.deps.orders.markRefunded(order._id, refundedAt, result.refundId)) {
      this.deps.logger.info({ orderId: id }, 'refund settled');
    }
    const current = (await this.deps.orders.find(id)) ?? order;
    return this.recordFeeRefund(current);
  }

  /** A refunded fee that the approval system had as paid: recorded there as refunded (retried by the sweep). */
  async recordFeeRefund(order: PaymentOrderDocument): Promise<PaymentOrderDocument> {
    if (order.kind !== 'fee' || order.state !== 'refunded' || !order.feeConfirmedAt || order.feeRefundRecordedAt) {
      return order;
    }
    if (!order.transactionId) return order;
    try {
      await this.deps.approval.recordRefund(order.reference, {
        transactionId: order.transactionId,
        amountFen: order.amountFen,
        at: order.refund?.refundedAt ?? this.deps.clock.now(),
      });
    } catch (error) {
      if (!isUnavailable(error)) throw error;
      this.deps.logger.warn({ orderId: order._id.toHexString() }, 'approval system unreachable; refund recorded later');
      return order;
    }
    await this.deps.orders.markFeeRefundRecorded(order._id, this.deps.clock.now());
    return (await this.deps.orders.find(order._id.toHexString())) ?? order;
  }

  /** A refund notice: for our refund of this order, at the full amount. */
  async refundNotice(
    outTradeNo: string,
    outRefundNo: string,
    result: RefundResult & { refundFen: number },
  ): Promise<void> {
    const order = await this.deps.orders.findByTradeNo(outTradeNo);
    if (!order || order.refund?.outRefundNo !== outRefundNo || result.refundFen !== order.amountFen) {
      this.deps.logger.warn({ orderId: order?._id.toHexString() }, 'refund notice for no refund of ours; ignored');
      return;
    }
    await this.refundOutcome(order, result);
  }

  /** Closes a pending order at the platform; paid meanwhile, it is settled instead. */
  async expire(order: PaymentOrderDocument): Promise<PaymentOrderDocument> {
    const closed = await this.deps.platforms.close(order);
    if (closed === 'paid') {
      const known = await this.deps.platforms.query(order);
      if (known.state === 'paid' || known.state === 'refunded') return this.paid(order, known.evidence, 'query');
      this.deps.logger.warn(
        { orderId: order._id.toHexString() },
        'platform says paid on close but not on query; left pending',
      );
      return order;
    }
    const now = this.deps.clock.now();
    if (await this.deps.orders.markClosed(order._id, now, new Date(now.getTime() + CLOSED_ORDER_RETENTION_MS))) {
      this.deps.logger.info({ orderId: order._id.toHexString() }, 'unpaid order closed');
    }
    return (await this.deps.orders.find(order._id.toHexString())) ?? order;
  }

  /** Asks the platform about a pending order and settles what it says; an expired unpaid one is closed. */
  async refresh(order: PaymentOrderDocument): Promise<PaymentOrderDocument> {
    const known = await this.deps.platforms.query(order);
    if (known.state === 'paid' || known.state === 'refunded') return this.paid(order, known.evidence, 'query');
    if (known.state === 'closed') {
      const now = this.deps.clock.now();
      await this.deps.orders.markClosed(order._id, now, new Date(now.getTime() + CLOSED_ORDER_RETENTION_MS));
      return (await this.deps.orders.find(order._id.toHexString())) ?? order;
    }
    if (order.expiresAt.getTime() <= this.deps.clock.now().getTime()) return this.expire(order);
    return order;
  }

  /** A case withdrawn or refused before its certificate: its paid fee goes back, unpaid orders are closed. */
  async caseEnded(ending: CaseEnding): Promise<void> {
    const thingKey = `fee:${ending.caseNo}`;
    const keeper = await this.deps.orders.keeperOf(thingKey);
    if (keeper?.state === 'paid') {
      await this.refund(keeper, ending.how === 'withdrawn' ? REFUND_REASONS.withdrawn : REFUND_REASONS.rejected);
    }
    for (const order of await this.deps.orders.ofThing(thingKey)) {
      if (order.state !== 'pending') continue;
      try {
        await this.expire(order);
      } catch (error) {
        // The sweep closes it when it expires; paid meanwhile, the approval system refuses it and it is refunded.
        if (!isUnavailable(error)) throw error;
      }
    }
  }
}
