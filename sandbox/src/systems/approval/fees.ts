import type { CaseRecord, CaseStatus } from './records';

/** Statuses in which a due fee may be paid: accepted and not yet decided (准予许可 ends it). */
export const FEE_PAYABLE: readonly CaseStatus[] = ['02', '03', '04'];

/** A payment (缴费) or refund (退费) as the payment side reports it; amounts in yuan, times yyyyMMddHHmmss. */
export interface FeePayment {
  jyh: string;
  jfje: string;
  jfsj: string;
}

export interface FeeRefund {
  jyh: string;
  tkje: string;
  tksj: string;
}

export type FeeProblem = 'no-fee' | 'already-paid' | 'amount-mismatch' | 'not-payable' | 'not-paid' | 'other-trade';

export type FeeOutcome = { ok: true; changed: boolean } | { ok: false; problem: FeeProblem };

/** Yuan text ("120", "120.5", "120.00") as fen, or undefined when it is not an amount. */
export function yuanToFen(yuan: string): number | undefined {
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(yuan);
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

const sameAmount = (a: string, b: string): boolean => {
  const fen = yuanToFen(a);
  return fen !== undefined && fen === yuanToFen(b);
};

/**
 * Records the payment of the case's fee. Idempotent per 交易号: the same trade
 * again changes nothing (even once decided), another trade for a paid fee is
 * refused, and only the fee's exact amount pays it, only before 准予许可.
 */
export function recordFeePayment(record: CaseRecord, payment: FeePayment): FeeOutcome {
  const fee = record.jfxx;
  if (!fee) return { ok: false, problem: 'no-fee' };
  if (fee.jyh !== undefined) {
    return fee.jyh === payment.jyh ? { ok: true, changed: false } : { ok: false, problem: 'already-paid' };
  }
  if (!sameAmount(payment.jfje, fee.sfje)) return { ok: false, problem: 'amount-mismatch' };
  if (!FEE_PAYABLE.includes(record.zt)) return { ok: false, problem: 'not-payable' };
  record.jfxx = { ...fee, jfzt: '1', jyh: payment.jyh, jfsj: payment.jfsj };
  return { ok: true, changed: true };
}

/** Records the full refund of the paid fee (withdrawn or refused cases); the same refund again changes nothing. */
export function recordFeeRefund(record: CaseRecord, refund: FeeRefund): FeeOutcome {
  const fee = record.jfxx;
  if (!fee) return { ok: false, problem: 'no-fee' };
  if (fee.jyh === undefined) return { ok: false, problem: 'not-paid' };
  if (fee.jyh !== refund.jyh) return { ok: false, problem: 'other-trade' };
  if (!sameAmount(refund.tkje, fee.sfje)) return { ok: false, problem: 'amount-mismatch' };
  if (fee.jfzt === '2') return { ok: true, changed: false };
  record.jfxx = { ...fee, jfzt: '2', tfsj: refund.tksj };
  return { ok: true, changed: true };
}
