import { Prng } from '../../core/prng';

/**
 * Record numbers that are unique without a registry: a small ordinal
 * (person index in the register × slot) goes through a seeded bijection of
 * [0, 10^digits), so two ordinals never share a number and a number leads
 * back to its ordinal (PUT /sandbox/traffic/vehicles/:xh finds the owner of
 * a vehicle nobody has looked at yet). People are generated lazily, one at a
 * time, so nothing else could keep numbers apart.
 */
export class Scrambler {
  private readonly modulus: bigint;
  private readonly multiplier: bigint;
  private readonly inverse: bigint;
  private readonly offset: bigint;

  constructor(
    readonly digits: number,
    seed: number,
    stream: string,
  ) {
    this.modulus = 10n ** BigInt(digits);
    const random = Prng.derive(seed, `traffic:numbering:${stream}`);
    // Coprime with 10^n (odd, not a multiple of 5), so multiplication is a bijection.
    let multiplier = BigInt(random.int(1_000_003, 9_999_999)) | 1n;
    if (multiplier % 5n === 0n) multiplier += 2n;
    this.multiplier = multiplier % this.modulus;
    this.inverse = modularInverse(this.multiplier, this.modulus);
    this.offset = BigInt(random.int(0, 2 ** 31)) % this.modulus;
  }

  /** The number of an ordinal, zero-padded to `digits`. */
  encode(ordinal: number): string {
    const value = (BigInt(ordinal) * this.multiplier + this.offset) % this.modulus;
    return value.toString().padStart(this.digits, '0');
  }

  /** The ordinal behind a number (any digits string of the right length decodes to some ordinal). */
  decode(number: string): number {
    const value = BigInt(number);
    const ordinal = (((value - this.offset) % this.modulus) + this.modulus) % this.modulus;
    return Number((ordinal * this.inverse) % this.modulus);
  }
}

function modularInverse(value: bigint, modulus: bigint): bigint {
  let [oldR, r] = [value, modulus];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  if (oldR !== 1n) throw new Error('traffic: multiplier not invertible');
  return ((oldS % modulus) + modulus) % modulus;
}
