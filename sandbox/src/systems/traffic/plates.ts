import type { Prng } from '../../core/prng';

/** Letters a plate may use for a digit (no I or O, which read as 1 and 0). */
const LETTER_FOR_DIGIT = 'ABCDEFGHJK';

/**
 * 号牌号码 of a Guangzhou vehicle from its slot's five distinct digits:
 * petrol plates 粤A + five characters, one of them often a letter
 * (粤A3B72C-style plates have one or two; one keeps plates distinct:
 * a letter always replaces the same digit the same way); new-energy plates
 * 粤A + D (纯电) or F (非纯电) + five digits.
 */
export function makePlate(random: Prng, digits: string, energy: 'fuel' | 'D' | 'F'): string {
  if (energy !== 'fuel') return `粤A${energy}${digits}`;
  if (random.next() < 0.25) return `粤A${digits}`;
  const at = random.int(0, digits.length - 1);
  const letter = LETTER_FOR_DIGIT[Number(digits[at])] ?? 'A';
  return `粤A${digits.slice(0, at)}${letter}${digits.slice(at + 1)}`;
}

/** A plate from another Guangdong city (a borrowed car in a 现场 record): never one of ours, which are all 粤A. */
export function otherCityPlate(random: Prng): string {
  return `粤${random.pick(['B', 'E', 'S', 'T', 'X'])}${random.chars('ABCDEFGHJKLMNPQRSTUVWXYZ0123456789', 1)}${random.chars('0123456789', 4)}`;
}
