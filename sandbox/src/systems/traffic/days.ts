import { addDaysCompact, fromCompactDate } from '@suijing/shared';
import { addYears } from '../identity/licences';

/** Calendar arithmetic on yyyyMMdd strings (Beijing days), for generation and checks. */
export { addYears };

const DAY_MS = 24 * 60 * 60 * 1000;

export function addDays(date: string, days: number): string {
  const result = addDaysCompact(date, days);
  if (result === undefined) throw new Error(`traffic: bad date ${date}`);
  return result;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const a = fromCompactDate(from)?.getTime();
  const b = fromCompactDate(to)?.getTime();
  if (a === undefined || b === undefined) throw new Error(`traffic: bad dates ${from} ${to}`);
  return Math.round((b - a) / DAY_MS);
}

/** The last day of the date's month (检验有效期 runs to the end of a month). */
export function endOfMonth(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(4, 6));
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${date.slice(0, 6)}${String(last).padStart(2, '0')}`;
}

/** The first anniversary of `date` strictly after `day` (清分日期, insurance renewal); `date` is not after `day`. */
export function nextAnniversary(date: string, day: string): string {
  const years = Math.max(1, Number(day.slice(0, 4)) - Number(date.slice(0, 4)));
  const candidate = addYears(date, years);
  return candidate > day ? candidate : addYears(date, years + 1);
}

/** yyyyMMdd + seconds of the day -> "yyyy-MM-dd HH:mm:ss", the violation time format. */
export function violationTime(date: string, secondOfDay: number): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const hours = Math.floor(secondOfDay / 3600);
  const minutes = Math.floor((secondOfDay % 3600) / 60);
  return `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)} ${pad(hours)}:${pad(minutes)}:${pad(secondOfDay % 60)}`;
}

const WFSJ = /^(\d{4})-(\d{2})-(\d{2}) ([01]\d|2[0-3]):([0-5]\d):([0-5]\d)$/;

/** Whether a string is a valid violation time; its yyyyMMdd day if so. */
export function violationDay(wfsj: string): string | undefined {
  const match = WFSJ.exec(wfsj);
  if (!match) return undefined;
  const day = `${match[1]}${match[2]}${match[3]}`;
  return fromCompactDate(day) ? day : undefined;
}
