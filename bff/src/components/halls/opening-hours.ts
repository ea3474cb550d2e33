import {
  addDaysCompact,
  isoDayFromCompact,
  isoWeekdayOfCompact,
  toCompactDateTime,
  type HallClosed,
} from '@suijing/shared';
import type { OpeningPeriod } from '../../upstreams/hall/hall.types';

/**
 * A hall's opening hours as a rule: weekly periods (1 = Monday) with HH:mm
 * times, some of them the "5+X" extended hours (evenings, weekends). Days
 * here are yyyyMMdd Beijing calendar days, for the shared day arithmetic.
 */

type Hours = readonly OpeningPeriod[];

const DAY_NAMES = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];

export function daysText(weekdays: readonly number[]): string {
  if (weekdays.length === 7) return '每天';
  if (weekdays.length > 2 && weekdays.every((d, i) => i === 0 || d === (weekdays[i - 1] ?? 0) + 1)) {
    return `${DAY_NAMES[weekdays[0] ?? 0]}至${DAY_NAMES[weekdays.at(-1) ?? 0]}`;
  }
  return weekdays.map((d) => DAY_NAMES[d]).join('、');
}

export function toOpeningHours(hours: Hours) {
  return hours.map((h) => ({ days: daysText(h.weekdays), from: h.from, to: h.to, extended: h.extended }));
}

export function opensOn(hours: Hours, day: string): boolean {
  const weekday = isoWeekdayOfCompact(day);
  return hours.some((h) => h.weekdays.includes(weekday));
}

/** HH:mm of a yyyyMMddHHmmss stamp. */
const clockOf = (stamp: string) => `${stamp.slice(8, 10)}:${stamp.slice(10, 12)}`;

/** Open at this instant (Beijing wall clock). Statutory holidays are the queuing system's to know, not ours. */
export function isOpenAt(hours: Hours, instant: Date): boolean {
  const stamp = toCompactDateTime(instant);
  const weekday = isoWeekdayOfCompact(stamp.slice(0, 8));
  const time = clockOf(stamp);
  return hours.some((h) => h.weekdays.includes(weekday) && time >= h.from && time < h.to);
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
  const time = clockOf(stamp);
  const startsOn = (day: string): string[] =>
    hours
      .filter((h) => h.weekdays.includes(isoWeekdayOfCompact(day)))
      .map((h) => h.from)
      .sort();
  const todays = startsOn(today);
  const later = todays.find((from) => from > time);
  if (later) return { reason: 'not-yet', nextOpenAt: openingAt(today, later) };
  const reason = todays.length > 0 ? 'after-hours' : 'day-off';
  for (let ahead = 1; ahead <= WEEK_DAYS; ahead += 1) {
    const day = addDaysCompact(today, ahead);
    const first = day ? startsOn(day)[0] : undefined;
    if (day && first) return { reason, nextOpenAt: openingAt(day, first) };
  }
  return { reason };
}

function openingAt(day: string, time: string): string {
  return `${isoDayFromCompact(day)}T${time}+08:00`;
}
