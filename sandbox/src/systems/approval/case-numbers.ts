import { randomBytes, randomInt } from 'node:crypto';

/** n random decimal digits from a crypto source (n <= 15, so randomInt's range is enough). */
function randomDigits(n: number): string {
  return String(randomInt(0, 10 ** n)).padStart(n, '0');
}

/** 办件编号: yyyyMMdd (Beijing) + 4401 (广州) + 10 crypto-random digits, so one number reveals no other. */
export function newCaseNumber(day: string): string {
  return `${day}4401${randomDigits(10)}`;
}

/** 文件标识: opaque and unguessable. */
export function newFileId(): string {
  return `WJ${randomBytes(16).toString('hex').toUpperCase()}`;
}

/** 事件编号: event time + random, unique across resets too (the BFF dedups on it). */
export function newEventId(compactNow: string): string {
  return `SJ${compactNow}${randomBytes(6).toString('hex').toUpperCase()}`;
}

/** A domestic EMS waybill number as printed on 政务 mail: 13 digits starting with 11. */
export function newEmsNumber(): string {
  return `11${randomDigits(11)}`;
}

/** 电子证明 证明编号: GZ + issuing day + 10 random digits. */
export function newCertificateNumber(day: string): string {
  return `GZ${day}${randomDigits(10)}`;
}

/** 核验码: 8 characters without look-alikes (no 0/O, 1/I), typed in to check a certificate. */
export function newVerificationCode(): string {
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  return Array.from({ length: 8 }, () => alphabet[randomInt(0, alphabet.length)]).join('');
}
