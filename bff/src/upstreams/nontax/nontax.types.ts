/** Our side of the provincial non-tax revenue platform (非税收入, 缴款码): money in fen, instants as Date. */

export interface FineBill {
  /** 缴款码, 20 digits. */
  paymentCode: string;
  decisionNo: string;
  fineFen: number;
  lateFeeFen: number;
  totalFen: number;
  /** yyyy-MM-dd, last day without late fee. */
  dueDate: string;
  state: 'unpaid' | 'paid' | 'void';
  paidAt?: Date;
  /** 财政电子票据号. */
  receiptNo?: string;
}

export interface FinePayment {
  paymentCode: string;
  outTradeNo: string;
  amountFen: number;
  notifyUrl: string;
  returnUrl: string;
  expiresAt: Date;
}

export interface FineSettlement {
  paymentCode: string;
  outTradeNo: string;
  amountFen: number;
  paidAt: Date;
  platformTradeNo: string;
  receiptNo: string;
  state: 'paid' | 'refunded';
}

export type CallbackRejection = 'bad-signature' | 'stale' | 'malformed';

export interface NontaxPort {
  /** The bill of a 决定书 (its 缴款码 and today's amount incl. 加处罚款); undefined when the platform has none. */
  billOf(decisionNo: string): Promise<FineBill | undefined>;
  /** A payment order at the platform's cashier for the bill; the cashier URL the citizen opens. */
  startPayment(payment: FinePayment): Promise<{ cashierUrl: string }>;
  /** One payment order's settlement by our order number; undefined = unpaid/unknown. */
  settlement(outTradeNo: string): Promise<FineSettlement | undefined>;
  closePayment(outTradeNo: string): Promise<'closed' | 'paid'>;
  refund(r: {
    outTradeNo: string;
    outRefundNo: string;
    amountFen: number;
    reason: string;
  }): Promise<{ refundNo: string }>;
  /** The day's 对账单 (yyyy-MM-dd, Beijing). */
  statement(day: string): Promise<FineSettlement[]>;
  openCallback(
    headers: Record<string, string | undefined>,
    rawBody: string,
    now: Date,
  ): { ok: true; settlement: FineSettlement } | { ok: false; rejection: CallbackRejection };
}
