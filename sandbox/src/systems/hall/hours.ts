import { minutesOf, weekday } from './beijing-time';
import type { Hall, OpeningLine } from './tables';

/** A stretch of a day the hall is open, in minutes of the day; extended = part of the 5+X hours. */
export interface OpenPeriod {
  from: number;
  to: number;
  extended: boolean;
}

/** Whether an hours line ("1-5", "6", "1-7") covers a weekday (1 = Monday). */
export function coversWeekday(xq: string, day: number): boolean {
  const [first, last] = xq.split('-').map(Number);
  if (first === undefined) return false;
  return day >= first && day <= (last ?? first);
}

/** The day's open periods in order; none on a closed day. */
export function openPeriods(hall: Hall, date: string): OpenPeriod[] {
  const day = weekday(date);
  return hall.gzsj
    .filter((line: OpeningLine) => coversWeekday(line.xq, day))
    .map((line) => ({ from: minutesOf(line.kssj), to: minutesOf(line.jssj), extended: line.yc === '1' }))
    .sort((a, b) => a.from - b.from);
}

export function isOpenAt(periods: readonly OpenPeriod[], minute: number): boolean {
  return periods.some((period) => minute >= period.from && minute < period.to);
}
