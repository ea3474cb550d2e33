import type { PaymentOrder, PaymentThing } from '@suijing/shared';

/** The thing an order paid for, to pay it again (a closed order) or go back to it. */
export function thingOfOrder(order: Pick<PaymentOrder, 'thing'>): PaymentThing {
  return order.thing.kind === 'fine'
    ? { kind: 'fine', decisionNo: order.thing.reference }
    : { kind: 'fee', caseId: order.thing.caseId ?? order.thing.reference };
}

/** 决定书编号 or 办件编号: how the reference is labelled. */
export function referenceLabel(order: Pick<PaymentOrder, 'thing'>): string {
  return order.thing.kind === 'fine' ? '决定书编号' : '办件编号';
}

export const PLATFORM_TEXT: Readonly<Record<PaymentOrder['platform'], string>> = {
  wxpay: '微信支付',
  nontax: '广东省非税收入平台',
};
