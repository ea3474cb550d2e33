import { randomBytes, randomInt } from 'node:crypto';
import { toCompactDate } from '@suijing/shared';

/**
 * Our numbers at the payment platforms. 商户订单号 (outTradeNo): "SJ", the
 * Beijing day and 16 random hex digits (26 of the 6-32 [A-Za-z0-9_-] both
 * platforms take), unguessable so a notice cannot be aimed at an order by
 * counting. The refund number is the trade number's, marked.
 */
export function newOutTradeNo(now: Date): string {
  return `SJ${toCompactDate(now)}${randomBytes(8).toString('hex').toUpperCase()}`;
}

export function outRefundNoOf(outTradeNo: string): string {
  return `${outTradeNo}R1`;
}

/** 票据号 of a fee's electronic receipt: "PJ", the Beijing day, 10 random digits. */
export function newReceiptNo(paidAt: Date): string {
  const digits = Array.from({ length: 10 }, () => String(randomInt(10))).join('');
  return `PJ${toCompactDate(paidAt)}${digits}`;
}

/** 4200001234202603021234567890 -> 4200****7890: a trade number never shows or logs in full. */
export function maskTradeNo(value: string): string {
  if (value.length <= 8) return '*'.repeat(Math.max(4, value.length));
  return `${value.slice(0, 4)}${'*'.repeat(value.length - 8)}${value.slice(-4)}`;
}

/**
 * A 财政电子票据号 as the receipt prints it: 票据代码 (8) and 票据号码 (10) apart,
 * "44010026-0000000001", never as one run of 18 digits (which reads like an ID number).
 */
export function receiptNoText(receiptNo: string): string {
  return /^\d{18}$/.test(receiptNo) ? `${receiptNo.slice(0, 8)}-${receiptNo.slice(8)}` : receiptNo;
}
