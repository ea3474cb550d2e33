import { addDaysCompact, fromCompactDate } from '../../legacy/dates';

/** 缴纳期限: 15 days from the day the 处罚决定书 is served (行政处罚法 第六十七条). */
export const PAYMENT_PERIOD_DAYS = 15;
/** 加处罚款: 3 % of the fine per day overdue (行政处罚法 第七十二条). */
const LATE_FEE_PERCENT_PER_DAY = 3;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The last day (yyyyMMdd) the fine can be paid without 加处罚款: the decision day + 15. */
export function lastDayWithoutLateFee(decisionDay: string): string {
  const due = addDaysCompact(decisionDay, PAYMENT_PERIOD_DAYS);
  if (due === undefined) throw new Error(`not a day: ${decisionDay}`);
  return due;
}

/**
 * 加处罚款 in fen on `today` (yyyyMMdd, Beijing): nothing up to the last day,
 * then 3 % of the fine for every day after it, never more than the fine.
 */
export function lateFeeFen(fineFen: number, decisionDay: string, today: string): number {
  const due = fromCompactDate(lastDayWithoutLateFee(decisionDay));
  const now = fromCompactDate(today);
  if (!due || !now) throw new Error(`not a day: ${today}`);
  const overdueDays = Math.round((now.getTime() - due.getTime()) / DAY_MS);
  if (overdueDays <= 0) return 0;
  return Math.min(fineFen, Math.round((fineFen * LATE_FEE_PERCENT_PER_DAY * overdueDays) / 100));
}
