/**
 * Validators for the identity formats of DOMAIN.md. Dependency-free so the
 * mini-program can use exactly the rules the BFF enforces.
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';

/** The ISO 7064 MOD 11-2 check character for the first 17 digits of a resident ID. */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK_CHARS[sum % 11] ?? '';
}

/** True for a real calendar date given as yyyyMMdd. */
export function isValidCompactDate(yyyymmdd: string): boolean {
  if (!/^\d{8}$/.test(yyyymmdd)) return false;
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Today's date in China (UTC+8) as yyyyMMdd: nobody holding an ID was born after it. */
function todayInChina(): string {
  return new Date(Date.now() + 8 * 60 * 60 * 1000).toISOString().slice(0, 10).replace(/-/g, '');
}

/** GB 11643-1999 resident ID: 18 chars, a real birth date from 1900 to today, valid check char (X upper or lower). */
export function isValidIdNumber(value: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(value)) return false;
  if (value[0] === '0') return false;
  const birth = value.slice(6, 14);
  if (!isValidCompactDate(birth) || Number(birth.slice(0, 4)) < 1900 || birth > todayInChina()) return false;
  return idNumberCheckChar(value.slice(0, 17)) === value[17]?.toUpperCase();
}

/** Mainland mobile number: 11 digits starting with 1 and a valid second digit. */
export function isValidPhone(value: string): boolean {
  return /^1[3-9]\d{9}$/.test(value);
}

/** The one-character province abbreviations a plate starts with. */
export const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';

/** Plate: province + letter + 5 chars, or 6 for new-energy (D/F at either end). */
export function isValidPlate(value: string): boolean {
  const plate = value.replace(/[·\s]/g, '');
  if (plate.length < 7 || !PROVINCES.includes(plate[0] ?? '')) return false;
  const rest = plate.slice(1);
  if (/^[A-HJ-NP-Z][A-HJ-NP-Z0-9]{4}[A-HJ-NP-Z0-9挂学警港澳]$/.test(rest)) return true;
  return /^[A-HJ-NP-Z]([DF][A-HJ-NP-Z0-9]\d{4}|\d{5}[DF])$/.test(rest);
}

/** A name as on an ID card: 2-30 Chinese characters (with the · of minority names), or a Latin-script name. */
export function isValidPersonName(value: string): boolean {
  return /^[\u4e00-\u9fa5·•]{2,30}$|^[A-Za-z][A-Za-z .·-]{1,59}$/.test(value);
}

/** A six-digit SMS verification code. */
export function isValidSmsCode(value: string): boolean {
  return /^\d{6}$/.test(value);
}
