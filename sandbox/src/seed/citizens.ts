import { Prng } from '../core/prng';
import { DEFAULT_SEED } from '../options';
import { makeIdNumber } from './id-number';
import {
  FEMALE_GIVEN_NAMES,
  GUANGZHOU_DISTRICTS,
  MALE_GIVEN_NAMES,
  MOBILE_PREFIXES,
  OPENID_ALPHABET,
  SURNAMES,
} from './pools';

/**
 * Who a seeded citizen is for. Tests pick people by role, not by name,
 * since names depend on the seed:
 * - primary, secondary: ordinary adults (secondary is a woman)
 * - elder: over 60, for the green channel and care mode
 * - young: a young adult, e.g. a new driver
 * - blocked: a user WeChat marks high-risk (jscode2session answers 40226)
 * - newcomer: a young woman with her hukou in 长沙 who moved to 天河区 (an active 居住登记 of 200 days, no 居住证)
 */
export type CitizenRole = 'primary' | 'secondary' | 'elder' | 'young' | 'blocked' | 'newcomer';

export interface SeedCitizen {
  role: CitizenRole;
  openid: string;
  unionid: string;
  /** Mainland mobile, 11 digits. */
  phone: string;
  name: string;
  /** GB 11643 resident ID with a valid check character. */
  idNumber: string;
  gender: 'male' | 'female';
  /** yyyyMMdd, the same as in the ID. */
  birthDate: string;
  /** Household registration district (GB/T 2260 code and name). */
  regionCode: string;
  regionName: string;
  /** WeChat refuses this user's logins as high-risk. */
  wechatBlocked: boolean;
}

interface Persona {
  role: CitizenRole;
  male: boolean;
  birthYears: [number, number];
  /** Household registration outside Guangzhou (else a Guangzhou district is drawn). */
  hukou?: { code: string; name: string };
}

const PERSONAS: readonly Persona[] = [
  { role: 'primary', male: true, birthYears: [1985, 1992] },
  { role: 'secondary', male: false, birthYears: [1988, 1996] },
  { role: 'elder', male: true, birthYears: [1950, 1960] },
  { role: 'young', male: false, birthYears: [2002, 2005] },
  { role: 'blocked', male: true, birthYears: [1978, 1990] },
  // Last, so the draws of the people above stay as they were.
  { role: 'newcomer', male: false, birthYears: [1993, 1998], hukou: { code: '430102', name: '湖南省长沙市芙蓉区' } },
];

/** The seeded citizens for a seed: the same seed always gives the same people. */
export function seedCitizens(seed: number = DEFAULT_SEED): readonly SeedCitizen[] {
  const random = Prng.derive(seed, 'seed:citizens');
  const taken = new Set<string>();
  const unique = (make: () => string): string => {
    for (;;) {
      const value = make();
      if (!taken.has(value)) {
        taken.add(value);
        return value;
      }
    }
  };
  return Object.freeze(
    PERSONAS.map((persona) => {
      const drawn = random.pick(GUANGZHOU_DISTRICTS);
      const district = persona.hukou ?? drawn;
      const birthDate = randomBirthDate(random, persona.birthYears);
      const given = persona.male ? random.pick(MALE_GIVEN_NAMES) : random.pick(FEMALE_GIVEN_NAMES);
      return Object.freeze({
        role: persona.role,
        openid: unique(() => `o${random.chars(OPENID_ALPHABET, 27)}`),
        unionid: unique(() => `o${random.chars(OPENID_ALPHABET, 27)}`),
        phone: unique(() => `${random.pick(MOBILE_PREFIXES)}${random.chars('0123456789', 8)}`),
        name: `${random.pick(SURNAMES)}${given}`,
        idNumber: unique(() => makeIdNumber(district.code, birthDate, random.int(10, 989), persona.male)),
        gender: persona.male ? 'male' : 'female',
        birthDate,
        regionCode: district.code,
        regionName: district.name,
        wechatBlocked: persona.role === 'blocked',
      } satisfies SeedCitizen);
    }),
  );
}

function randomBirthDate(random: Prng, [fromYear, toYear]: [number, number]): string {
  const year = random.int(fromYear, toYear);
  const month = random.int(1, 12);
  const day = random.int(1, 28); // every month has a 28th, so no calendar check is needed
  return `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
}

/** The citizens of the default seed, for tests and the demo. */
export const SEED_CITIZENS: readonly SeedCitizen[] = seedCitizens();

/** The citizen with a role among the given seed's citizens. */
export function seedCitizen(role: CitizenRole, citizens: readonly SeedCitizen[] = SEED_CITIZENS): SeedCitizen {
  const citizen = citizens.find((candidate) => candidate.role === role);
  if (!citizen) throw new Error(`seed: no citizen with role ${role}`);
  return citizen;
}
