import { Prng } from '../../core/prng';
import { makeIdNumber } from '../../seed/id-number';
import { FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES, SURNAMES } from '../../seed/pools';
import type { PopulationRegister, RegisteredPerson } from '../../seed/population';
import { addYears, ageOn, generateLicences, type StoredLicence } from './licences';

/** 出生医学证明's 照面信息: 新生儿姓名, 母亲 and 父亲 姓名 and 身份证件号码. */
export interface BirthCertificateFace {
  xsexm: string;
  mqxm: string;
  mqsfzh: string;
  fqxm: string;
  fqsfzh: string;
}

/** 居民户口簿's 照面信息 for its holder's page: 户号, 户主姓名, 与户主关系. */
export interface HouseholdFace {
  hh: string;
  hzxm: string;
  yhzgx: '户主' | '配偶' | '子' | '女' | '父亲' | '母亲' | '其他';
}

/** A face as generated, or as a test filed it (any text fields). */
export type LicenceFace = BirthCertificateFace | HouseholdFace | Readonly<Record<string, string>>;

const TWO_CHARACTER_SURNAMES = ['欧阳', '司徒'];

interface Parent {
  name: string;
  idNumber: string;
}

/**
 * The 照面信息 (what the certificate's face shows) of the licences that name
 * other people: a 出生医学证明's parents and a 户口簿's household. The primary
 * citizen's children are theirs on paper too (father primary, mother
 * secondary, one household with primary as 户主); everyone else's parents are
 * drawn per person, so a guardian can prove only their own children.
 */
export class LicenceFaces {
  private readonly parentsCache = new Map<string, { father: Parent; mother: Parent }>();

  constructor(
    private readonly register: PopulationRegister,
    private readonly seed: number,
    /** yyyyMMdd: the day the generated licences run up to (the store's asOf). */
    private readonly asOf: string,
  ) {}

  /** The licence as the store shows it: with its face, and a kin's 户口簿 being their father's household. */
  dress(person: RegisteredPerson, licence: StoredLicence): StoredLicence {
    if (licence.zzxx !== undefined) return licence;
    if (licence.zzlxdm === 'CSZM') return { ...licence, zzxx: this.birthFace(person) };
    if (licence.zzlxdm === 'HKB') {
      const household = this.household(person, licence);
      return { ...licence, zzbh: household.hh, zzxx: household };
    }
    return licence;
  }

  private kinRole(person: RegisteredPerson): 'son' | 'daughter' | undefined {
    for (const [role, child] of this.register.kin) if (child.idNumber === person.idNumber) return role;
    return undefined;
  }

  private birthFace(person: RegisteredPerson): BirthCertificateFace {
    const { father, mother } = this.parentsOf(person);
    return {
      xsexm: person.name,
      mqxm: mother.name,
      mqsfzh: mother.idNumber,
      fqxm: father.name,
      fqsfzh: father.idNumber,
    };
  }

  private household(person: RegisteredPerson, own: StoredLicence): HouseholdFace {
    const kin = this.kinRole(person);
    const father = this.register.withRole('primary')[0];
    if (kin !== undefined && father) {
      const fathers = generateLicences(father, this.seed, this.asOf).find((licence) => licence.zzlxdm === 'HKB');
      return { hh: fathers?.zzbh ?? own.zzbh, hzxm: father.name, yhzgx: kin === 'son' ? '子' : '女' };
    }
    if (ageOn(person.birthDate, this.asOf) >= 18) return { hh: own.zzbh, hzxm: person.name, yhzgx: '户主' };
    return { hh: own.zzbh, hzxm: this.parentsOf(person).father.name, yhzgx: person.gender === 'male' ? '子' : '女' };
  }

  private parentsOf(person: RegisteredPerson): { father: Parent; mother: Parent } {
    const primary = this.register.withRole('primary')[0];
    const secondary = this.register.withRole('secondary')[0];
    if (this.kinRole(person) !== undefined && primary && secondary) {
      return {
        father: { name: primary.name, idNumber: primary.idNumber },
        mother: { name: secondary.name, idNumber: secondary.idNumber },
      };
    }
    let parents = this.parentsCache.get(person.idNumber);
    if (!parents) {
      parents = drawParents(person, this.seed);
      this.parentsCache.set(person.idNumber, parents);
    }
    return parents;
  }
}

/** Parents nobody in the register is: the father gives the surname, both were 24 to 38 at the birth. */
function drawParents(person: RegisteredPerson, seed: number): { father: Parent; mother: Parent } {
  const random = Prng.derive(seed, `elicence:parents:${person.idNumber}`);
  const surname = TWO_CHARACTER_SURNAMES.find((two) => person.name.startsWith(two)) ?? person.name.slice(0, 1);
  const parent = (male: boolean, name: string): Parent => {
    const born = addYears(person.birthDate, -random.int(24, 38));
    return { name, idNumber: makeIdNumber(person.regionCode, born, random.int(10, 989), male) };
  };
  return {
    father: parent(true, `${surname}${random.pick(MALE_GIVEN_NAMES)}`),
    mother: parent(false, `${random.pick(SURNAMES)}${random.pick(FEMALE_GIVEN_NAMES)}`),
  };
}
