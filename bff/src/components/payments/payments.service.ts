import { Types } from 'mongoose';
import {
  maskName,
  toCompactDate,
  type CreatePaymentOrderRequest,
  type FineDue,
  type PaymentOrder,
  type PaymentOrderList,
} from '@suijing/shared';
import type { Clock } from '../../libraries/clock';
import { AppError } from '../../libraries/errors';
import { requestHash, type IdempotencyStore, type StoredResponse } from '../../libraries/idempotency';
import type { IdentityService, VerifiedIdentity } from '../identity/identity.service';
import type { UsersService } from '../users/users.service';
import type { PaymentOrderDocument } from './payment-order.model';
import type { OwedThing, PaymentThings } from './payment-things';
import { fineLines } from './payment-things';
import { toPaymentOrder } from './payment-view';
import type { PaymentsRepository } from './payments.repository';
import type { PaymentPlatforms } from './platforms';
import { receiptPdf } from './receipt';
import type { SettlementService } from './settlement.service';
import { maskTradeNo, newOutTradeNo, receiptNoText } from './trade-numbers';

/** An unpaid order is closed after this long (the platforms are told the same expiry). */
export const ORDER_TTL_MS = 30 * 60_000;
/** 我的缴费 shows this many latest orders. */
const LIST_LIMIT = 100;
/** Where the browser build's cashier sends the citizen back, by default (hash router). */
const DEFAULT_RESULT_PATH = '/packages/pay/pages/result/index';
const DAY_MS = 86_400_000;

export interface PaymentsServiceDeps {
  orders: PaymentsRepository;
  things: PaymentThings;
  platforms: PaymentPlatforms;
  settlement: SettlementService;
  identity: Pick<IdentityService, 'require'>;
  users: Pick<UsersService, 'account'>;
  idempotency: IdempotencyStore;
  payerTag: (openid: string) => string;
  /** The BFF's public base URL: notify URLs and the browser build's return pages. */
  publicBaseUrl: string;
  clock: Clock;
}

/** How the citizen's request reached us: for WeChat's H5 payment, their address. */
export interface RequestOrigin {
  clientIp: string;
}

const isPendingAndLive = (order: PaymentOrderDocument, now: Date): boolean =>
  order.state === 'pending' && order.expiresAt.getTime() > now.getTime();

/**
 * 缴款 for the citizen: what a fine costs today, orders for fines and fees
 * (one per thing and attempt, a live one resumed rather than doubled), their
 * state (asking the platform while pending), 我的缴费 and the receipt.
 */
export class PaymentsService {
  constructor(private readonly deps: PaymentsServiceDeps) {}

  private get notifyUrls() {
    return {
      wxpay: `${this.deps.publicBaseUrl}/api/v1/hooks/wxpay`,
      nontax: `${this.deps.publicBaseUrl}/api/v1/hooks/nontax`,
    };
  }

  /** A fine of mine as the 非税 platform bills it today: 罚款, 加处罚款 from the 16th day, and whether it is paid. */
  async fineDue(userId: string, decisionNo: string): Promise<FineDue> {
    const person = await this.deps.identity.require(userId);
    const { violation, bill } = await this.deps.things.fine(person, decisionNo);
    const thingKey = `fine:${decisionNo}`;
    const [keeper, attempts] = await Promise.all([
      this.deps.orders.keeperOf(thingKey),
      this.deps.orders.ofThing(thingKey),
    ]);
    const now = this.deps.clock.now();
    const today = Date.parse(`${toCompactDate(now).replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3')}T00:00:00Z`);
    const daysLate = Math.max(0, Math.round((today - Date.parse(`${bill.dueDate}T00:00:00Z`)) / DAY_MS));
    const paid = bill.state === 'paid' || keeper?.state === 'paid';
    const paying = attempts.some((order) => isPendingAndLive(order, now));
    return {
      decisionNo,
      paymentCode: bill.paymentCode,
      act: violation.description,
      lines: fineLines(bill),
      totalFen: bill.totalFen,
      dueDate: bill.dueDate,
      daysLate,
      lateFeeCapped: bill.lateFeeFen > 0 && bill.lateFeeFen >= bill.fineFen,
      state: paid ? 'paid' : paying ? 'paying' : 'unpaid',
      ...(keeper && keeper.state === 'paid' ? { paidOrderId: keeper._id.toHexString() } : {}),
    };
  }

  /** Once per Idempotency-Key: a new order for the thing, or its live pending order resumed. */
  async create(
    userId: string,
    idempotencyKey: string,
    request: CreatePaymentOrderRequest,
    origin: RequestOrigin,
  ): Promise<StoredResponse<PaymentOrder>> {
    return this.deps.idempotency.run(`payments:${userId}`, idempotencyKey, requestHash(request), () =>
      this.open(userId, request, origin),
    );
  }

