import { isValidIdNumber } from '@suijing/shared';
import { Prng } from '../core/prng';
import type { CitizenRole, SeedCitizen } from './citizens';
import { makeIdNumber } from './id-number';
import { kinDay, kinOf, type KinRole, type SeedKin } from './kin';
import { FEMALE_GIVEN_NAMES, GUANGZHOU_DISTRICTS, MALE_GIVEN_NAMES, SURNAMES } from './pools';

/**
 * The population register (人口库) behind the identity system and WeChat's
 * face check: the seeded citizens, a deterministic generated population of
 * a few thousand people, and a few special records. It is built once per
 * sandbox (both systems ask for it with the sandbox's own citizens array)
 * and never changes: what tests add (licences, ...) lives in the systems.
 *
 * Roles of the records besides the seeded citizens':
 * - resident: the generated population (mostly Guangzhou households, some from elsewhere)
 * - deceased: a person whose registration was cancelled (identity verify answers 3004)
 * - nonlocal: an adult with a household registration outside Guangdong (no 户口簿 here, a 居住证 instead)
 * - ethnic:   a Guangzhou resident with a "·" in the name (names are compared exactly)
 * - child:    a Guangzhou child under six (出生医学证明, no driving licence); the primary citizen's
 *             son (kin) has this role too, listed after the generated people
 * The primary citizen's children (seed/kin.ts) come last: the son as child, the daughter as resident.
 */
export type PersonRole = CitizenRole | 'resident' | 'deceased' | 'nonlocal' | 'ethnic' | 'child';

export interface RegisteredPerson {
  role: PersonRole;
  name: string;
  /** GB 11643 resident ID, upper-case X. */
  idNumber: string;
  gender: 'male' | 'female';
  /** yyyyMMdd, the same as in the ID. */
  birthDate: string;
  /** Household registration district (GB/T 2260) and its name. */
  regionCode: string;
  regionName: string;
  /** normal, or cancelled (deceased, number 注销). */
  status: 'normal' | 'cancelled';
}

/** How many generated residents the register holds besides the seeded and special people. */
export const GENERATED_POPULATION_SIZE = 3000;

/** Districts outside Guangzhou that generated households come from (GB/T 2260). */
export const OTHER_REGIONS = [
  { code: '440304', name: '广东省深圳市福田区' },
  { code: '440604', name: '广东省佛山市禅城区' },
  { code: '441302', name: '广东省惠州市惠城区' },
  { code: '445102', name: '广东省潮州市湘桥区' },
  { code: '430102', name: '湖南省长沙市芙蓉区' },
  { code: '450103', name: '广西壮族自治区南宁市青秀区' },
  { code: '360102', name: '江西省南昌市东湖区' },
  { code: '420106', name: '湖北省武汉市武昌区' },
  { code: '510104', name: '四川省成都市锦江区' },
  { code: '350203', name: '福建省厦门市思明区' },
] as const;

// Extra name material so a few thousand people are not all namesakes (重名 still happens, as in life).
const MORE_SURNAMES = [
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '蔡',
  '高',
  '叶',
  '邓',
  '苏',
  '曾',
  '彭',
  '欧阳',
  '司徒',
] as const;
const MORE_MALE_GIVEN = [
  '明',
  '健',
  '宇航',
  '志明',
  '嘉乐',
  '锦荣',
  '振华',
  '少华',
  '梓豪',
  '俊熙',
  '海峰',
  '家明',
] as const;
const MORE_FEMALE_GIVEN = [
  '敏',
  '芳',
  '丽华',
  '惠玲',
  '诗琪',
  '梓晴',
  '颖',
  '咏欣',
  '凤英',
  '淑贞',
  '思敏',
  '雪梅',
] as const;

const SURNAME_POOL: readonly string[] = [...SURNAMES, ...MORE_SURNAMES];
const MALE_POOL: readonly string[] = [...MALE_GIVEN_NAMES, ...MORE_MALE_GIVEN];
const FEMALE_POOL: readonly string[] = [...FEMALE_GIVEN_NAMES, ...MORE_FEMALE_GIVEN];

interface Region {
  code: string;
  name: string;
}

const generatedBySeed = new Map<number, readonly RegisteredPerson[]>();

