import { createHash } from 'node:crypto';
import { addDaysCompact, fromCompactDate, isValidCompactDate } from '@suijing/shared';
import { Prng } from '../../core/prng';
import type { PersonRole, PopulationRegister, RegisteredPerson } from '../../seed/population';
import { LicenceFaces, type LicenceFace } from './licence-faces';

/** One licence on file, in the store's dialect (the BFF contract's LicenceRecordSchema). */
export interface LicenceRecord {
  /** 证照标识 (opaque). */
  zzbs: string;
  /** 证照类型代码 and 名称. */
  zzlxdm: string;
  zzmc: string;
  /** 证照编号 (often the ID number itself). */
  zzbh: string;
  /** 发证机关, 发证日期 yyyyMMdd, 有效期至 yyyyMMdd or 长期. */
  fzjg: string;
  fzrq: string;
  yxqz: string;
  /** 1 有效, 2 过期, 3 注销. */
  zt: LicenceStatus;
  /** 照面信息 of the licences that name others: CSZM's parents, HKB's household. */
  zzxx?: LicenceFace;
}

export type LicenceStatus = '1' | '2' | '3';

/** A stored licence: its status is computed when it is read (from the date) unless fixed. */
export type StoredLicence = Omit<LicenceRecord, 'zt'> & { zt?: LicenceStatus };

/** The licence types the store generates, with their names. */
export const LICENCE_TYPES = {
  SFZ: '居民身份证',
  HKB: '居民户口簿',
  JZZ: '广东省居住证',
  CSZM: '出生医学证明',
  JSZ: '机动车驾驶证',
  JHZ: '结婚证',
  BDCQZ: '不动产权证书',
} as const;

export const LONG_TERM = '长期';

const DIGITS = '0123456789';
const DAY_MS = 24 * 60 * 60 * 1000;
const BIRTH_HOSPITALS = [
  '广州市妇女儿童医疗中心',
  '广东省妇幼保健院',
  '中山大学附属第一医院',
  '南方医科大学南方医院',
  '广州医科大学附属第三医院',
  '广东省人民医院',
] as const;

/** Which optional licences a role always has ('yes'), never has ('no'), or draws for ('maybe'). */
type Chance = 'yes' | 'no' | 'maybe';
interface Profile {
  driving: Chance;
  /** A first driving licence within the last year (实习期). */
  newDriver?: boolean;
  marriage: Chance;
  property: Chance;
  /** 广东省居住证 for an adult with a household elsewhere (default: maybe). */
  permit?: Chance;
}
const MAYBE: Profile = { driving: 'maybe', marriage: 'maybe', property: 'maybe' };
const PROFILES: Readonly<Record<PersonRole, Profile>> = {
  primary: { driving: 'yes', marriage: 'yes', property: 'yes' },
  secondary: { driving: 'yes', marriage: 'yes', property: 'no' },
  elder: { driving: 'yes', marriage: 'yes', property: 'yes' },
  young: { driving: 'yes', newDriver: true, marriage: 'no', property: 'no' },
  blocked: MAYBE,
  resident: MAYBE,
  deceased: { driving: 'no', marriage: 'yes', property: 'yes' },
  nonlocal: { driving: 'yes', marriage: 'no', property: 'no', permit: 'yes' },
  // Registered her residence 200 days ago: no permit yet (she applies for one).
  newcomer: { driving: 'no', marriage: 'no', property: 'no', permit: 'no' },
  ethnic: MAYBE,
  child: { driving: 'no', marriage: 'no', property: 'no' },
};

/**
 * The e-licence store (电子证照库): what is on file for each person of the
 * register, generated deterministically per person (seed + ID number) as of
 * the day the sandbox started, plus what tests add. Statuses are computed
 * against the sandbox clock when read, so moving the clock makes licences expire.
 */
export class LicenceStore {
  private readonly generated = new Map<string, readonly StoredLicence[]>();
  private readonly added = new Map<string, StoredLicence[]>();
  /** Types taken off a person's file (a permit withdrawn by a test), until reset. */
  private readonly withdrawn = new Map<string, Set<string>>();
  private readonly faces: LicenceFaces;
  private addedCount = 0;

