import { fromCompactDate } from '@suijing/shared';
import { addDaysCompact, toCompactDateTime } from '../../legacy/dates';

const MINUTE_MS = 60_000;

/** A sandbox instant as the halls see it: Beijing day, minute of the day and the 14-digit stamp. */
export interface HallTime {
  ms: number;
  /** yyyyMMdd */
  date: string;
  /** 0..1439 */
  minute: number;
  /** yyyyMMddHHmmss */
  stamp: string;
}

export function hallTime(ms: number): HallTime {
  const stamp = toCompactDateTime(new Date(ms));
  return { ms, date: stamp.slice(0, 8), minute: Number(stamp.slice(8, 10)) * 60 + Number(stamp.slice(10, 12)), stamp };
}

/** 1 = Monday .. 7 = Sunday for a yyyyMMdd day. */
export function weekday(date: string): number {
  const day = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8))));
  return day.getUTCDay() === 0 ? 7 : day.getUTCDay();
}

/** "0930" -> 570. */
export function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(2, 4));
}

/** 570 -> "0930". */
export function hhmmOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}${String(minutes % 60).padStart(2, '0')}`;
}

/** Epoch ms of a Beijing wall-clock minute of a day. */
export function instantOf(date: string, minute: number): number {
  const start = fromCompactDate(date);
  if (!start) throw new Error(`hall: bad date ${date}`);
  return start.getTime() + minute * MINUTE_MS;
}

export function addDays(date: string, days: number): string {
  const result = addDaysCompact(date, days);
  if (result === undefined) throw new Error(`hall: bad date ${date}`);
  return result;
}
