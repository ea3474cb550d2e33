import { hashString, Prng } from '../../core/prng';

/** A party of an order (寄件人 or 收件人), as the platform keeps it. */
export interface Party {
  name: string;
  mobile: string;
  prov: string;
  city: string;
  county: string;
  address: string;
}

/** One mail item: the order it came with, who sends it to whom, when it was posted. */
export interface Parcel {
  mailNo: string;
  /** The sender's own order number (logistics_order_no): one mail item per order. */
  orderNo: string;
  sender: Party;
  receiver: Party;
  postedAtMs: number;
  /** Set when the control API hands the item over now: the steps not yet done happen by then. */
  signedAtMs?: number;
}

export type Created = { ok: true; parcel: Parcel } | { ok: false; reason: 'mail-no-taken' };

/** 13-digit domestic numbers (11 + 11 digits for 标准快递) or the UPU form (E + letter, 9 digits, CN). */
export const MAIL_NO_PATTERN = /^(\d{13}|E[A-Z]\d{9}CN)$/;

/**
 * The platform's mail items by number. An order repeated with the same
 * logistics_order_no answers the item it made, so a sender's retry never
 * posts twice; numbers the platform allocates come from a seeded stream.
 */
export class ParcelBook {
  private readonly byMailNo = new Map<string, Parcel>();
  private readonly byOrderNo = new Map<string, Parcel>();
  private numbers: Prng;

  constructor(private readonly seed: number) {
    this.numbers = new Prng(hashString(`ems:numbers:${seed}`));
  }

  create(order: Omit<Parcel, 'mailNo'> & { mailNo?: string }): Created {
    const repeat = this.byOrderNo.get(order.orderNo);
    if (repeat) return { ok: true, parcel: repeat };
    if (order.mailNo && this.byMailNo.has(order.mailNo)) return { ok: false, reason: 'mail-no-taken' };
    const parcel: Parcel = { ...order, mailNo: order.mailNo ?? this.newMailNo() };
    this.byMailNo.set(parcel.mailNo, parcel);
    this.byOrderNo.set(parcel.orderNo, parcel);
    return { ok: true, parcel };
  }

  find(mailNo: string): Parcel | undefined {
    return this.byMailNo.get(mailNo);
  }

  list(): Parcel[] {
    return [...this.byMailNo.values()];
  }

  clear(): void {
    this.byMailNo.clear();
    this.byOrderNo.clear();
    this.numbers = new Prng(hashString(`ems:numbers:${this.seed}`));
  }

  /** 标准快递 numbers: 1100 and nine digits, never one in use. */
  private newMailNo(): string {
    for (;;) {
      const mailNo = `1100${this.numbers.chars('0123456789', 9)}`;
      if (!this.byMailNo.has(mailNo)) return mailNo;
    }
  }
}
