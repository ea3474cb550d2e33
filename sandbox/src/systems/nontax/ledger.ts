import { randomBytes } from 'node:crypto';
import { fromCompactDateTime, toCompactDate } from '../../legacy/dates';
import { lastDayWithoutLateFee, lateFeeFen } from './late-fee';
import { paymentCode, platformNo, receiptNo } from './numbers';

/** A 处罚决定书 whose fine the platform collects (from the traffic system's decisionIssued). */
export interface Decision {
  jdsbh: string;
  wfbh: string;
  sfzmhm: string;
  xm: string;
  fineFen: number;
  /** yyyyMMddHHmmss, Beijing. */
  jdsj: string;
  cjjgmc: string;
}

export interface Bill extends Decision {
  jkm: string;
  voided: boolean;
}

export interface Refund {
  tkdh: string;
  tklsh: string;
  amountFen: number;
  reason: string;
  refundedAt: number;
}

/** Money that reached the platform for one payment order, with its 财政电子票据. */
export interface Settlement {
  ddh: string;
  jkm: string;
  amountFen: number;
  jylsh: string;
  pjh: string;
  paidAt: number;
  refund?: Refund;
}

export interface PayOrder {
  ddh: string;
  jkm: string;
  amountFen: number;
  notifyUrl: string;
  returnUrl: string;
  expiresAt: number;
  /** The secret part of the cashier URL. */
  token: string;
  createdAt: number;
  closedAt?: number;
  settlement?: Settlement;
}

export type OrderState = 'pending' | 'paid' | 'closed' | 'refunded';

/** A bill as of a moment: what is due (or was paid) and its state. */
export interface BillNow {
  bill: Bill;
  state: 'unpaid' | 'paid' | 'void';
  fineFen: number;
  lateFeeFen: number;
  totalFen: number;
  /** yyyyMMdd, the last day without 加处罚款. */
  dueDay: string;
  /** The settlement that paid it (the earliest one not refunded). */
  paid?: Settlement;
}

export type NewOrder = Omit<PayOrder, 'token' | 'createdAt' | 'closedAt' | 'settlement'>;
export type Registration =
  { kind: 'ok'; order: PayOrder } | { kind: 'no-bill' | 'void' | 'paid' | 'amount' | 'conflict' };
export type Payment =
  | { kind: 'paid'; order: PayOrder; settlement: Settlement; first: boolean }
  | { kind: 'unknown' | 'closed' | 'void' }
  | { kind: 'already-paid'; order: PayOrder };
export type RefundResult =
  | { kind: 'ok'; order: PayOrder; refund: Refund }
  | { kind: 'unknown' | 'not-paid' | 'amount' | 'conflict' | 'refunded' };

export interface StatementLine {
  kind: 'payment' | 'refund';
  order: PayOrder;
  settlement: Settlement;
}

/**
 * The platform's books: bills (one 缴款码 per 决定书), payment orders, the
 * settlements they produced and their refunds. Two orders of one 缴款码 can
 * both be paid (two cashier tabs): the money moved, so both are settled and
 * the app refunds one.
 */
export class NontaxLedger {
  private readonly bills = new Map<string, Bill>();
  private readonly byDecision = new Map<string, string>();
  private readonly orders = new Map<string, PayOrder>();
  private readonly byToken = new Map<string, string>();
  private readonly refunds = new Map<string, string>();
  private serials = { bill: 0, receipt: 0, trade: 0, refund: 0 };

  constructor(private readonly now: () => number) {}

  /** Opens the 缴款码 of a decision; a decision seen before keeps its bill. */
  openBill(decision: Decision): Bill {
    const known = this.findBill(decision.jdsbh);
    if (known) return known;
    this.serials.bill += 1;
    const year = new Date(this.now()).getUTCFullYear();
    const bill: Bill = { ...decision, jkm: paymentCode(year, this.serials.bill), voided: false };
    this.bills.set(bill.jkm, bill);
    this.byDecision.set(bill.jdsbh, bill.jkm);
    return bill;
  }

  /** By 缴款码 or 决定书编号. */
  findBill(ref: string): Bill | undefined {
    return this.bills.get(ref) ?? this.bills.get(this.byDecision.get(ref) ?? '');
  }

  allBills(): Bill[] {
    return [...this.bills.values()];
  }

  void(bill: Bill): void {
    bill.voided = true;
  }

  billNow(bill: Bill): BillNow {
    const decisionDay = bill.jdsj.slice(0, 8);
    const dueDay = lastDayWithoutLateFee(decisionDay);
    const paid = this.settlementsOf(bill.jkm).find((settlement) => settlement.refund === undefined);
    if (paid) {
      const lateFee = Math.max(0, paid.amountFen - bill.fineFen);
      return {
        bill,
        state: 'paid',
        fineFen: bill.fineFen,
        lateFeeFen: lateFee,
        totalFen: paid.amountFen,
        dueDay,
        paid,
      };
    }
    const lateFee = lateFeeFen(bill.fineFen, decisionDay, toCompactDate(new Date(this.now())));
    return {
      bill,
      state: bill.voided ? 'void' : 'unpaid',
      fineFen: bill.fineFen,
      lateFeeFen: lateFee,
      totalFen: bill.fineFen + lateFee,
      dueDay,
    };
  }

