import { hashString } from '../../core/prng';
import { fromCompactDateTime, toCompactDateTime } from '../../legacy/dates';

/**
 * 事项编码 in the national style (GB/T 39554.1-2020 as provinces apply it):
 * the implementing body's 18-char unified social credit code, the 2-digit
 * item type, the 5-digit main item, the 3-digit sub item and the 3-digit
 * situation. Every part comes from a table key, never from a position in
 * a list, so codes survive reordering and additions.
 */
export function itemCode(uscc: string, typeCode: string, mainCode: string, subCode: string, situation: string): string {
  const parts: [string, RegExp][] = [
    [uscc, /^[0-9A-Z]{18}$/],
    [typeCode, /^\d{2}$/],
    [mainCode, /^\d{5}$/],
    [subCode, /^\d{3}$/],
    [situation, /^\d{3}$/],
  ];
  for (const [part, pattern] of parts) {
    if (!pattern.test(part))
      throw new Error(`catalog data: bad item code part "${part}" (${uscc}${typeCode}${mainCode})`);
  }
  return parts.map(([part]) => part).join('');
}

/** A stable fraction in [0, 1) for a code and a purpose, so derived values do not correlate. */
export function stableFraction(code: string, purpose: string): number {
  return hashString(`${purpose}:${code}`) / 4294967296;
}

/** 上月办件量: the data's figure with a stable ±20% spread, so variants of a family differ a little. */
export function monthlyVolume(base: number, code: string): number {
  return Math.round(base * (0.8 + 0.4 * stableFraction(code, 'ybjl')));
}

/** A seed 更新时间 up to ~half a year before the publication, in office hours, stable per code. */
export function seedUpdateTime(fbsj: string, code: string): string {
  const published = fromCompactDateTime(fbsj);
  if (!published) throw new Error(`catalog data: bad fbsj "${fbsj}"`);
  const daysBack = 1 + Math.floor(stableFraction(code, 'days') * 180);
  const officeSeconds = Math.floor(stableFraction(code, 'time') * 8 * 3600);
  // Beijing midnight of the publication day, back daysBack days, then 09:00 plus office seconds.
  const dayStart = fromCompactDateTime(`${fbsj.slice(0, 8)}000000`);
  if (!dayStart) throw new Error(`catalog data: bad fbsj "${fbsj}"`);
  const instant = dayStart.getTime() - daysBack * 86_400_000 + (9 * 3600 + officeSeconds) * 1000;
  return toCompactDateTime(new Date(Math.min(instant, published.getTime())));
}
