import type { SandboxClock } from '../../core/clock';
import { PayBook, type PayResult, type RefundRequest, type WxRefund, type Outcome } from './book';
import { Notifier } from './notifier';
import type { PlatformKey } from './signing';
import { refundNoticeWire, transactionWire } from './wire';

export interface DeskOptions {
  clock: SandboxClock;
  mchid: string;
  apiV3Key: string;
  key: PlatformKey;
  log: (line: string) => void;
}

/**
 * The story between the book and the notifier: a payment notifies the order's notify_url,
 * a refund settles a moment later and notifies its own.
 */
export class PayDesk {
  readonly book = new PayBook();
  readonly notifier: Notifier;

  constructor(private readonly options: DeskOptions) {
    this.notifier = new Notifier({
      clock: options.clock,
      key: options.key,
      apiV3Key: options.apiV3Key,
      log: options.log,
      beforeTick: (nowMs) => this.settleRefunds(nowMs),
    });
  }

  pay(outTradeNo: string): PayResult {
    const result = this.book.pay(outTradeNo, this.options.clock.nowMs());
    if (result.kind === 'paid') {
      const { order } = result;
      this.options.log(`wxpay: ${order.outTradeNo} paid (${order.amountFen} fen)`);
      this.notifier.send({
        eventType: 'TRANSACTION.SUCCESS',
        summary: '支付成功',
        originalType: 'transaction',
        resource: transactionWire(order, 'SUCCESS', this.options.mchid),
        url: order.notifyUrl,
        outTradeNo: order.outTradeNo,
      });
    }
    return result;
  }

  refund(request: RefundRequest): Outcome<WxRefund> {
    const outcome = this.book.refund(request, this.options.clock.nowMs());
    // The heartbeat settles it on time even if nobody asks.
    if (outcome.ok) this.notifier.wake();
    return outcome;
  }

  /** Settles due refunds (before any answer that shows them, and on every tick); true while some are left. */
  settleRefunds(nowMs: number = this.options.clock.nowMs()): boolean {
    for (const refund of this.book.settleDue(nowMs)) {
      if (refund.notifyUrl === undefined) continue;
      this.notifier.send({
        eventType: 'REFUND.SUCCESS',
        summary: '退款成功',
        originalType: 'refund',
        resource: refundNoticeWire(refund, this.options.mchid),
        url: refund.notifyUrl,
        outTradeNo: refund.outTradeNo,
        outRefundNo: refund.outRefundNo,
      });
    }
    return this.book.hasProcessingRefunds();
  }

  reset(): void {
    this.notifier.stop();
    this.book.clear();
  }
}
