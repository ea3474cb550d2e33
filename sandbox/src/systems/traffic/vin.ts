import type { Prng } from '../../core/prng';

/** ISO 3779 characters (no I, O, Q). */
export const VIN_ALPHABET = '0123456789ABCDEFGHJKLMNPRSTUVWXYZ';
const VALUES: Readonly<Record<string, number>> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5,
  P: 7, R: 9, S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
}; // prettier-ignore
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
const YEAR_CODES = 'ABCDEFGHJKLMNPRSTVWXY'; // 2010 onwards; 2001-2009 are the digits 1-9

/**
 * A 17-character 车辆识别代号 with the real structure (GB 16735): the
 * maker's WMI, five descriptor characters, the check digit (position 9,
 * as China requires), the model-year code, a plant and a serial number.
 */
export function makeVin(random: Prng, wmi: string, registeredYear: number): string {
  const year =
    registeredYear >= 2010
      ? (YEAR_CODES[(registeredYear - 2010) % YEAR_CODES.length] ?? 'A')
      : String(Math.max(1, registeredYear - 2000));
  const body = `${wmi}${random.chars(VIN_ALPHABET, 5)}0${year}${random.chars(VIN_ALPHABET, 1)}${random.chars('0123456789', 6)}`;
  return `${body.slice(0, 8)}${vinCheckDigit(body)}${body.slice(9)}`;
}

/** The check character of a VIN (its own position counts zero). */
export function vinCheckDigit(vin: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const char = vin[i] ?? '0';
    const value = /\d/.test(char) ? Number(char) : (VALUES[char] ?? 0);
    sum += value * (WEIGHTS[i] ?? 0);
  }
  const remainder = sum % 11;
  return remainder === 10 ? 'X' : String(remainder);
}
