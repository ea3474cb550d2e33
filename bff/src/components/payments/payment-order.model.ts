import { Schema, type Connection, type Types } from 'mongoose';

/**
 * A payment order (payment_orders): one per thing and attempt. The thing is a
 * fine (by 决定书编号) or a case's fee (by 办件编号); `thingKey` names it and
 * (thingKey, attempt) is unique, so two requests cannot open the same attempt,
 * and `outTradeNo` (our number at the platform) is unique too. State moves
 * only by conditional updates on `state` (no multi-document transactions):
 * pending -> paid | closed; closed -> paid (paid meanwhile); paid -> refunding
 * -> refunded (or back to paid when the platform refuses the refund). Money
 * in fen. Closed unpaid orders carry `purgeAt` (180 days after closing) and
 * are deleted then: nothing was paid, nothing to keep. Paid orders are kept
 * (they are accounting records).
 */
const amountLineSchema = new Schema(
  { label: { type: String, required: true }, amountFen: { type: Number, required: true } },
  { _id: false },
);

const refundSchema = new Schema(
  {
    outRefundNo: { type: String, required: true },
    amountFen: { type: Number, required: true },
    reason: { type: String, required: true },
    state: { type: String, enum: ['processing', 'refunded', 'failed'], required: true },
    requestedAt: { type: Date, required: true },
    refundedAt: { type: Date },
    /** The platform's refund number. */
    refundId: { type: String },
  },
  { _id: false },
);

const paymentOrderSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    outTradeNo: { type: String, required: true },
    userId: { type: String, required: true },
    /** 'fine:<决定书编号>' or 'fee:<办件编号>'. */
    thingKey: { type: String, required: true },
    attempt: { type: Number, required: true },
    kind: { type: String, enum: ['fine', 'fee'], required: true },
    /** 决定书编号 or 办件编号. */
    reference: { type: String, required: true },
    /** What is paid for, in words (违法行为 / 事项名称). */
    title: { type: String, required: true },
    /** The department the money is paid to (开票单位). */
    department: { type: String, required: true },
    /** 缴款码 of a fine at the 非税 platform. */
    paymentCode: { type: String },
    platform: { type: String, enum: ['wxpay', 'nontax'], required: true },
    channel: { type: String, enum: ['wxpay-jsapi', 'wxpay-h5', 'nontax'], required: true },
    lines: { type: [amountLineSchema], required: true },
    amountFen: { type: Number, required: true },
    /** jsapi: a keyed hash of the payer's openid, to check the platform's payer against (never the openid). */
    payerTag: { type: String },
    /** The payer's name, masked (张*), for the receipt. */
    payerMasked: { type: String, required: true },
    /** h5: where the cashier sends the citizen back. */
    returnUrl: { type: String },
    state: { type: String, enum: ['pending', 'paid', 'closed', 'refunding', 'refunded'], required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    paidAt: { type: Date },
    closedAt: { type: Date },
    /** The platform's transaction number (微信支付订单号 / 非税平台交易流水号). */
    transactionId: { type: String },
    /** 票据号: the 财政电子票据号 of a fine, ours for a fee. */
    receiptNo: { type: String },
    /** How the payment became known: the platform's notice, our query, or the daily reconciliation. */
    settledBy: { type: String, enum: ['notice', 'query', 'reconciliation'] },
    /** Another order paid this thing first: this one is refunded (重复支付自动退款). */
    duplicate: { type: Boolean },
    /** A fee's payment recorded with the approval system (confirmFee), and its refund (recordRefund). */
    feeConfirmedAt: { type: Date },
    feeRefundRecordedAt: { type: Date },
    /** The one refund an order can have (always the full amount). */
    refund: { type: refundSchema },
    /** Closed unpaid orders only: deleted then (TTL). */
    purgeAt: { type: Date },
    /** The account was closed: the order is kept (an accounting record) under CLOSED_ACCOUNT_OWNER since. */
    accountClosedAt: { type: Date },
  },
  { versionKey: false, collection: 'payment_orders' },
);
paymentOrderSchema.index({ outTradeNo: 1 }, { unique: true });
paymentOrderSchema.index({ thingKey: 1, attempt: 1 }, { unique: true });
paymentOrderSchema.index({ userId: 1, createdAt: -1 });
paymentOrderSchema.index({ state: 1, expiresAt: 1 });
paymentOrderSchema.index({ purgeAt: 1 }, { expireAfterSeconds: 0 });

/**
 * Which order keeps a thing's money (_id = thingKey): the first paid order
 * claims it by inserting; a later paid order finds it taken and is refunded.
 * A unique _id decides the race without a transaction.
 */
const paymentClaimSchema = new Schema(
  {
    _id: { type: String, required: true },
    orderId: { type: Schema.Types.ObjectId, required: true },
    claimedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'payment_claims' },
);

/** A day's reconciliation (_id = yyyy-MM-dd, Beijing): what was fixed and what is left for people to look at. */
const reconciliationSchema = new Schema(
  {
    _id: { type: String, required: true },
    ranAt: { type: Date, required: true },
    fixed: { type: [Schema.Types.Mixed], default: [] },
    differences: { type: [Schema.Types.Mixed], default: [] },
    matched: { type: Number, required: true },
  },
  { versionKey: false, collection: 'payment_reconciliations' },
);

export type PaymentKind = 'fine' | 'fee';
export type PaymentPlatform = 'wxpay' | 'nontax';
export type PaymentChannelCode = 'wxpay-jsapi' | 'wxpay-h5' | 'nontax';
export type OrderState = 'pending' | 'paid' | 'closed' | 'refunding' | 'refunded';

export interface RefundEntry {
  outRefundNo: string;
  amountFen: number;
  reason: string;
  state: 'processing' | 'refunded' | 'failed';
  requestedAt: Date;
  refundedAt?: Date;
  refundId?: string;
}

/** An order as read (lean), field for field the schema above. */
export interface PaymentOrderDocument {
  _id: Types.ObjectId;
  outTradeNo: string;
  userId: string;
  thingKey: string;
  attempt: number;
  kind: PaymentKind;
  reference: string;
  title: string;
  department: string;
  paymentCode?: string;
  platform: PaymentPlatform;
  channel: PaymentChannelCode;
  lines: Array<{ label: string; amountFen: number }>;
  amountFen: number;
  payerTag?: string;
  payerMasked: string;
  returnUrl?: string;
  state: OrderState;
  createdAt: Date;
  expiresAt: Date;
  paidAt?: Date;
  closedAt?: Date;
  transactionId?: string;
  receiptNo?: string;
  settledBy?: 'notice' | 'query' | 'reconciliation';
  duplicate?: boolean;
  feeConfirmedAt?: Date;
  feeRefundRecordedAt?: Date;
  refund?: RefundEntry;
  purgeAt?: Date;
  accountClosedAt?: Date;
}

export interface ReconciliationDocument {
  _id: string;
  ranAt: Date;
  fixed: unknown[];
  differences: unknown[];
  matched: number;
}

export function paymentModels(connection: Connection) {
  return {
    PaymentOrder: connection.model('PaymentOrder', paymentOrderSchema),
    PaymentClaim: connection.model('PaymentClaim', paymentClaimSchema),
    PaymentReconciliation: connection.model('PaymentReconciliation', reconciliationSchema),
  };
}
export type PaymentModels = ReturnType<typeof paymentModels>;
