/**
 * Moments in Beijing time for tests that depend on opening hours: the hall
 * system and the BFF read the same (advanced) clock, so a test first moves
 * the world to a known weekday hour instead of depending on when CI runs.
 */

const HOUR_MS = 3_600_000;
const BEIJING_OFFSET_MS = 8 * HOUR_MS;

/** Milliseconds from `now` to the next Monday-Friday at `hour`:`minute` Beijing time (at least a minute ahead). */
export function msUntilWeekdayAt(now: Date, hour: number, minute = 0): number {
  for (let day = 0; day <= 8; day += 1) {
    const beijing = new Date(now.getTime() + BEIJING_OFFSET_MS + day * 24 * HOUR_MS);
    const weekday = beijing.getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const target =
      Date.UTC(beijing.getUTCFullYear(), beijing.getUTCMonth(), beijing.getUTCDate(), hour, minute) - BEIJING_OFFSET_MS;
    if (target - now.getTime() >= 60_000) return target - now.getTime();
  }
  throw new Error('no weekday within 8 days');
}

/** yyyy-MM-dd of the Beijing calendar day of `instant`. */
export function beijingDate(instant: Date): string {
  return new Date(instant.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whole years of age on the Beijing day of `instant`, from a yyyyMMdd birth date. */
export function ageAt(birthDate: string, instant: Date): number {
  const today = beijingDate(instant).replace(/-/g, '');
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(4) >= birthDate.slice(4) ? years : years - 1;
}
