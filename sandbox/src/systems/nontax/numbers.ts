import { toCompactDateTime } from '../../legacy/dates';

/** 区划 of the 执收单位 (广州市): the first six digits of every 缴款码 the sandbox issues. */
const REGION = '440100';

/**
 * 缴款码 (缴款识别码): 20 digits = 区划 (6) + year (2) + serial (11) + a
 * Luhn check digit, so a mistyped code is caught before any lookup.
 */
export function paymentCode(year: number, serial: number): string {
  const body = `${REGION}${String(year % 100).padStart(2, '0')}${String(serial).padStart(11, '0')}`;
  return `${body}${luhnDigit(body)}`;
}

export function isPaymentCode(value: string): boolean {
  return /^\d{20}$/.test(value) && luhnDigit(value.slice(0, 19)) === value.slice(19);
}

/** 财政电子票据号: 票据代码 (8: 区划 + year) + 票据号码 (10). */
export function receiptNo(at: Date, serial: number): string {
  return `${REGION}${toCompactDateTime(at).slice(2, 4)}${String(serial).padStart(10, '0')}`;
}

/** 平台交易流水号 / 退款流水号: a prefix, the Beijing time and a serial. */
export function platformNo(prefix: 'FS' | 'TK', at: Date, serial: number): string {
  return `${prefix}${toCompactDateTime(at)}${String(serial).padStart(6, '0')}`;
}

function luhnDigit(digits: string): string {
  let sum = 0;
  [...digits].reverse().forEach((char, index) => {
    let digit = Number(char);
    if (index % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  });
  return String((10 - (sum % 10)) % 10);
}