  constructor(
    private readonly register: PopulationRegister,
    private readonly seed: number,
    /** yyyyMMdd: the day the generated history runs up to. */
    private readonly asOf: string,
  ) {
    this.faces = new LicenceFaces(register, seed, asOf);
  }

  /** The person's licences with their statuses on `today`; [] for someone not in the register. */
  list(idNumber: string, today: string): LicenceRecord[] {
    const person = this.register.find(idNumber);
    if (!person) return [];
    const added = this.added.get(person.idNumber) ?? [];
    const addedTypes = new Set(added.map((licence) => licence.zzlxdm));
    const withdrawn = this.withdrawn.get(person.idNumber);
    const kept = this.generatedFor(person).filter(
      (licence) => !addedTypes.has(licence.zzlxdm) && !withdrawn?.has(licence.zzlxdm),
    );
    return [...kept, ...added].map((licence) => withStatus(this.faces.dress(person, licence), person, today));
  }

  /** Takes the person's licence of a type off their file (generated or added). */
  withdraw(person: RegisteredPerson, zzlxdm: string): void {
    const list = (this.added.get(person.idNumber) ?? []).filter((licence) => licence.zzlxdm !== zzlxdm);
    this.added.set(person.idNumber, list);
    const types = this.withdrawn.get(person.idNumber) ?? new Set<string>();
    types.add(zzlxdm);
    this.withdrawn.set(person.idNumber, types);
  }

  /** Files a licence for a registered person; it replaces their licence of the same type, if any. */
  add(person: RegisteredPerson, licence: Omit<StoredLicence, 'zzbs'>, today: string): LicenceRecord {
    this.addedCount += 1;
    const stored: StoredLicence = {
      ...licence,
      zzbs: licenceId(this.seed, person.idNumber, `added:${this.addedCount}`),
    };
    const list = (this.added.get(person.idNumber) ?? []).filter((other) => other.zzlxdm !== licence.zzlxdm);
    list.push(stored);
    this.added.set(person.idNumber, list);
    this.withdrawn.get(person.idNumber)?.delete(licence.zzlxdm);
    return withStatus(this.faces.dress(person, stored), person, today);
  }

  /** The type codes on file for a person (for the people listing). */
  typesOf(person: RegisteredPerson, today: string): string[] {
    return this.list(person.idNumber, today).map((licence) => licence.zzlxdm);
  }

  reset(): void {
    this.added.clear();
    this.withdrawn.clear();
    this.addedCount = 0;
  }

  private generatedFor(person: RegisteredPerson): readonly StoredLicence[] {
    let licences = this.generated.get(person.idNumber);
    if (!licences) {
      licences = Object.freeze(generateLicences(person, this.seed, this.asOf));
      this.generated.set(person.idNumber, licences);
    }
    return licences;
  }
}

function withStatus(licence: StoredLicence, person: RegisteredPerson, today: string): LicenceRecord {
  const computed: LicenceStatus =
    person.status === 'cancelled' ? '3' : licence.yxqz !== LONG_TERM && licence.yxqz < today ? '2' : '1';
  return { ...licence, zt: licence.zt ?? computed };
}

/**
 * A driving licence's history as the store generated it: the traffic system
 * (车驾管) builds its driver records from the same draw, so both agree on
 * who drives and on the dates.
 */
export interface DrivingHistory {
  /** 初次领证日期 yyyyMMdd. */
  firstIssued: string;
  /** The current licence: 发证日期 and 有效期至 (yyyyMMdd or 长期). */
  issued: string;
  expires: string;
}

/** Everything on file for one person as of a day. Draws from a stream of its own, so people do not affect each other. */
export function generateLicences(person: RegisteredPerson, seed: number, asOf: string): StoredLicence[] {
  return generateLicenceFile(person, seed, asOf).licences;
}

/** The person's driving licence history, if the store holds a 机动车驾驶证 for them (pure, as generateLicences). */
export function drivingHistory(person: RegisteredPerson, seed: number, asOf: string): DrivingHistory | undefined {
  return generateLicenceFile(person, seed, asOf).driving;
}

