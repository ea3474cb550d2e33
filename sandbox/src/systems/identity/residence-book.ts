import {
  GUANGZHOU_REGION_PREFIX,
  PERMIT_VALIDITY_YEARS,
  addDaysCompact,
  compactFromIsoDay,
  isoDayFromCompact,
  permitStatus,
  residenceAnniversaries,
  type PermitStatus,
  type ResidenceFacts,
  type ResidencePermitFacts,
} from '@suijing/shared';
import { Prng } from '../../core/prng';
import type { SystemKit } from '../../core/system';
import { toCompactDate } from '../../legacy/dates';
import type { SeedCitizen } from '../../seed/citizens';
import { GUANGZHOU_DISTRICTS } from '../../seed/pools';
import { populationRegister, type PopulationRegister, type RegisteredPerson } from '../../seed/population';
import { addYears, generateLicences } from './licences';

/** 居住登记 as the population system keeps it: 登记编号, 居住地址 and its district, 登记日期 yyyyMMdd, 1 有效 / 0 注销. */
export interface RegistrationEntry {
  djbh: string;
  jzdz: string;
  jzdzqh: string;
  djrq: string;
  zt: '1' | '0';
}

/** 签注记录: the day of the 签注 and the anniversary (周年日) of the residence year it covers, yyyyMMdd. */
export interface EndorsementEntry {
  qzrq: string;
  zn: string;
}

/** 居住证 as kept: 居住证号 (the ID number), 签发机关, 签发日期 and 有效期至 (yyyyMMdd), 签注记录. */
export interface PermitEntry {
  jzzh: string;
  qfjg: string;
  qfrq: string;
  yxqz: string;
  qzjl: EndorsementEntry[];
}

export interface ResidenceFile {
  registrations: RegistrationEntry[];
  permit: PermitEntry | null;
}

/** 1 有效, 2 过期, 3 中止 (a 签注 missed), 4 作废 (replaced). */
export type PermitStatusCode = '1' | '2' | '3' | '4';

const STATUS_CODES: Readonly<Record<PermitStatus, PermitStatusCode>> = {
  valid: '1',
  expired: '2',
  suspended: '3',
  replaced: '4',
};

/** What GET /identity/v1/residence answers. */
export interface ResidenceAnswer {
  hjdqh: string;
  djxx: RegistrationEntry[];
  jzz: (PermitEntry & { zt: PermitStatusCode }) | null;
}

const STREETS = [
  '天河路',
  '体育西路',
  '中山大道西',
  '黄埔大道西',
  '广州大道中',
  '工业大道中',
  '新港中路',
  '白云大道北',
];

/** Guangzhou's districts, by the short name a 分局 or an address uses (天河 -> 440106). */
const DISTRICTS = GUANGZHOU_DISTRICTS.map((district) => {
  const name = district.name.replace(/^广东省广州市/, '');
  return { code: district.code, name, short: name.replace(/区$/, '') };
});

/** The Guangzhou district an address names ("广州市天河区…" or "天河区…"), if any. */
export function guangzhouDistrictOf(address: string): { code: string; name: string } | undefined {
  const found = DISTRICTS.find((district) => address.includes(district.name));
  return found && { code: found.code, name: found.name };
}

/** 签发机关 of a district's permits: 广州市公安局天河区分局. */
export function permitIssuer(districtCode: string | undefined): string {
  const district = DISTRICTS.find((candidate) => candidate.code === districtCode);
  return district ? `广州市公安局${district.name}分局` : '广州市公安局';
}

/**
 * The residence files of the population system (流动人口居住登记 and 居住证):
 * generated per person as of the sandbox's start day, consistent with the
 * e-licence store (a generated 广东省居住证 licence is the permit here), plus
 * what decided cases and tests change. Statuses are computed when read.
 */
export class ResidenceBook {
  private readonly changed = new Map<string, ResidenceFile>();
  private readonly generated = new Map<string, ResidenceFile>();

  constructor(
    readonly register: PopulationRegister,
    private readonly seed: number,
    /** yyyyMMdd: the sandbox's start day, which generated files run up to. */
    private readonly asOf: string,
  ) {}

