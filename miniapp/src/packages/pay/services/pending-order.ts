import { readString, removeKey, writeString } from '@/utils/storage';

/**
 * The order being paid, kept across the trip to the cashier page: the H5
 * build leaves the app for it, and the return URL may lose its query.
 */
const PENDING_ORDER_KEY = 'suijing.pendingPaymentOrder';

export function rememberPendingOrder(orderId: string): void {
  writeString(PENDING_ORDER_KEY, orderId);
}

export function pendingOrder(): string | null {
  return readString(PENDING_ORDER_KEY);
}

export function forgetPendingOrder(orderId: string): void {
  if (pendingOrder() === orderId) removeKey(PENDING_ORDER_KEY);
}