/** generateLicences with the driving licence's first issue date, which the licence record itself does not carry. */
function generateLicenceFile(
  person: RegisteredPerson,
  seed: number,
  asOf: string,
): { licences: StoredLicence[]; driving?: DrivingHistory } {
  const random = Prng.derive(seed, `elicence:${person.idNumber}`);
  const profile = PROFILES[person.role];
  const place = placeOf(person.regionName);
  const local = person.regionCode.startsWith('4401');
  const age = ageOn(person.birthDate, asOf);
  const birth = person.birthDate;
  const make = (
    type: keyof typeof LICENCE_TYPES,
    rest: Omit<StoredLicence, 'zzbs' | 'zzlxdm' | 'zzmc'>,
  ): StoredLicence => ({
    zzbs: licenceId(seed, person.idNumber, type),
    zzlxdm: type,
    zzmc: LICENCE_TYPES[type],
    ...rest,
  });
  const has = (chance: Chance, probability: number): boolean =>
    chance === 'yes' || (chance === 'maybe' && random.next() < probability);
  const licences: StoredLicence[] = [];
  let driving: DrivingHistory | undefined;

  // 居民身份证: 5 years when issued under 16, 10 up to 25, 20 up to 45, then 长期; a few people let it lapse.
  const firstCard = clampTo(
    addDays(addYears(birth, age < 16 ? random.int(0, Math.max(0, age - 1)) : 16), random.int(30, 300)),
    asOf,
  );
  const card = renewals(random, firstCard, asOf, 0.06, (issued) => {
    const at = ageOn(birth, issued);
    return at < 16 ? 5 : at <= 25 ? 10 : at <= 45 ? 20 : undefined;
  });
  licences.push(make('SFZ', { zzbh: person.idNumber, fzjg: `${place.city}公安局${place.districtShort}分局`, ...card }));

  if (local) {
    // 居民户口簿: the booklet re-issued at some point since birth; 户号 of nine digits after the district.
    const issued = randomDate(random, addDays(birth, 20), asOf);
    licences.push(
      make('HKB', {
        zzbh: `${person.regionCode}${random.chars(DIGITS, 9)}`,
        fzjg: `${place.city}公安局${place.districtShort}分局`,
        fzrq: issued,
        yxqz: LONG_TERM,
      }),
    );
  } else if (age >= 16 && has(profile.permit ?? 'maybe', 0.7)) {
    // 广东省居住证: for people living in Guangzhou with a household elsewhere; three years, so some have expired.
    const issued = randomDate(random, maxDate(addYears(birth, 16), addYears(asOf, -4)), asOf);
    licences.push(
      make('JZZ', {
        zzbh: person.idNumber,
        fzjg: `广州市公安局${random.pick(['天河', '海珠', '白云', '番禺', '越秀'])}分局`,
        fzrq: issued,
        yxqz: addYears(issued, 3),
      }),
    );
  }

  if (local && birth >= '19960101' && (person.role === 'child' || random.next() < (age < 18 ? 0.9 : 0.4))) {
    licences.push(
      make('CSZM', {
        zzbh: `${random.pick(['N', 'O', 'P', 'Q', 'R'])}${person.regionCode.slice(0, 2)}${random.chars(DIGITS, 7)}`,
        fzjg: random.pick(BIRTH_HOSPITALS),
        fzrq: clampTo(addDays(birth, random.int(1, 15)), asOf),
        yxqz: LONG_TERM,
      }),
    );
  }

  if (age >= 18 && has(profile.driving, 0.55)) {
    // 机动车驾驶证: first 6 years, then 10, then 长期; the number is the ID number.
    const first = profile.newDriver
      ? maxDate(addYears(birth, 18), addDays(asOf, -random.int(30, 300)))
      : maxDate(
          addYears(birth, 18),
          clampTo(
            addDays(addYears(birth, random.int(18, Math.max(18, Math.min(age - 1, 35)))), random.int(0, 300)),
            addDays(asOf, -30),
          ),
        );
    let renewal = 0;
    const term = renewals(random, first, asOf, 0.08, () => [6, 10][renewal++]);
    licences.push(make('JSZ', { zzbh: person.idNumber, fzjg: '广东省广州市公安局交通警察支队', ...term }));
    driving = { firstIssued: first, issued: term.fzrq, expires: term.yxqz };
  }

  const marriageAge = person.gender === 'male' ? 22 : 20;
  if (age >= marriageAge + 3 && has(profile.marriage, 0.6)) {
    const married = randomDate(random, addYears(birth, marriageAge), minDate(addYears(birth, 40), asOf));
    licences.push(
      make('JHZ', {
        zzbh: `J${person.regionCode}-${married.slice(0, 4)}-${random.chars(DIGITS, 6)}`,
        fzjg: `${place.city}${place.district}民政局`,
        fzrq: married,
        yxqz: LONG_TERM,
      }),
    );
  }

  if (age >= 25 && has(profile.property, 0.35)) {
    const bought = randomDate(random, maxDate(addYears(birth, 25), '20160101'), asOf);
    licences.push(
      make('BDCQZ', {
        zzbh: `粤（${bought.slice(0, 4)}）广州市不动产权第${random.chars(DIGITS, 7)}号`,
        fzjg: '广州市规划和自然资源局',
        fzrq: bought,
        yxqz: LONG_TERM,
      }),
    );
  }
  return driving === undefined ? { licences } : { licences, driving };
}

