import { idNumberCheckChar, isValidIdNumber } from '@suijing/shared';

/**
 * Builds a GB 11643-1999 resident ID: region code, birth date, a three-digit
 * sequence whose parity is the sex (odd = male), and the MOD 11-2 check
 * character, so the BFF's validators accept it like a real one.
 */
export function makeIdNumber(regionCode: string, birthDate: string, sequence: number, male: boolean): string {
  const parityFixed = sequence % 2 === (male ? 1 : 0) ? sequence : sequence + 1;
  const first17 = `${regionCode}${birthDate}${String(parityFixed % 1000).padStart(3, '0')}`;
  const id = `${first17}${idNumberCheckChar(first17)}`;
  if (!isValidIdNumber(id)) throw new Error(`seed: generated an invalid resident ID for ${regionCode}/${birthDate}`);
  return id;
}
