import { createHash } from 'node:crypto';
import { toCompactDateTime } from '@suijing/shared';
import type { PayBook } from './book';
import { beijingDay, newToken } from './ids';

const DETAIL_HEADER =
  '交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,' +
  '应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,' +
  '手续费,费率,订单金额,申请退款金额,费率备注';
const SUMMARY_HEADER = '总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额';

/** The platform's fee on this merchant's trades (政府类 0.6%, rounded to 5 decimals of a yuan in the bill). */
const FEE_RATE = 0.006;

const yuan = (fen: number): string => (fen / 100).toFixed(2);
const fee = (fen: number): string => ((fen * FEE_RATE) / 100).toFixed(5);

function billTime(ms: number): string {
  const c = toCompactDateTime(new Date(ms));
  return `${c.slice(0, 4)}-${c.slice(4, 6)}-${c.slice(6, 8)} ${c.slice(8, 10)}:${c.slice(10, 12)}:${c.slice(12, 14)}`;
}

/** A detail row: every field behind a backtick, so spreadsheets keep the long numbers as text. */
function row(fields: readonly string[]): string {
  return fields.map((field) => `\`${field}`).join(',');
}

/**
 * The ALL trade bill of one Beijing day: a SUCCESS row per payment made that day and a REFUND row per refund
 * that succeeded that day (订单金额 is the order's total on both), then the summary. Undefined when the day had neither (the platform has no statement).
 */
export function tradeBillText(book: PayBook, day: string, mchid: string): string | undefined {
  const lines: Array<{ at: number; text: string }> = [];
  let successFen = 0;
  let refundFen = 0;
  let fees = 0;
  for (const order of book.all()) {
    if (order.successTimeMs === undefined || beijingDay(order.successTimeMs) !== day) continue;
    successFen += order.amountFen;
    fees += order.amountFen * FEE_RATE;
    lines.push({
      at: order.successTimeMs,
      text: row([
        billTime(order.successTimeMs),
        order.appid,
        mchid,
        '0',
        '',
        order.transactionId ?? '',
        order.outTradeNo,
        order.payerOpenid ?? '',
        order.tradeType,
        'SUCCESS',
        'OTHERS',
        'CNY',
        yuan(order.amountFen),
        '0.00',
        '0',
        '0',
        '0.00',
        '0.00',
        '',
        '',
        order.description,
        order.attach ?? '',
        fee(order.amountFen),
        '0.60%',
        yuan(order.amountFen),
        '0.00',
        '',
      ]),
    });
  }
  for (const refund of book.allRefunds()) {
    if (refund.successTimeMs === undefined || beijingDay(refund.successTimeMs) !== day) continue;
    const order = book.find(refund.outTradeNo);
    if (!order) continue;
    refundFen += refund.refundFen;
    fees -= refund.refundFen * FEE_RATE;
    lines.push({
      at: refund.successTimeMs,
      text: row([
        billTime(refund.successTimeMs),
        order.appid,
        mchid,
        '0',
        '',
        refund.transactionId,
        refund.outTradeNo,
        order.payerOpenid ?? '',
        order.tradeType,
        'REFUND',
        'OTHERS',
        'CNY',
        '0.00',
        '0.00',
        refund.refundId,
        refund.outRefundNo,
        yuan(refund.refundFen),
        '0.00',
        'ORIGINAL',
        'SUCCESS',
        order.description,
        order.attach ?? '',
        `-${fee(refund.refundFen)}`,
        '0.60%',
        yuan(order.amountFen),
        yuan(refund.refundFen),
        '',
      ]),
    });
  }
  if (lines.length === 0) return undefined;
  lines.sort((a, b) => a.at - b.at);
  const summary = row([
    String(lines.length),
    yuan(successFen),
    yuan(refundFen),
    '0.00',
    (fees / 100).toFixed(5),
    yuan(successFen),
    yuan(refundFen),
  ]);
  return `${DETAIL_HEADER}\r\n${lines.map((line) => line.text).join('\r\n')}\r\n${SUMMARY_HEADER}\r\n${summary}\r\n`;
}

export function sha1Hex(text: string): string {
  return createHash('sha1').update(text, 'utf8').digest('hex');
}

/** A download_url is good for 5 minutes (sandbox clock) and shows the bill as it was when asked for. */
const DOWNLOAD_TTL_MS = 5 * 60_000;

export class BillDownloads {
  private readonly files = new Map<string, { text: string; expiresAtMs: number }>();

  issue(text: string, nowMs: number): string {
    for (const [token, file] of this.files) if (file.expiresAtMs <= nowMs) this.files.delete(token);
    const token = newToken();
    this.files.set(token, { text, expiresAtMs: nowMs + DOWNLOAD_TTL_MS });
    return token;
  }

  take(token: string, nowMs: number): string | undefined {
    const file = this.files.get(token);
    return file && file.expiresAtMs > nowMs ? file.text : undefined;
  }

  clear(): void {
    this.files.clear();
  }
}
