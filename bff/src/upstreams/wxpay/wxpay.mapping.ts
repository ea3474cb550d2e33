import type { BillLine, Refund, Trade } from './wxpay.types';
import {
  BILL_COLUMNS,
  BILL_SUMMARY_HEADER,
  type RefundNoticeWire,
  type RefundWire,
  type TransactionWire,
} from './wxpay.dialect';

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** An instant as the platform wants it: rfc3339 in Beijing time, e.g. 2026-12-06T20:30:00+08:00. */
export function toRfc3339(instant: Date): string {
  const shifted = new Date(instant.getTime() + BEIJING_OFFSET_MS).toISOString();
  return `${shifted.slice(0, 19)}+08:00`;
}

/** An rfc3339 instant with its offset; undefined for anything else. */
export function fromRfc3339(value: string | undefined): Date | undefined {
  if (value === undefined || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value))
    return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

export function tradeOf(wire: TransactionWire): Trade {
  const successTime = fromRfc3339(wire.success_time);
  const openid = wire.payer?.openid;
  return {
    outTradeNo: wire.out_trade_no,
    ...(wire.transaction_id === undefined ? {} : { transactionId: wire.transaction_id }),
    state: wire.trade_state,
    amountFen: wire.amount.total,
    ...(openid === undefined ? {} : { payerOpenid: openid }),
    ...(successTime === undefined ? {} : { successTime }),
  };
}

export function refundOf(wire: RefundWire): Refund {
  const successTime = fromRfc3339(wire.success_time);
  return {
    outTradeNo: wire.out_trade_no,
    outRefundNo: wire.out_refund_no,
    refundId: wire.refund_id,
    status: wire.status,
    refundFen: wire.amount.refund,
    ...(successTime === undefined ? {} : { successTime }),
  };
}

export function refundOfNotice(wire: RefundNoticeWire): Refund {
  const successTime = fromRfc3339(wire.success_time);
  return {
    outTradeNo: wire.out_trade_no,
    outRefundNo: wire.out_refund_no,
    refundId: wire.refund_id,
    status: wire.refund_status,
    refundFen: wire.amount.refund,
    ...(successTime === undefined ? {} : { successTime }),
  };
}

/** "200.00" (yuan) -> 20000 (fen), without floating point; undefined for anything else. */
export function fenOfYuan(value: string): number | undefined {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(value);
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** "2026-12-01 10:00:00" (Beijing wall clock) -> the instant. */
function billTimeOf(value: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s) - BEIJING_OFFSET_MS);
}

/**
 * The detail rows of an ALL trade bill: payments (SUCCESS) and refunds (REFUND); other rows (撤销) are not
 * ours to reconcile. Every field starts with a backtick, so fields are split at ",`" (a comma inside a
 * description does not split). Throws on a row it cannot read: a bill is all or nothing.
 */
export function billLinesOf(text: string): BillLine[] {
  const rows = text.split(/\r?\n/).filter((line) => line.length > 0);
  const lines: BillLine[] = [];
  for (const row of rows.slice(1)) {
    if (row.startsWith(BILL_SUMMARY_HEADER)) break;
    if (!row.startsWith('`')) throw new Error('bill row without backticks');
    const fields = row.slice(1).split(',`');
    const field = (index: number): string => fields[index] ?? '';
    const state = field(BILL_COLUMNS.state);
    if (state !== 'SUCCESS' && state !== 'REFUND') continue;
    const tradeTime = billTimeOf(field(BILL_COLUMNS.tradeTime));
    const totalFen = fenOfYuan(field(BILL_COLUMNS.totalYuan));
    const refundFen = state === 'REFUND' ? fenOfYuan(field(BILL_COLUMNS.refundYuan)) : 0;
    const outRefundNo = field(BILL_COLUMNS.outRefundNo);
    if (tradeTime === undefined || totalFen === undefined || refundFen === undefined)
      throw new Error('bill row with an unreadable time or amount');
    if (!field(BILL_COLUMNS.transactionId) || !field(BILL_COLUMNS.outTradeNo))
      throw new Error('bill row without order numbers');
    lines.push({
      tradeTime,
      transactionId: field(BILL_COLUMNS.transactionId),
      outTradeNo: field(BILL_COLUMNS.outTradeNo),
      kind: state,
      totalFen,
      refundFen,
      ...(state === 'REFUND' && outRefundNo ? { outRefundNo } : {}),
    });
  }
  return lines;
}
