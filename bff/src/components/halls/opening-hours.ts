import { addDaysCompact, toCompactDateTime, type HallClosed } from '@suijing/shared';
import type { HallRecord } from '../../upstreams/hall/hall.dialect';

/**
 * A hall's opening hours as the queuing system writes them: weekday ranges
 * ("1-5", "6", "1-7"; 1 = Monday) with HHmm times, `yc` "1" for the "5+X"
 * extended hours (evenings, weekends).
 */

type Hours = HallRecord['gzsj'];

const DAY_NAMES = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];

function weekdays(spec: string): number[] {
  return spec.split(',').flatMap((part) => {
    const [from, to] = part.split('-').map(Number);
    if (from === undefined || !Number.isInteger(from)) return [];
    const last = to !== undefined && Number.isInteger(to) ? to : from;
    return Array.from({ length: Math.max(0, last - from + 1) }, (_, i) => from + i).filter((d) => d >= 1 && d <= 7);
  });
}

/** 1 = Monday … 7 = Sunday, of a yyyyMMdd day. */
export function weekdayOf(day: string): number {
  const utc = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(4, 6)) - 1, Number(day.slice(6, 8))));
  return utc.getUTCDay() === 0 ? 7 : utc.getUTCDay();
}

export function daysText(spec: string): string {
  const days = weekdays(spec);
  if (days.length === 7) return '每天';
  if (days.length > 2 && days.every((d, i) => i === 0 || d === (days[i - 1] ?? 0) + 1)) {
    return `${DAY_NAMES[days[0] ?? 0]}至${DAY_NAMES[days.at(-1) ?? 0]}`;
  }
  return days.map((d) => DAY_NAMES[d]).join('、');
}

const clock = (hhmm: string) => `${hhmm.slice(0, 2)}:${hhmm.slice(2, 4)}`;

export function toOpeningHours(hours: Hours) {
  return hours.map((h) => ({ days: daysText(h.xq), from: clock(h.kssj), to: clock(h.jssj), extended: h.yc === '1' }));
}

export function opensOn(hours: Hours, day: string): boolean {
  const weekday = weekdayOf(day);
  return hours.some((h) => weekdays(h.xq).includes(weekday));
}

/** Open at this instant (Beijing wall clock). Statutory holidays are the queuing system's to know, not ours. */
export function isOpenAt(hours: Hours, instant: Date): boolean {
  const stamp = toCompactDateTime(instant);
  const weekday = weekdayOf(stamp.slice(0, 8));
  const hhmm = stamp.slice(8, 12);
  return hours.some((h) => weekdays(h.xq).includes(weekday) && hhmm >= h.kssj && hhmm < h.jssj);
}

/** How far ahead the next opening is looked for: the hours repeat every week. */
const WEEK_DAYS = 7;

/**
 * Why a hall is closed at this instant and when it opens next (Beijing wall
 * clock), or undefined while it is open: later today (not-yet), after today's
 * hours (after-hours), or not on this weekday at all (day-off).
 */
export function closedState(hours: Hours, instant: Date): HallClosed | undefined {
  if (isOpenAt(hours, instant)) return undefined;
  const stamp = toCompactDateTime(instant);
  const today = stamp.slice(0, 8);
  const hhmm = stamp.slice(8, 12);
  const startsOn = (day: string): string[] =>
    hours
      .filter((h) => weekdays(h.xq).includes(weekdayOf(day)))
      .map((h) => h.kssj)
      .sort();
  const todays = startsOn(today);
  const later = todays.find((kssj) => kssj > hhmm);
  if (later) return { reason: 'not-yet', nextOpenAt: openingAt(today, later) };
  const reason = todays.length > 0 ? 'after-hours' : 'day-off';
  for (let ahead = 1; ahead <= WEEK_DAYS; ahead += 1) {
    const day = addDaysCompact(today, ahead);
    const first = day ? startsOn(day)[0] : undefined;
    if (day && first) return { reason, nextOpenAt: openingAt(day, first) };
  }
  return { reason };
}

function openingAt(day: string, hhmm: string): string {
  return `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}T${clock(hhmm)}+08:00`;
}
