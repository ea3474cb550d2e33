import type { StatusWord, WalletItem } from '@suijing/shared';

/**
 * A certificate's status in the 证照夹 from its dates and the words its
 * system of record gives it. Days are yyyy-MM-dd; `长期` never ends.
 */

export type WalletStatus = WalletItem['status'];

/** A certificate ending within this many days is shown as expiring (still valid, still showable). */
export const EXPIRING_DAYS = 30;

const DAY_MS = 86_400_000;
const LONG_TERM = '长期';

/** Words of the traffic system that end a licence or a registration for good. */
const REVOKED_WORDS = new Set(['撤销', '吊销', '注销', '注销可恢复', '强制注销', '达到报废标准']);
/** Words that say a date was missed (the date decides too, these say it when the record is behind). */
const EXPIRED_WORDS = new Set(['逾期未换证', '逾期未检验']);

/** Whole days from `today` to `day` (negative when past); undefined for 长期 or a day that is not one. */
export function daysUntil(day: string, today: string): number | undefined {
  const end = Date.parse(`${day}T00:00:00Z`);
  const start = Date.parse(`${today}T00:00:00Z`);
  if (day === LONG_TERM || Number.isNaN(end) || Number.isNaN(start)) return undefined;
  return Math.round((end - start) / DAY_MS);
}

/** valid / expiring / expired by the last valid day alone. */
export function byDate(validUntil: string, today: string): 'valid' | 'expiring' | 'expired' {
  const left = daysUntil(validUntil, today);
  if (left === undefined) return 'valid';
  if (left < 0) return 'expired';
  return left <= EXPIRING_DAYS ? 'expiring' : 'valid';
}

export interface Judged {
  status: WalletStatus;
  statusText: string;
}

/**
 * A licence or vehicle of the traffic system: a word that ends it (吊销, 注销)
 * revokes, a missed date expires, any other grave word (暂扣, 超分, 查封)
 * suspends; otherwise the date decides. `what` names the date in the text.
 */
export function judgeTrafficRecord(
  words: readonly StatusWord[],
  validUntil: string,
  today: string,
  what: { expired: string; expiring: (days: number) => string },
): Judged {
  const texts = words.map((word) => word.text);
  const revoked = texts.filter((text) => REVOKED_WORDS.has(text));
  if (revoked.length > 0) return { status: 'revoked', statusText: revoked.join('、') };
  const byWords = texts.some((text) => EXPIRED_WORDS.has(text));
  const dated = byDate(validUntil, today);
  if (byWords || dated === 'expired') return { status: 'expired', statusText: what.expired };
  const grave = words.filter((word) => word.severity === 'danger').map((word) => word.text);
  if (grave.length > 0) return { status: 'suspended', statusText: `${grave.join('、')}，暂不能出示` };
  if (dated === 'expiring') return { status: 'expiring', statusText: what.expiring(daysUntil(validUntil, today) ?? 0) };
  return { status: 'valid', statusText: '有效' };
}

/** May be shown to a verifier: valid, or valid and ending soon. */
export function showable(status: WalletStatus): boolean {
  return status === 'valid' || status === 'expiring';
}

/** The fact a verifier reads for "is it valid". */
export function yesNo(value: boolean): string {
  return value ? '是' : '否';
}
