import type { PaymentOrder } from '@suijing/shared';
import { fetchOrder } from './payments-api';
import { receiptFileName, receiptObjectUrl } from './receipt';

/** What the receipt page shows: the order, and on H5 the PDF itself (an object URL). */
export interface ReceiptView {
  order: PaymentOrder;
  fileName: string;
  /** H5 only; weapp opens the PDF in WeChat's viewer on a tap. */
  pdfUrl: string | null;
}

export async function loadReceipt(orderId: string): Promise<ReceiptView> {
  const order = await fetchOrder(orderId);
  const pdfUrl = process.env.TARO_ENV === 'h5' && order.receiptAvailable ? await receiptObjectUrl(orderId) : null;
  return { order, fileName: receiptFileName(order.receiptNo, order.id), pdfUrl };
}