  /** The person's file (a copy: change it through the methods below); undefined for someone not in the register. */
  file(idNumber: string): ResidenceFile | undefined {
    const person = this.register.find(idNumber);
    return person && structuredClone(this.current(person));
  }

  /** The file in the shared rules' terms (yyyy-MM-dd days). */
  facts(idNumber: string): ResidenceFacts | undefined {
    const person = this.register.find(idNumber);
    if (!person) return undefined;
    const file = this.current(person);
    return {
      hukouRegionCode: person.regionCode,
      registrations: file.registrations.map((entry) => ({
        registeredOn: isoDayFromCompact(entry.djrq),
        active: entry.zt === '1',
        address: entry.jzdz,
        districtCode: entry.jzdzqh,
      })),
      ...(file.permit ? { permit: permitFacts(file.permit) } : {}),
    };
  }

  /** GET /identity/v1/residence's data for a person on `today` (yyyyMMdd). */
  answer(idNumber: string, today: string): ResidenceAnswer | undefined {
    const person = this.register.find(idNumber);
    if (!person) return undefined;
    const file = structuredClone(this.current(person));
    const status = file.permit && permitStatus(permitFacts(file.permit), isoDayFromCompact(today));
    return {
      hjdqh: person.regionCode,
      djxx: file.registrations,
      jzz: file.permit && status ? { ...file.permit, zt: STATUS_CODES[status] } : null,
    };
  }

  /** Replaces parts of a file (the control route): registrations and/or the permit (null: none). */
  set(person: RegisteredPerson, change: Partial<ResidenceFile>): void {
    const file = structuredClone(this.current(person));
    this.changed.set(person.idNumber, { ...file, ...change });
  }

  /** 居住登记 申报: a new active registration (an earlier active one in Guangzhou is superseded). */
  addRegistration(person: RegisteredPerson, entry: { jzdz: string; jzdzqh: string; djrq: string }): RegistrationEntry {
    const file = structuredClone(this.current(person));
    const registration: RegistrationEntry = {
      djbh: registrationNumber(entry.jzdzqh, entry.djrq, file),
      ...entry,
      zt: '1',
    };
    file.registrations = [...file.registrations.map((r) => ({ ...r, zt: '0' as const })), registration];
    this.changed.set(person.idNumber, file);
    return registration;
  }

  /** 居住登记 变更: the active registration moves to a new address; its date (the time lived here) stays. */
  moveRegistration(person: RegisteredPerson, to: { jzdz: string; jzdzqh: string }): void {
    const file = structuredClone(this.current(person));
    file.registrations = file.registrations.map((r) => (r.zt === '1' ? { ...r, ...to } : r));
    this.changed.set(person.idNumber, file);
  }

  /** 居住登记 注销: no active registration is left. */
  cancelRegistrations(person: RegisteredPerson): void {
    const file = structuredClone(this.current(person));
    file.registrations = file.registrations.map((r) => ({ ...r, zt: '0' as const }));
    this.changed.set(person.idNumber, file);
  }

  /** 申领 or 换领: a permit issued on `day` for three years, no 签注 yet. */
  issuePermit(person: RegisteredPerson, day: string, qfjg: string): PermitEntry {
    const permit: PermitEntry = {
      jzzh: person.idNumber,
      qfjg,
      qfrq: day,
      yxqz: addYears(day, PERMIT_VALIDITY_YEARS),
      qzjl: [],
    };
    this.set(person, { permit });
    return permit;
  }

  /** 签注 on `day` for the residence year the rules say is due; undefined when no permit or no year is open. */
  endorse(person: RegisteredPerson, day: string, zn: string): PermitEntry | undefined {
    const permit = this.current(person).permit;
    if (!permit) return undefined;
    if (permit.qzjl.some((entry) => entry.zn === zn)) return structuredClone(permit);
    const endorsed = { ...structuredClone(permit), qzjl: [...permit.qzjl, { qzrq: day, zn }] };
    this.set(person, { permit: endorsed });
    return endorsed;
  }

  reset(): void {
    this.changed.clear();
  }

  private current(person: RegisteredPerson): ResidenceFile {
    const changed = this.changed.get(person.idNumber);
    if (changed) return changed;
    let file = this.generated.get(person.idNumber);
    if (!file) {
      file = generateResidenceFile(person, this.seed, this.asOf);
      this.generated.set(person.idNumber, file);
    }
    return file;
  }
}

