import { amountInCapitals, type PaymentOrder } from '@suijing/shared';
import { formatDateTime } from '@/utils/format';
import { fenText } from '@/utils/money';
import { PLATFORM_TEXT, referenceLabel } from '../utils/order-thing';
import { fetchOrder } from './payments-api';
import { receiptFileName, receiptObjectUrl } from './receipt';

/** One line of the receipt: a label and what it says. */
export interface ReceiptRow {
  label: string;
  value: string;
}

/** The 电子票据 as the receipt card shows it, from the order view (the same facts as the PDF). */
export interface ReceiptCardView {
  receiptNo: string;
  /** 开具时间: the receipt is issued when the platform confirms the payment. */
  issuedAt: string;
  title: string;
  referenceLabel: string;
  reference: string;
  lines: ReceiptRow[];
  totalText: string;
  totalCapitals: string;
  platformText: string;
  tradeNoMasked: string;
  paidAt: string;
  /** Money given back since (重复支付, 撤回, 不予许可): the receipt stays, the refund is noted. */
  refunds: ReceiptRow[];
}

/** What the receipt page shows: the order, the receipt card, and on H5 the PDF itself (an object URL). */
export interface ReceiptView {
  order: PaymentOrder;
  card: ReceiptCardView | null;
  fileName: string;
  /** H5 only; weapp downloads the PDF and opens it in WeChat's viewer on a tap. */
  pdfUrl: string | null;
}

const REFUND_STATE_TEXT: Readonly<Record<PaymentOrder['refunds'][number]['state'], string>> = {
  processing: '退款中',
  refunded: '已退款',
  failed: '退款失败',
};

const orDash = (value: string | undefined): string => value ?? '—';

export function receiptCard(order: PaymentOrder): ReceiptCardView {
  const paidAt = order.paidAt ? formatDateTime(order.paidAt) : '—';
  return {
    receiptNo: orDash(order.receiptNo),
    issuedAt: paidAt,
    title: order.thing.title,
    referenceLabel: referenceLabel(order),
    reference: order.thing.reference,
    lines: order.lines.map((line) => ({ label: line.label, value: fenText(line.amountFen) })),
    totalText: fenText(order.amountFen),
    totalCapitals: `人民币${amountInCapitals(order.amountFen)}`,
    platformText: PLATFORM_TEXT[order.platform],
    tradeNoMasked: orDash(order.tradeNoMasked),
    paidAt,
    refunds: order.refunds.map((refund) => ({
      label: `${refund.reason}（${REFUND_STATE_TEXT[refund.state]}）`,
      value: fenText(refund.amountFen),
    })),
  };
}

export async function loadReceipt(orderId: string): Promise<ReceiptView> {
  const order = await fetchOrder(orderId);
  const ready = order.receiptAvailable;
  const pdfUrl = process.env.TARO_ENV === 'h5' && ready ? await receiptObjectUrl(orderId) : null;
  return {
    order,
    card: ready ? receiptCard(order) : null,
    fileName: receiptFileName(order.receiptNo, order.id),
    pdfUrl,
  };
}
