import { readFileSync } from 'node:fs';
import path from 'node:path';
import { addDaysCompact, fromCompactDate } from '../../legacy/dates';

/**
 * sandbox/data/approval/holidays.json: per year the statutory holidays
 * (放假, including the weekend days inside a holiday block) and the adjusted
 * working days (调休上班, weekend days that are working days). Plain data,
 * so the BFF can keep an identical copy. This file sits three levels below
 * the package root both as source and compiled.
 */
export const HOLIDAYS_FILE = path.resolve(__dirname, '..', '..', '..', 'data', 'approval', 'holidays.json');

export interface YearCalendar {
  holidays: string[];
  workdays: string[];
}

export type HolidayTable = Record<string, YearCalendar>;

export function readHolidayTable(file: string = HOLIDAYS_FILE): HolidayTable {
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`approval: ${file} is not a JSON object`);
  }
  const table: HolidayTable = {};
  for (const [year, entry] of Object.entries(parsed)) {
    table[year] = { holidays: dateList(entry, 'holidays', year), workdays: dateList(entry, 'workdays', year) };
  }
  return table;
}

function dateList(entry: unknown, key: 'holidays' | 'workdays', year: string): string[] {
  const list: unknown =
    typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>)[key] : undefined;
  if (!Array.isArray(list)) throw new Error(`approval holidays: ${year}.${key} is not a list`);
  return list.map((day: unknown) => {
    if (typeof day !== 'string' || !day.startsWith(year) || !fromCompactDate(day)) {
      throw new Error(`approval holidays: ${year}.${key} has a bad date ${String(day)}`);
    }
    return day;
  });
}

/**
 * Working days (工作日) as government service counts them: Monday to Friday,
 * minus statutory holidays, plus the adjusted working weekend days. Years
 * missing from the table count weekends only (the table must be extended
 * every November when the State Council publishes the next year).
 */
export class WorkCalendar {
  private readonly holidays: ReadonlySet<string>;
  private readonly workdays: ReadonlySet<string>;

  constructor(table: HolidayTable) {
    const years = Object.values(table);
    this.holidays = new Set(years.flatMap((year) => year.holidays));
    this.workdays = new Set(years.flatMap((year) => year.workdays));
  }

  /** Whether yyyyMMdd is a working day. */
  isWorkingDay(day: string): boolean {
    if (this.workdays.has(day)) return true;
    if (this.holidays.has(day)) return false;
    const date = fromCompactDate(day);
    if (!date) throw new Error(`WorkCalendar: bad date ${day}`);
    // fromCompactDate gives Beijing midnight; +8 h is the same calendar day in UTC.
    const weekday = new Date(date.getTime() + 8 * 3_600_000).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  /**
   * The day `count` working days after `from` (yyyyMMdd), not counting `from`
   * itself: submitted on Monday, 1 working day is Tuesday. With count 0 it is
   * `from` when that is a working day, else the next working day (即办件).
   */
  addWorkingDays(from: string, count: number): string {
    let day = from;
    if (count === 0) {
      while (!this.isWorkingDay(day)) day = nextDay(day);
      return day;
    }
    let left = count;
    while (left > 0) {
      day = nextDay(day);
      if (this.isWorkingDay(day)) left -= 1;
    }
    return day;
  }

  /** How many working days fall after `from` up to and including `to` (yyyyMMdd); 0 when `to` is not later. */
  workingDaysBetween(from: string, to: string): number {
    let count = 0;
    for (let day = nextDay(from); day <= to; day = nextDay(day)) {
      if (this.isWorkingDay(day)) count += 1;
    }
    return count;
  }
}

function nextDay(day: string): string {
  const next = addDaysCompact(day, 1);
  if (next === undefined) throw new Error(`WorkCalendar: bad date ${day}`);
  return next;
}

let cached: WorkCalendar | undefined;
/** The calendar from holidays.json, read once per process. */
export function workCalendar(): WorkCalendar {
  cached ??= new WorkCalendar(readHolidayTable());
  return cached;
}
