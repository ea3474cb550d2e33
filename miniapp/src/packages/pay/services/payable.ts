import type { AmountLine, ApplicationStatus, PaymentThing } from '@suijing/shared';
import { ApiError, type ApiErrorCode } from '@/services/api-error';
import { fetchApplication } from '@/services/applications';
import { fetchFineDue } from './payments-api';

/** What the pay page shows, the same for a fine and a fee. */
export interface Payable {
  thing: PaymentThing;
  /** 违法行为, or the fee's 收费项目. */
  title: string;
  referenceLabel: string;
  reference: string;
  /** 缴款码 (fines only). */
  paymentCode?: string;
  lines: AmountLine[];
  totalFen: number;
  /** Fines: the last day without 加处罚款 and how late it is now. */
  due?: { date: string; daysLate: number; capped: boolean };
  platformText: string;
  state: 'due' | 'paying' | 'paid' | 'refunded';
  paidOrderId?: string;
}

export type PayableLookup = { found: true; payable: Payable } | { found: false };

async function finePayable(decisionNo: string): Promise<Payable> {
  const due = await fetchFineDue(decisionNo);
  return {
    thing: { kind: 'fine', decisionNo },
    title: due.act,
    referenceLabel: '决定书编号',
    reference: due.decisionNo,
    paymentCode: due.paymentCode,
    lines: due.lines,
    totalFen: due.totalFen,
    due: { date: due.dueDate, daysLate: due.daysLate, capped: due.lateFeeCapped },
    platformText: '广东省非税收入平台',
    state: due.state === 'unpaid' ? 'due' : due.state,
    paidOrderId: due.paidOrderId,
  };
}

const FEE_PAYABLE_STATUSES: readonly ApplicationStatus[] = ['accepted', 'reviewing', 'supplement'];

async function feePayable(caseId: string): Promise<Payable | undefined> {
  const detail = await fetchApplication(caseId);
  const fee = detail.fee;
  if (!fee) return undefined;
  // A fee is paid while the case is under way; once decided or withdrawn, an unpaid one is no longer owed.
  if (fee.state === 'due' && !FEE_PAYABLE_STATUSES.includes(detail.status)) return undefined;
  return {
    thing: { kind: 'fee', caseId },
    title: fee.title,
    referenceLabel: '办件编号',
    reference: detail.caseNo,
    lines: [{ label: fee.title, amountFen: fee.amountFen }],
    totalFen: fee.amountFen,
    platformText: '微信支付',
    state: fee.state,
    paidOrderId: fee.orderId,
  };
}

const NOT_FOUND_CODES: readonly ApiErrorCode[] = [
  'FINE_NOT_FOUND',
  'CASE_NOT_FOUND',
  'FEE_NOT_DUE',
  'VALIDATION_FAILED',
];

/** The thing to pay, or not found (a wrong link, a case without a fee, a decision that is not mine). */
export async function loadPayable(thing: PaymentThing): Promise<PayableLookup> {
  try {
    const payable = thing.kind === 'fine' ? await finePayable(thing.decisionNo) : await feePayable(thing.caseId);
    return payable ? { found: true, payable } : { found: false };
  } catch (error) {
    if (error instanceof ApiError && NOT_FOUND_CODES.includes(error.code)) {
      return { found: false };
    }
    throw error;
  }
}
