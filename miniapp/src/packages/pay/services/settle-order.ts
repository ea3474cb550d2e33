import type { PaymentOrder } from '@suijing/shared';
import { fetchOrder } from './payments-api';
import { forgetPendingOrder } from './pending-order';

/** Waits between asks while the platform's notice may still be on its way: about 15 s in all. */
export const SETTLE_DELAYS_MS: readonly number[] = [1000, 2000, 3000, 4000, 5000];

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The order once it is no longer pending, asking again with growing pauses;
 * still pending after the last ask, it is returned as it is (the page offers
 * to ask again). Each ask lets the BFF query the platform itself.
 */
export async function settleOrder(
  orderId: string,
  delays: readonly number[] = SETTLE_DELAYS_MS,
): Promise<PaymentOrder> {
  let order = await fetchOrder(orderId);
  for (const delay of delays) {
    if (order.state !== 'pending') break;
    await wait(delay);
    order = await fetchOrder(orderId);
  }
  if (order.state !== 'pending') forgetPendingOrder(orderId);
  return order;
}
