import Taro from '@tarojs/taro';
import type { CreatePaymentOrderRequest, PaymentOrder, PaymentThing } from '@suijing/shared';
import { ROUTES } from '@/utils/navigation';
import { submitOnce } from '@/utils/submit-attempt';
import { postOrder } from './payments-api';
import { rememberPendingOrder } from './pending-order';

/** Read at call time (a build constant in the app; tests switch it). */
const isH5 = (): boolean => process.env.TARO_ENV === 'h5';

/** What became of 确认支付. */
export type PayOutcome =
  /** H5: the browser is on its way to the platform's cashier page, which returns to the result page. */
  | { kind: 'cashier'; orderId: string }
  /** weapp: WeChat's payment sheet closed after paying (the result page confirms it with the BFF). */
  | { kind: 'paid'; orderId: string }
  /** weapp: the person closed the payment sheet; the order stays open until it expires. */
  | { kind: 'cancelled'; orderId: string }
  /** Nothing to do at a platform (e.g. paid meanwhile): the result page says what the order is. */
  | { kind: 'settled'; orderId: string };

/** H5 pays at the platform's cashier page; inside WeChat, with wx.requestPayment. */
function orderRequest(thing: PaymentThing): CreatePaymentOrderRequest {
  return isH5() ? { thing, channel: 'h5', returnPath: ROUTES.payResult } : { thing, channel: 'jsapi' };
}

function cancelledByUser(error: unknown): boolean {
  const errMsg = typeof error === 'object' && error !== null ? (error as { errMsg?: unknown }).errMsg : undefined;
  return typeof errMsg === 'string' && errMsg.includes('cancel');
}

async function payInWechat(order: PaymentOrder): Promise<PayOutcome> {
  if (order.pay?.kind !== 'jsapi') return { kind: 'settled', orderId: order.id };
  try {
    await Taro.requestPayment({ ...order.pay.params });
    return { kind: 'paid', orderId: order.id };
  } catch (error) {
    // A failure other than "cancel" is WeChat's own (network, risk control): the result page asks the BFF.
    return cancelledByUser(error) ? { kind: 'cancelled', orderId: order.id } : { kind: 'paid', orderId: order.id };
  }
}

/** H5: leaves the app for the platform's cashier page (a full navigation; the app reloads on the way back). */
function openInBrowser(url: string): void {
  window.location.href = url;
}

function goToCashier(order: PaymentOrder, open: (url: string) => void): PayOutcome {
  if (order.pay?.kind !== 'redirect') return { kind: 'settled', orderId: order.id };
  open(order.pay.url);
  return { kind: 'cashier', orderId: order.id };
}

/**
 * 确认支付: opens (or resumes) the order with the attempt's Idempotency-Key,
 * keeps its id for the way back, and hands over to the platform. The amount
 * is the BFF's, from the upstream owed the money; the client sends none.
 */
export async function startPayment(
  thing: PaymentThing,
  options: { retryDelayMs?: number; openCashier?: (url: string) => void } = {},
): Promise<PayOutcome> {
  const { retryDelayMs = 1000, openCashier = openInBrowser } = options;
  const request = orderRequest(thing);
  const order = await submitOnce('payment', request, (key) => postOrder(request, key), retryDelayMs);
  rememberPendingOrder(order.id);
  return isH5() ? goToCashier(order, openCashier) : payInWechat(order);
}