/** The generated residents and special records of a seed (pure, cached per seed). */
export function generatedPopulation(seed: number): readonly RegisteredPerson[] {
  const cached = generatedBySeed.get(seed);
  if (cached) return cached;
  const random = Prng.derive(seed, 'seed:population');
  const taken = new Set<string>();
  const person = (
    role: PersonRole,
    male: boolean,
    birthDate: string,
    region: Region,
    name: string,
    status: RegisteredPerson['status'] = 'normal',
  ): RegisteredPerson => {
    let idNumber = '';
    do idNumber = makeIdNumber(region.code, birthDate, random.int(10, 989), male);
    while (taken.has(idNumber));
    taken.add(idNumber);
    return Object.freeze({
      role,
      name,
      idNumber,
      gender: male ? 'male' : 'female',
      birthDate,
      regionCode: region.code,
      regionName: region.name,
      status,
    } satisfies RegisteredPerson);
  };
  const randomName = (male: boolean): string =>
    `${random.pick(SURNAME_POOL)}${male ? random.pick(MALE_POOL) : random.pick(FEMALE_POOL)}`;

  const special = [
    person(
      'deceased',
      true,
      birthDate(random, 1936, 1945),
      random.pick(GUANGZHOU_DISTRICTS),
      randomName(true),
      'cancelled',
    ),
    person('nonlocal', false, birthDate(random, 1990, 1998), random.pick(OTHER_REGIONS.slice(4)), randomName(false)),
    person('ethnic', false, birthDate(random, 1992, 2000), random.pick(GUANGZHOU_DISTRICTS), '阿依古丽·买买提'),
    person('child', true, birthDate(random, 2020, 2022), random.pick(GUANGZHOU_DISTRICTS), randomName(true)),
  ];
  const residents: RegisteredPerson[] = [];
  for (let i = 0; i < GENERATED_POPULATION_SIZE; i += 1) {
    const male = random.next() < 0.5;
    const region = random.next() < 0.85 ? random.pick(GUANGZHOU_DISTRICTS) : random.pick(OTHER_REGIONS);
    residents.push(person('resident', male, birthDate(random, 1935, 2023), region, randomName(male)));
  }
  const people = Object.freeze([...special, ...residents]);
  generatedBySeed.set(seed, people);
  return people;
}

function birthDate(random: Prng, fromYear: number, toYear: number): string {
  const month = String(random.int(1, 12)).padStart(2, '0');
  const day = String(random.int(1, 28)).padStart(2, '0'); // every month has a 28th
  return `${random.int(fromYear, toYear)}${month}${day}`;
}

/** What the register says about a name and number (the order of the checks is the identity system's). */
export type IdentityCheck =
  { outcome: 'match'; person: RegisteredPerson } | { outcome: 'bad-number' | 'not-found' | 'mismatch' | 'cancelled' };

/** Upper-cases a trailing x and trims: what the register compares. */
export function normaliseIdNumber(value: string): string {
  return value.trim().toUpperCase();
}

export class PopulationRegister {
  readonly people: readonly RegisteredPerson[];
  /** The primary citizen's children, by their role in the family. */
  readonly kin: ReadonlyMap<KinRole, RegisteredPerson>;
  private readonly byId = new Map<string, RegisteredPerson>();

  constructor(citizens: readonly SeedCitizen[], generated: readonly RegisteredPerson[], kin: readonly SeedKin[] = []) {
    const seeded = citizens.map((citizen): RegisteredPerson =>
      Object.freeze({
        role: citizen.role,
        name: citizen.name,
        idNumber: citizen.idNumber,
        gender: citizen.gender,
        birthDate: citizen.birthDate,
        regionCode: citizen.regionCode,
        regionName: citizen.regionName,
        status: 'normal',
      }),
    );
    const family = kin.map((child): [KinRole, RegisteredPerson] => [
      child.role,
      Object.freeze({
        role: child.role === 'son' ? 'child' : 'resident',
        name: child.name,
        idNumber: child.idNumber,
        gender: child.gender,
        birthDate: child.birthDate,
        regionCode: child.regionCode,
        regionName: child.regionName,
        status: 'normal',
      }),
    ]);
    const people: RegisteredPerson[] = [];
    // Seeded citizens and kin claim their IDs first; a generated person who happens to share one is left out.
    for (const person of [...seeded, ...family.map(([, child]) => child)]) this.byId.set(person.idNumber, person);
    for (const person of generated) {
      if (this.byId.has(person.idNumber)) continue;
      this.byId.set(person.idNumber, person);
      people.push(person);
    }
    // Kin last, so the first person of each role stays the generated one it always was.
    this.people = Object.freeze([...seeded, ...people, ...family.map(([, child]) => child)]);
    this.kin = new Map(family);
  }

  /** The person with this number (lower-case x accepted), if registered. */
  find(idNumber: string): RegisteredPerson | undefined {
    return this.byId.get(normaliseIdNumber(idNumber));
  }

  /** The people with a role, in register order. */
  withRole(role: PersonRole): RegisteredPerson[] {
    return this.people.filter((person) => person.role === role);
  }

  /**
   * 实名核验: checksum (bad-number), presence (not-found), name (mismatch),
   * then status (cancelled). The name is checked before the status so a
   * number alone never reveals that its holder died.
   */
  check(name: string, idNumber: string): IdentityCheck {
    const number = normaliseIdNumber(idNumber);
    if (!isValidIdNumber(number)) return { outcome: 'bad-number' };
    const person = this.byId.get(number);
    if (!person) return { outcome: 'not-found' };
    if (person.name !== name.trim()) return { outcome: 'mismatch' };
    if (person.status === 'cancelled') return { outcome: 'cancelled' };
    return { outcome: 'match', person };
  }
}

// One register per sandbox: every sandbox has its own citizens array, so it is the key.
const registers = new WeakMap<readonly SeedCitizen[], PopulationRegister>();

/** The population register of the sandbox whose kit holds these citizens (built on first use). */
export function populationRegister(citizens: readonly SeedCitizen[], seed: number): PopulationRegister {
  let register = registers.get(citizens);
  if (!register) {
    register = new PopulationRegister(citizens, generatedPopulation(seed), kinOf(citizens, seed, kinDay()));
    registers.set(citizens, register);
  }
  return register;
}