  private async open(
    userId: string,
    request: CreatePaymentOrderRequest,
    origin: RequestOrigin,
  ): Promise<StoredResponse<PaymentOrder>> {
    const person = await this.deps.identity.require(userId);
    const owed =
      request.thing.kind === 'fine'
        ? await this.deps.things.owedFine(person, request.thing.decisionNo)
        : await this.deps.things.owedFee(userId, person, request.thing.caseId);
    if (owed.paid) throw new AppError({ code: 'ALREADY_PAID' });
    const channel = owed.kind === 'fine' ? 'nontax' : request.channel === 'jsapi' ? 'wxpay-jsapi' : 'wxpay-h5';
    const openid = channel === 'wxpay-jsapi' ? await this.openidOf(userId) : undefined;
    const payerTag = openid ? this.deps.payerTag(openid) : undefined;
    const context = {
      clientIp: origin.clientIp,
      notifyUrls: this.notifyUrls,
      ...(openid ? { payerOpenid: openid } : {}),
    };

    // A lost race for an attempt (or a pending order closed on the way) is looked at again.
    for (let round = 0; round < 3; round += 1) {
      const attempts = await this.deps.orders.ofThing(owed.thingKey);
      if (attempts.some((order) => order.state === 'paid')) throw new AppError({ code: 'ALREADY_PAID' });
      const latest = attempts[0];
      const now = this.deps.clock.now();
      if (latest?.state === 'pending') {
        const same = latest.amountFen === owed.amountFen && latest.channel === channel && latest.payerTag === payerTag;
        if (isPendingAndLive(latest, now) && same) {
          const pay = await this.deps.platforms.start(latest, context);
          return { status: 201, body: toPaymentOrder(latest, pay) };
        }
        // Expired, another amount (a late fee since midnight) or another way to pay: closed before a new attempt.
        const after = await this.deps.settlement.expire(latest);
        if (after.state === 'paid') throw new AppError({ code: 'ALREADY_PAID' });
        if (after.state === 'pending') throw new AppError({ code: 'PAYMENT_IN_PROGRESS' });
        continue;
      }
      const order = this.newOrder(userId, person, owed, channel, request, now, latest?.attempt ?? 0, payerTag);
      if (!(await this.deps.orders.insert(order))) continue;
      const stored = await this.deps.orders.find(order._id.toHexString());
      if (!stored) continue;
      const pay = await this.deps.platforms.start(stored, context);
      return { status: 201, body: toPaymentOrder(stored, pay) };
    }
    throw new AppError({ code: 'PAYMENT_IN_PROGRESS' });
  }

  private newOrder(
    userId: string,
    person: VerifiedIdentity,
    owed: OwedThing,
    channel: 'nontax' | 'wxpay-jsapi' | 'wxpay-h5',
    request: CreatePaymentOrderRequest,
    now: Date,
    lastAttempt: number,
    payerTag: string | undefined,
  ) {
    const _id = new Types.ObjectId();
    const returnPath = request.returnPath ?? DEFAULT_RESULT_PATH;
    const returnUrl =
      channel === 'wxpay-jsapi' ? undefined : `${this.deps.publicBaseUrl}/#${returnPath}?orderId=${_id.toHexString()}`;
    return {
      _id,
      outTradeNo: newOutTradeNo(now),
      userId,
      thingKey: owed.thingKey,
      attempt: lastAttempt + 1,
      kind: owed.kind,
      reference: owed.reference,
      title: owed.title,
      department: owed.department,
      ...(owed.paymentCode ? { paymentCode: owed.paymentCode } : {}),
      platform: channel === 'nontax' ? ('nontax' as const) : ('wxpay' as const),
      channel,
      lines: owed.lines,
      amountFen: owed.amountFen,
      ...(payerTag ? { payerTag } : {}),
      payerMasked: maskName(person.name),
      ...(returnUrl ? { returnUrl } : {}),
      createdAt: now,
      expiresAt: new Date(now.getTime() + ORDER_TTL_MS),
    };
  }

  private async openidOf(userId: string): Promise<string> {
    const account = await this.deps.users.account(userId);
    if (!account?.openid) throw new AppError({ code: 'PAYMENT_OPENID_REQUIRED' });
    return account.openid;
  }

  /** 我的缴费: my orders, newest first. */
  async list(userId: string): Promise<PaymentOrderList> {
    const orders = await this.deps.orders.listOwn(userId, LIST_LIMIT);
    return {
      items: orders.map((order) => {
        const { pay: _none, ...view } = toPaymentOrder(order);
        return view;
      }),
    };
  }

  /**
   * One of my orders (someone else's is 404). While pending, the platform is
   * asked: a payment whose notice has not come yet is settled now, and an
   * expired unpaid order is closed.
   */
  async get(userId: string, id: string): Promise<PaymentOrder> {
    const order = await this.deps.orders.findOwn(userId, id);
    if (!order) throw new AppError({ code: 'PAYMENT_ORDER_NOT_FOUND' });
    if (order.state !== 'pending') return toPaymentOrder(order);
    const current = await this.deps.settlement.refresh(order).catch((error: unknown) => {
      // The platform unreachable: what we know is still the answer; the notice or the sweep settles it later.
      if (error instanceof AppError && error.code === 'UPSTREAM_UNAVAILABLE') return order;
      throw error;
    });
    return toPaymentOrder(current);
  }

  /** The 电子票据 of a paid order of mine. */
  async receipt(userId: string, id: string): Promise<{ pdf: Buffer; filename: string }> {
    const order = await this.deps.orders.findOwn(userId, id);
    if (!order) throw new AppError({ code: 'PAYMENT_ORDER_NOT_FOUND' });
    if (order.state !== 'paid' || !order.receiptNo || !order.paidAt || !order.transactionId) {
      throw new AppError({ code: 'RECEIPT_NOT_AVAILABLE' });
    }
    const pdf = receiptPdf({
      receiptNo: receiptNoText(order.receiptNo),
      payerMasked: order.payerMasked,
      title: order.title,
      reference: order.reference,
      referenceLabel: order.kind === 'fine' ? '决定书编号' : '办件编号',
      lines: order.lines.map((line) => ({ label: line.label, amountFen: line.amountFen })),
      amountFen: order.amountFen,
      platformName: order.platform === 'wxpay' ? '微信支付' : '广东省非税收入收缴平台',
      tradeNoMasked: maskTradeNo(order.transactionId),
      paidAt: order.paidAt,
      department: order.department,
    });
    return { pdf, filename: `receipt-${receiptNoText(order.receiptNo)}.pdf` };
  }
}