  /** Every settlement of a 缴款码, oldest first. */
  settlementsOf(jkm: string): Settlement[] {
    return [...this.orders.values()]
      .flatMap((order) => (order.jkm === jkm && order.settlement ? [order.settlement] : []))
      .sort((a, b) => a.paidAt - b.paidAt);
  }

  register(input: NewOrder): Registration {
    const known = this.orders.get(input.ddh);
    if (known) {
      const same =
        known.jkm === input.jkm &&
        known.amountFen === input.amountFen &&
        known.notifyUrl === input.notifyUrl &&
        known.returnUrl === input.returnUrl;
      return same ? { kind: 'ok', order: known } : { kind: 'conflict' };
    }
    const bill = this.bills.get(input.jkm);
    if (!bill) return { kind: 'no-bill' };
    const now = this.billNow(bill);
    if (now.state !== 'unpaid') return { kind: now.state };
    if (now.totalFen !== input.amountFen) return { kind: 'amount' };
    const order: PayOrder = { ...input, token: randomBytes(18).toString('base64url'), createdAt: this.now() };
    this.orders.set(order.ddh, order);
    this.byToken.set(order.token, order.ddh);
    return { kind: 'ok', order };
  }

  findOrder(ddh: string): PayOrder | undefined {
    return this.orders.get(ddh);
  }

  orderByToken(token: string): PayOrder | undefined {
    return this.orders.get(this.byToken.get(token) ?? '');
  }

  allOrders(): PayOrder[] {
    return [...this.orders.values()];
  }

  stateOf(order: PayOrder): OrderState {
    if (order.settlement?.refund) return 'refunded';
    if (order.settlement) return 'paid';
    if (order.closedAt !== undefined || this.now() >= order.expiresAt) return 'closed';
    return 'pending';
  }

  /** The citizen pays an order at the cashier: a settlement and its 财政电子票据. */
  pay(order: PayOrder | undefined): Payment {
    if (!order) return { kind: 'unknown' };
    const state = this.stateOf(order);
    if (state === 'paid' || state === 'refunded') return { kind: 'already-paid', order };
    if (state === 'closed') return { kind: 'closed' };
    const bill = this.bills.get(order.jkm);
    if (!bill || bill.voided) return { kind: 'void' };
    const first = this.billNow(bill).state === 'unpaid';
    const now = this.now();
    this.serials.trade += 1;
    this.serials.receipt += 1;
    const settlement: Settlement = {
      ddh: order.ddh,
      jkm: order.jkm,
      amountFen: order.amountFen,
      jylsh: platformNo('FS', new Date(now), this.serials.trade),
      pjh: receiptNo(new Date(now), this.serials.receipt),
      paidAt: now,
    };
    order.settlement = settlement;
    return { kind: 'paid', order, settlement, first };
  }

  /** Closes an unpaid order; a paid one stays paid. */
  close(order: PayOrder): 'closed' | 'paid' {
    const state = this.stateOf(order);
    if (state === 'paid' || state === 'refunded') return 'paid';
    order.closedAt ??= this.now();
    return 'closed';
  }

  /** A full refund of a settlement; the same refund number answers the same refund again. */
  refund(input: { ddh: string; tkdh: string; amountFen: number; reason: string }): RefundResult {
    const refundedOrder = this.refunds.get(input.tkdh);
    if (refundedOrder !== undefined) {
      const order = this.orders.get(refundedOrder);
      const refund = order?.settlement?.refund;
      return order && refund && refundedOrder === input.ddh ? { kind: 'ok', order, refund } : { kind: 'conflict' };
    }
    const order = this.orders.get(input.ddh);
    if (!order) return { kind: 'unknown' };
    const settlement = order.settlement;
    if (!settlement) return { kind: 'not-paid' };
    if (settlement.refund) return { kind: 'refunded' };
    if (input.amountFen !== settlement.amountFen) return { kind: 'amount' };
    const now = this.now();
    this.serials.refund += 1;
    const refund: Refund = {
      tkdh: input.tkdh,
      tklsh: platformNo('TK', new Date(now), this.serials.refund),
      amountFen: input.amountFen,
      reason: input.reason,
      refundedAt: now,
    };
    settlement.refund = refund;
    this.refunds.set(refund.tkdh, order.ddh);
    return { kind: 'ok', order, refund };
  }

  /** The 对账单 of a Beijing day: its payments and its refunds, in time order. */
  statement(day: string): StatementLine[] {
    const lines: Array<StatementLine & { at: number }> = [];
    for (const order of this.orders.values()) {
      const settlement = order.settlement;
      if (!settlement) continue;
      if (toCompactDate(new Date(settlement.paidAt)) === day)
        lines.push({ kind: 'payment', order, settlement, at: settlement.paidAt });
      if (settlement.refund && toCompactDate(new Date(settlement.refund.refundedAt)) === day)
        lines.push({ kind: 'refund', order, settlement, at: settlement.refund.refundedAt });
    }
    return lines.sort((a, b) => a.at - b.at).map(({ kind, order, settlement }) => ({ kind, order, settlement }));
  }

  reset(): void {
    this.bills.clear();
    this.byDecision.clear();
    this.orders.clear();
    this.byToken.clear();
    this.refunds.clear();
    this.serials = { bill: 0, receipt: 0, trade: 0, refund: 0 };
  }
}

/** A decision time must be a real yyyyMMddHHmmss. */
export function isDecisionTime(value: string): boolean {
  return fromCompactDateTime(value) !== undefined;
}
