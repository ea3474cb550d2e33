import { isValidCompactDate } from './validators';

/**
 * Legacy systems write dates as yyyyMMdd and times as yyyyMMddHHmmss in
 * Beijing time, with no zone marker. China has kept UTC+8 without daylight
 * saving since 1991, so a fixed offset is exact for any date we produce.
 */
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

function beijingParts(instant: Date): string[] {
  const shifted = new Date(instant.getTime() + BEIJING_OFFSET_MS);
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  return [
    pad(shifted.getUTCFullYear(), 4),
    pad(shifted.getUTCMonth() + 1),
    pad(shifted.getUTCDate()),
    pad(shifted.getUTCHours()),
    pad(shifted.getUTCMinutes()),
    pad(shifted.getUTCSeconds()),
  ];
}

/** 2026-11-28T03:04:05Z -> "20261128" (the Beijing calendar day). */
export function toCompactDate(instant: Date): string {
  return beijingParts(instant).slice(0, 3).join('');
}

/** 2026-11-28T03:04:05Z -> "20261128110405" (Beijing wall-clock time). */
export function toCompactDateTime(instant: Date): string {
  return beijingParts(instant).join('');
}

/** 2026-11-28T03:04:05Z -> "2026-11-28 11:04" (Beijing), as people and WeChat's `time` keywords read it. */
export function beijingMinute(instant: Date): string {
  const c = toCompactDateTime(instant);
  return `${c.slice(0, 4)}-${c.slice(4, 6)}-${c.slice(6, 8)} ${c.slice(8, 10)}:${c.slice(10, 12)}`;
}

/** "20261128" -> midnight of that day in Beijing, or undefined if it is not a real date. */
export function fromCompactDate(value: string): Date | undefined {
  if (!isValidCompactDate(value)) return undefined;
  const utcMidnight = Date.UTC(Number(value.slice(0, 4)), Number(value.slice(4, 6)) - 1, Number(value.slice(6, 8)));
  return new Date(utcMidnight - BEIJING_OFFSET_MS);
}

/** "20261128110405" -> that Beijing wall-clock instant, or undefined if malformed. */
export function fromCompactDateTime(value: string): Date | undefined {
  if (!/^\d{14}$/.test(value)) return undefined;
  const day = fromCompactDate(value.slice(0, 8));
  const hours = Number(value.slice(8, 10));
  const minutes = Number(value.slice(10, 12));
  const seconds = Number(value.slice(12, 14));
  if (!day || hours > 23 || minutes > 59 || seconds > 59) return undefined;
  return new Date(day.getTime() + ((hours * 60 + minutes) * 60 + seconds) * 1000);
}

/** Adds whole calendar days to a yyyyMMdd date (validity periods, deadlines). */
export function addDaysCompact(value: string, days: number): string | undefined {
  const day = fromCompactDate(value);
  return day ? toCompactDate(new Date(day.getTime() + days * 24 * 60 * 60 * 1000)) : undefined;
}

/** "20261128" -> "2026-11-28" (a calendar day, shown as such); anything that is not a real date is returned as is. */
export function isoDayFromCompact(value: string): string {
  return isValidCompactDate(value) ? `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}` : value;
}

/** "2026-11-28" or "20261128" -> "20261128". */
export function compactFromIsoDay(value: string): string {
  return value.replaceAll('-', '');
}

/** 1 = Monday … 7 = Sunday, of a yyyyMMdd day (a calendar day: no zone applies). */
export function isoWeekdayOfCompact(value: string): number {
  const utc = new Date(Date.UTC(Number(value.slice(0, 4)), Number(value.slice(4, 6)) - 1, Number(value.slice(6, 8))));
  return utc.getUTCDay() === 0 ? 7 : utc.getUTCDay();
}