/**
 * Follows a licence from its first issue through its renewals up to `asOf`:
 * each term comes from `years` (undefined = 长期); a lapser does not renew a
 * term that ran out in the last three years, so it shows as expired.
 */
function renewals(
  random: Prng,
  firstIssue: string,
  asOf: string,
  lapseChance: number,
  years: (issued: string) => number | undefined,
): { fzrq: string; yxqz: string } {
  const lapser = random.next() < lapseChance;
  let issued = firstIssue;
  for (;;) {
    const term = years(issued);
    if (term === undefined) return { fzrq: issued, yxqz: LONG_TERM };
    const expires = addYears(issued, term);
    if (expires > asOf || (lapser && expires > addYears(asOf, -3))) return { fzrq: issued, yxqz: expires };
    issued = addDays(expires, -random.int(0, 60)); // renewed shortly before it ran out
  }
}

/** '广东省广州市天河区' -> {city: '广州市', district: '天河区', districtShort: '天河'}. */
function placeOf(regionName: string): { city: string; district: string; districtShort: string } {
  const match = /^.+?(?:省|自治区)(.+?市)(.+)$/.exec(regionName);
  const city = match?.[1] ?? '广州市';
  const district = match?.[2] ?? '';
  return { city, district, districtShort: district.replace(/[区县市]$/, '') };
}

/** A stable opaque 证照标识 (32 hex characters). */
function licenceId(seed: number, idNumber: string, discriminator: string): string {
  return createHash('sha256').update(`elicence:${seed}:${idNumber}:${discriminator}`).digest('hex').slice(0, 32);
}

/** Whole years of age on a day. */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(4) < birthDate.slice(4) ? years - 1 : years;
}

/** Adds calendar years; 29 February becomes the 28th in common years. */
export function addYears(date: string, years: number): string {
  const candidate = `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
  return isValidCompactDate(candidate) ? candidate : `${candidate.slice(0, 6)}28`;
}

function addDays(date: string, days: number): string {
  const result = addDaysCompact(date, days);
  if (result === undefined) throw new Error(`elicence: bad date ${date}`);
  return result;
}

function randomDate(random: Prng, from: string, to: string): string {
  if (from >= to) return to;
  const span = Math.round(((fromCompactDate(to)?.getTime() ?? 0) - (fromCompactDate(from)?.getTime() ?? 0)) / DAY_MS);
  return addDays(from, random.int(0, Math.max(0, span)));
}

const clampTo = (date: string, latest: string): string => minDate(date, latest);
const minDate = (a: string, b: string): string => (a < b ? a : b);
const maxDate = (a: string, b: string): string => (a > b ? a : b);
