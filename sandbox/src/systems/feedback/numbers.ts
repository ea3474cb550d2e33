import { randomInt } from 'node:crypto';

/** n random decimal digits from a crypto source (n <= 15), so one number reveals no other. */
function randomDigits(n: number): string {
  return String(randomInt(0, 10 ** n)).padStart(n, '0');
}

/** 12345 工单号: GZ12345 + yyyyMMdd (Beijing) + 6 digits, as the hotline prints them. */
export function newRequestNumber(day: string): string {
  return `GZ12345${day}${randomDigits(6)}`;
}

/** 评价编号: PJ + yyyyMMdd + 10 digits. */
export function newRatingNumber(day: string): string {
  return `PJ${day}${randomDigits(10)}`;
}

/** Draws numbers until one is not taken (the day's space is large; a clash is rare). */
export function unusedNumber(draw: () => string, taken: (candidate: string) => boolean): string {
  for (;;) {
    const candidate = draw();
    if (!taken(candidate)) return candidate;
  }
}