export function permitFacts(permit: PermitEntry): ResidencePermitFacts {
  return {
    number: permit.jzzh,
    issuedOn: isoDayFromCompact(permit.qfrq),
    validUntil: isoDayFromCompact(permit.yxqz),
    issuer: permit.qfjg,
    endorsements: permit.qzjl.map((entry) => ({
      on: isoDayFromCompact(entry.qzrq),
      anniversary: isoDayFromCompact(entry.zn),
    })),
  };
}

function registrationNumber(districtCode: string, day: string, file: ResidenceFile): string {
  return `${districtCode}${day}${String(file.registrations.length + 1).padStart(4, '0')}`;
}

function addDays(day: string, days: number): string {
  const result = addDaysCompact(day, days);
  if (result === undefined) throw new Error(`residence: bad date ${day}`);
  return result;
}

/**
 * A person's file as of the start day: Guangzhou hukou, none; the newcomer, a
 * registration in 天河区 200 days old and no permit; a holder of a generated
 * 居住证 licence, that permit (registered half a year to two years before it,
 * each passed residence year endorsed, now and then the latest missed); other
 * people from elsewhere, a registration of one month to four years.
 */
export function generateResidenceFile(person: RegisteredPerson, seed: number, asOf: string): ResidenceFile {
  if (person.regionCode.startsWith(GUANGZHOU_REGION_PREFIX)) return { registrations: [], permit: null };
  const random = Prng.derive(seed, `residence:${person.idNumber}`);
  const registration = (districtCode: string, djrq: string): RegistrationEntry => {
    const district = DISTRICTS.find((candidate) => candidate.code === districtCode) ?? DISTRICTS[0];
    const jzdz = `广州市${district?.name ?? ''}${random.pick(STREETS)}${random.int(1, 399)}号${random.int(1, 30)}0${random.int(1, 8)}房`;
    return { djbh: `${districtCode}${djrq}0001`, jzdz, jzdzqh: districtCode, djrq, zt: '1' };
  };
  if (person.role === 'newcomer') {
    return { registrations: [registration('440106', addDays(asOf, -200))], permit: null };
  }
  const licence = generateLicences(person, seed, asOf).find((candidate) => candidate.zzlxdm === 'JZZ');
  if (!licence) {
    const district = random.pick(DISTRICTS).code;
    return { registrations: [registration(district, addDays(asOf, -random.int(30, 1500)))], permit: null };
  }
  const district = DISTRICTS.find((candidate) => licence.fzjg.includes(`${candidate.short}分局`))?.code ?? '440106';
  const permit: PermitEntry = {
    jzzh: licence.zzbh,
    qfjg: licence.fzjg,
    qfrq: licence.fzrq,
    yxqz: licence.yxqz,
    qzjl: [],
  };
  const passed = residenceAnniversaries(permitFacts(permit))
    .map(compactFromIsoDay)
    .filter((anniversary) => addDays(anniversary, -28) <= asOf);
  const missLatest = random.next() < 0.1;
  permit.qzjl = passed
    .filter((_, index) => !(missLatest && index === passed.length - 1))
    .map((zn) => {
      const qzrq = addDays(zn, -random.int(1, 28));
      return { qzrq: qzrq > asOf ? asOf : qzrq, zn };
    });
  return { registrations: [registration(district, addDays(licence.fzrq, -random.int(190, 720)))], permit };
}

// One book per sandbox, shared by the identity system (which keeps it) and the approval system (which checks it).
const books = new WeakMap<readonly SeedCitizen[], ResidenceBook>();

/** The residence book of the sandbox whose kit this is (built on first use, as of that day). */
export function residenceBookFor(kit: Pick<SystemKit, 'citizens' | 'clock' | 'options'>): ResidenceBook {
  let book = books.get(kit.citizens);
  if (!book) {
    const register = populationRegister(kit.citizens, kit.options.seed);
    book = new ResidenceBook(register, kit.options.seed, toCompactDate(kit.clock.now()));
    books.set(kit.citizens, book);
  }
  return book;
}
