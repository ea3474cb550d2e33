import { Types } from 'mongoose';
import { isDuplicateKey } from '../../libraries/database';
import type { PaymentModels, PaymentOrderDocument, ReconciliationDocument, RefundEntry } from './payment-order.model';

/** What an order is created with (its state is pending). */
export type NewOrder = Omit<
  PaymentOrderDocument,
  | '_id'
  | 'state'
  | 'paidAt'
  | 'closedAt'
  | 'transactionId'
  | 'receiptNo'
  | 'settledBy'
  | 'duplicate'
  | 'feeConfirmedAt'
  | 'feeRefundRecordedAt'
  | 'refund'
  | 'purgeAt'
> & { _id: Types.ObjectId };

/** What a verified payment records on its order. */
export interface PaidFields {
  paidAt: Date;
  transactionId: string;
  receiptNo: string;
  settledBy: 'notice' | 'query' | 'reconciliation';
}

/** Every MongoDB access of the payments component; each state change is conditional on the state it leaves. */
export class PaymentsRepository {
  constructor(private readonly models: PaymentModels) {}

  /** Inserts a new attempt; false when the attempt (or the trade number) is taken already (a lost race). */
  async insert(order: NewOrder): Promise<boolean> {
    try {
      await this.models.PaymentOrder.create({ ...order, state: 'pending' });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  find(id: string): Promise<PaymentOrderDocument | null> {
    if (!Types.ObjectId.isValid(id)) return Promise.resolve(null);
    return this.models.PaymentOrder.findById(id).lean<PaymentOrderDocument>().exec();
  }

  /** The user's own order, or null (also for someone else's). */
  findOwn(userId: string, id: string): Promise<PaymentOrderDocument | null> {
    if (!Types.ObjectId.isValid(id)) return Promise.resolve(null);
    return this.models.PaymentOrder.findOne({ _id: id, userId }).lean<PaymentOrderDocument>().exec();
  }

  findByTradeNo(outTradeNo: string): Promise<PaymentOrderDocument | null> {
    return this.models.PaymentOrder.findOne({ outTradeNo }).lean<PaymentOrderDocument>().exec();
  }

  /** The user's orders, newest first. */
  listOwn(userId: string, limit: number): Promise<PaymentOrderDocument[]> {
    return this.models.PaymentOrder.find({ userId })
      .sort({ createdAt: -1, _id: -1 })
      .limit(limit)
      .lean<PaymentOrderDocument[]>()
      .exec();
  }

  /** Every attempt at a thing, latest first. */
  ofThing(thingKey: string): Promise<PaymentOrderDocument[]> {
    return this.models.PaymentOrder.find({ thingKey }).sort({ attempt: -1 }).lean<PaymentOrderDocument[]>().exec();
  }

  /** pending (or closed: paid meanwhile) -> paid; false when it was not in either (settled already). */
  async markPaid(id: Types.ObjectId, fields: PaidFields): Promise<boolean> {
    const result = await this.models.PaymentOrder.updateOne(
      { _id: id, state: { $in: ['pending', 'closed'] } },
      { $set: { state: 'paid', ...fields }, $unset: { purgeAt: 1 } },
    );
    return result.modifiedCount === 1;
  }

  /** pending -> closed, to be deleted at purgeAt. */
  async markClosed(id: Types.ObjectId, closedAt: Date, purgeAt: Date): Promise<boolean> {
    const result = await this.models.PaymentOrder.updateOne(
      { _id: id, state: 'pending' },
      { $set: { state: 'closed', closedAt, purgeAt } },
    );
    return result.modifiedCount === 1;
  }

  async markDuplicate(id: Types.ObjectId): Promise<void> {
    await this.models.PaymentOrder.updateOne({ _id: id }, { $set: { duplicate: true } });
  }

  /** paid -> refunding with the refund recorded before the platform is asked (its notice may come first). */
  async startRefund(id: Types.ObjectId, refund: RefundEntry): Promise<boolean> {
    const result = await this.models.PaymentOrder.updateOne(
      { _id: id, state: 'paid' },
      { $set: { state: 'refunding', refund } },
    );
    return result.modifiedCount === 1;
  }

  /** refunding -> refunded. */
  async markRefunded(id: Types.ObjectId, refundedAt: Date, refundId: string | undefined): Promise<boolean> {
    const result = await this.models.PaymentOrder.updateOne(
      { _id: id, state: 'refunding' },
      {
        $set: {
          state: 'refunded',
          'refund.state': 'refunded',
          'refund.refundedAt': refundedAt,
          ...(refundId ? { 'refund.refundId': refundId } : {}),
        },
      },
    );
    return result.modifiedCount === 1;
  }

  /** refunding -> paid with the refund marked failed: the platform would not refund (people take over). */
  async markRefundFailed(id: Types.ObjectId): Promise<boolean> {
    const result = await this.models.PaymentOrder.updateOne(
      { _id: id, state: 'refunding' },
      { $set: { state: 'paid', 'refund.state': 'failed' } },
    );
    return result.modifiedCount === 1;
  }

  async markFeeConfirmed(id: Types.ObjectId, at: Date): Promise<void> {
    await this.models.PaymentOrder.updateOne({ _id: id }, { $set: { feeConfirmedAt: at } });
  }

  async markFeeRefundRecorded(id: Types.ObjectId, at: Date): Promise<void> {
    await this.models.PaymentOrder.updateOne({ _id: id }, { $set: { feeRefundRecordedAt: at } });
  }

  /**
   * Claims the thing's money for this order: the first paid order wins. Returns
   * the keeper's id (this order's own on a replay of its claim).
   */
  async claim(thingKey: string, orderId: Types.ObjectId, at: Date): Promise<Types.ObjectId> {
    try {
      await this.models.PaymentClaim.create({ _id: thingKey, orderId, claimedAt: at });
      return orderId;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    const claim = await this.models.PaymentClaim.findById(thingKey).lean<{ orderId: Types.ObjectId }>().exec();
    if (!claim) throw new Error(`payment claim ${thingKey} vanished`);
    return claim.orderId;
  }

  /** The order that keeps the thing's money, if one was paid. */
  async keeperOf(thingKey: string): Promise<PaymentOrderDocument | null> {
    const claim = await this.models.PaymentClaim.findById(thingKey).lean<{ orderId: Types.ObjectId }>().exec();
    if (!claim) return null;
    return this.models.PaymentOrder.findById(claim.orderId).lean<PaymentOrderDocument>().exec();
  }

  /** Pending orders past their expiry, oldest first. */
  expiredPending(now: Date, limit: number): Promise<PaymentOrderDocument[]> {
    return this.models.PaymentOrder.find({ state: 'pending', expiresAt: { $lte: now } })
      .sort({ expiresAt: 1 })
      .limit(limit)
      .lean<PaymentOrderDocument[]>()
      .exec();
  }

  /** Refunds asked for before `before` and still processing: asked again (the platform dedupes per refund number). */
  staleRefunds(before: Date, limit: number): Promise<PaymentOrderDocument[]> {
    return this.models.PaymentOrder.find({ state: 'refunding', 'refund.requestedAt': { $lte: before } })
      .limit(limit)
      .lean<PaymentOrderDocument[]>()
      .exec();
  }

  /** Paid fees the approval system has not recorded yet (it was unreachable), not refunded as duplicates. */
  unconfirmedFees(limit: number): Promise<PaymentOrderDocument[]> {
    return this.models.PaymentOrder.find({
      kind: 'fee',
      state: 'paid',
      duplicate: { $ne: true },
      feeConfirmedAt: { $exists: false },
    })
      .limit(limit)
      .lean<PaymentOrderDocument[]>()
      .exec();
  }

  /** Refunded fees that the approval system had recorded as paid and not yet as refunded. */
  unrecordedFeeRefunds(limit: number): Promise<PaymentOrderDocument[]> {
    return this.models.PaymentOrder.find({
      kind: 'fee',
      state: 'refunded',
      feeConfirmedAt: { $exists: true },
      feeRefundRecordedAt: { $exists: false },
    })
      .limit(limit)
      .lean<PaymentOrderDocument[]>()
      .exec();
  }

  /** Orders of one platform created in [from, to) or paid then: the day's candidates for reconciliation. */
  forDay(platform: 'wxpay' | 'nontax', from: Date, to: Date): Promise<PaymentOrderDocument[]> {
    return this.models.PaymentOrder.find({
      platform,
      $or: [{ createdAt: { $gte: from, $lt: to } }, { paidAt: { $gte: from, $lt: to } }],
    })
      .lean<PaymentOrderDocument[]>()
      .exec();
  }

  async hasReconciliation(day: string): Promise<boolean> {
    return (await this.models.PaymentReconciliation.countDocuments({ _id: day })) > 0;
  }

  async saveReconciliation(report: ReconciliationDocument): Promise<void> {
    await this.models.PaymentReconciliation.replaceOne({ _id: report._id }, report, { upsert: true });
  }
}
