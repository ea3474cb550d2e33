import { fromCompactDateTime, isoDayFromCompact, toCompactDateTime } from '@suijing/shared';
import type { BillData, CallbackBody, OrderData, StatementLine } from './nontax.dialect';
import type { FineBill, FineSettlement } from './nontax.types';

/** "200.00" -> 20000. The dialect's schema admits only yuan with two decimals. */
export function fenFromYuan(value: string): number {
  const [whole = '0', fraction = '00'] = value.split('.');
  return Number(whole) * 100 + Number(fraction);
}

/** 20000 -> "200.00". */
export function yuanFromFen(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new Error(`not an amount in fen: ${String(fen)}`);
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

/** yyyyMMddHHmmss (Beijing) of an instant, to the second. */
export function compactTime(instant: Date): string {
  return toCompactDateTime(instant);
}

const BILL_STATES: Readonly<Record<BillData['zt'], FineBill['state']>> = { '0': 'unpaid', '1': 'paid', '2': 'void' };

/** undefined when the answer contradicts itself (a paid bill without time or receipt, a total that does not add up). */
export function toFineBill(data: BillData): FineBill | undefined {
  const fineFen = fenFromYuan(data.fkje);
  const lateFeeFen = fenFromYuan(data.jcfk);
  const totalFen = fenFromYuan(data.yjje);
  if (fineFen + lateFeeFen !== totalFen) return undefined;
  const state = BILL_STATES[data.zt];
  const paidAt = data.jkrq === undefined ? undefined : fromCompactDateTime(data.jkrq);
  if (state === 'paid' && (!paidAt || data.pjh === undefined)) return undefined;
  return {
    paymentCode: data.jkm,
    decisionNo: data.jdsbh,
    fineFen,
    lateFeeFen,
    totalFen,
    dueDate: isoDayFromCompact(data.jfqx),
    state,
    ...(state === 'paid' && paidAt ? { paidAt } : {}),
    ...(state === 'paid' && data.pjh !== undefined ? { receiptNo: data.pjh } : {}),
  };
}

/** The settlement of an order (paid 1 or refunded 3); undefined for pending/closed, or an incomplete paid answer. */
export function toSettlement(data: OrderData): FineSettlement | undefined {
  if (data.zt !== '1' && data.zt !== '3') return undefined;
  const paidAt = data.zfsj === undefined ? undefined : fromCompactDateTime(data.zfsj);
  if (!paidAt || data.jylsh === undefined || data.pjh === undefined) return undefined;
  return {
    paymentCode: data.jkm,
    outTradeNo: data.ddh,
    amountFen: fenFromYuan(data.jyje),
    paidAt,
    platformTradeNo: data.jylsh,
    receiptNo: data.pjh,
    state: data.zt === '1' ? 'paid' : 'refunded',
  };
}

/** A 对账单 line: a payment (state paid) or a refund of one (state refunded; the payment's own time and amount). */
export function statementSettlement(line: StatementLine): FineSettlement | undefined {
  const paidAt = fromCompactDateTime(line.zfsj);
  if (!paidAt) return undefined;
  return {
    paymentCode: line.jkm,
    outTradeNo: line.ddh,
    amountFen: fenFromYuan(line.jyje),
    paidAt,
    platformTradeNo: line.jylsh,
    receiptNo: line.pjh,
    state: line.lx === '1' ? 'paid' : 'refunded',
  };
}

export function callbackSettlement(body: CallbackBody): FineSettlement | undefined {
  const paidAt = fromCompactDateTime(body.zfsj);
  if (!paidAt) return undefined;
  return {
    paymentCode: body.jkm,
    outTradeNo: body.ddh,
    amountFen: fenFromYuan(body.jyje),
    paidAt,
    platformTradeNo: body.jylsh,
    receiptNo: body.pjh,
    state: 'paid',
  };
}
