import type { CreatePaymentOrderRequest, FineDue, PaymentOrder, PaymentOrderList } from '@suijing/shared';
import { apiRequest } from '@/services/api-client';

/** The BFF's payment routes (shared/src/schemas/payments.ts), one call each. */

const ordersPath = '/api/v1/payments/orders';

export const orderPath = (orderId: string): string => `${ordersPath}/${encodeURIComponent(orderId)}`;

/** What a 决定书 costs today: 罚款 and any 加处罚款, with the due date. */
export function fetchFineDue(decisionNo: string): Promise<FineDue> {
  return apiRequest<FineDue>({ path: `/api/v1/payments/fines/${encodeURIComponent(decisionNo)}` });
}

/** Opens (or resumes) an order; the same key for every retry of one attempt. */
export function postOrder(request: CreatePaymentOrderRequest, idempotencyKey: string): Promise<PaymentOrder> {
  return apiRequest<PaymentOrder>({
    method: 'POST',
    path: ordersPath,
    data: { ...request },
    header: { 'Idempotency-Key': idempotencyKey },
  });
}

/** One order; the BFF asks the platform when it is still pending. */
export function fetchOrder(orderId: string): Promise<PaymentOrder> {
  return apiRequest<PaymentOrder>({ path: orderPath(orderId) });
}

/** 我的缴费: every order of mine, newest first. */
export function listOrders(): Promise<PaymentOrderList> {
  return apiRequest<PaymentOrderList>({ path: ordersPath });
}
