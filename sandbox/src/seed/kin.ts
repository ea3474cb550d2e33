import { addDaysToDay, addMonthsToDay, addYearsToDay, compactFromIsoDay, isoDayFromCompact } from '@suijing/shared';
import { Prng } from '../core/prng';
import { toCompactDate } from '../legacy/dates';
import { DEFAULT_SEED } from '../options';
import { seedCitizen, seedCitizens, type SeedCitizen } from './citizens';
import { makeIdNumber } from './id-number';
import { FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES } from './pools';

/** The children of the primary citizen (and of the secondary, their mother), for acting on a family member's behalf. */
export type KinRole = 'son' | 'daughter';

export interface SeedKin {
  role: KinRole;
  name: string;
  /** GB 11643 resident ID (the hukou district is the father's). */
  idNumber: string;
  gender: 'male' | 'female';
  /** yyyyMMdd, the same as in the ID. */
  birthDate: string;
  regionCode: string;
  regionName: string;
}

/**
 * The primary citizen's children as of `today` (yyyyMMdd): a son of 8 (a
 * minor whose 出生医学证明 names primary as father and secondary as mother)
 * and a daughter of 16 years and 2 months (an adult for acting on her behalf:
 * she authorises it herself). Ages are kept relative to today, so they do not
 * drift with the years; both sides (sandbox and tests) compute the same people
 * on the same day.
 */
export function kinOf(citizens: readonly SeedCitizen[], seed: number, today: string): readonly SeedKin[] {
  const father = seedCitizen('primary', citizens);
  const random = Prng.derive(seed, 'seed:kin');
  const day = isoDayFromCompact(today);
  const surname = father.name.slice(0, 1);
  const given = (pool: readonly string[]): string => {
    for (;;) {
      const name = `${surname}${random.pick(pool)}`;
      if (name !== father.name) return name;
    }
  };
  const child = (role: KinRole, male: boolean, birthIso: string, name: string): SeedKin => {
    const birthDate = compactFromIsoDay(birthIso);
    return Object.freeze({
      role,
      name,
      idNumber: makeIdNumber(father.regionCode, birthDate, random.int(10, 989), male),
      gender: male ? 'male' : 'female',
      birthDate,
      regionCode: father.regionCode,
      regionName: father.regionName,
    } satisfies SeedKin);
  };
  const sonBirth = addDaysToDay(addYearsToDay(day, -8), -random.int(30, 300));
  const daughterBirth = addDaysToDay(addMonthsToDay(day, -(16 * 12 + 2)), -random.int(1, 20));
  return Object.freeze([
    child('son', true, sonBirth, given(MALE_GIVEN_NAMES)),
    child('daughter', false, daughterBirth, given(FEMALE_GIVEN_NAMES)),
  ]);
}

/** Today in Beijing as yyyyMMdd (the day the kin's ages are counted from). */
export function kinDay(): string {
  return toCompactDate(new Date());
}

/** A child of the primary citizen of a seed (name, ID number and birth date as the register holds them today). */
export function seedKin(
  role: KinRole,
  seed: number = DEFAULT_SEED,
  today: string = kinDay(),
): { name: string; idNumber: string; birthDate: string } {
  const kin = kinOf(seedCitizens(seed), seed, today).find((candidate) => candidate.role === role);
  if (!kin) throw new Error(`seed: no kin with role ${role}`);
  return { name: kin.name, idNumber: kin.idNumber, birthDate: kin.birthDate };
}
