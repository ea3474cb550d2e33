import { isoDayFromCompact, type ResidencePermitFacts, type ResidenceRegistrationFacts } from '@suijing/shared';
import type { LicenceRecord, ResidencePermitRecord, ResidenceRecord, VerifyResponseSchema } from './identity.dialect';
import type { z } from 'zod';

/** Translation of the identity system's and the e-licence store's dialect into our words. */

/** What the population register says of a name and number; the birth date as yyyy-MM-dd. */
export type VerifyOutcome =
  { matched: true; gender: 'male' | 'female'; birthDate: string; regionCode: string } | { matched: false };

/** A licence on file (unmasked: the view masks the number). Days are yyyy-MM-dd; validUntil may be 长期. */
export interface LicenceOnFile {
  /** The reference to use it as a material. */
  licenceId: string;
  typeCode: string;
  name: string;
  number: string;
  issuer: string;
  issuedOn: string;
  validUntil: string;
  /** Valid now: an expired or cancelled licence cannot stand in for a material. */
  usable: boolean;
  /** 出生医学证明's parents as printed (a proof of guardianship); only on a birth certificate. */
  birthCertificate?: BirthCertificateDetails;
  /** 居民户口簿's household and this person's place in it; only on a household register. */
  household?: HouseholdDetails;
}

export interface BirthCertificateDetails {
  childName?: string;
  motherName?: string;
  motherIdNumber?: string;
  fatherName?: string;
  fatherIdNumber?: string;
}

/** 与户主关系 in our words. */
export type HouseholdRelation = 'head' | 'spouse' | 'son' | 'daughter' | 'father' | 'mother' | 'other';

export interface HouseholdDetails {
  /** 户号: members of one household share it. */
  householdNo: string;
  headName: string;
  relationToHead: HouseholdRelation;
}

/** The permit's 状态 as the register computed it on read. */
export type PermitStatusOnFile = 'valid' | 'expired' | 'suspended' | 'void';

/** A person's residence file (unmasked: the view masks the permit number and shows the address to its owner only). */
export interface ResidenceFile {
  /** 户籍地 region code: a Guangzhou hukou (4401…) needs no 居住证 here. */
  hukouRegionCode: string;
  registrations: ResidenceRegistrationFacts[];
  permit?: ResidencePermitFacts & { statusCode: PermitStatusOnFile };
}

type RegisterMatch = NonNullable<z.output<typeof VerifyResponseSchema>['data']>;

export function toVerifiedMatch(match: RegisterMatch): VerifyOutcome {
  return {
    matched: true,
    gender: match.xb === '1' ? 'male' : 'female',
    birthDate: isoDayFromCompact(match.csrq),
    regionCode: match.hjdqh,
  };
}

const RELATION_OF: Readonly<Record<string, HouseholdRelation>> = {
  户主: 'head',
  配偶: 'spouse',
  子: 'son',
  女: 'daughter',
  父亲: 'father',
  母亲: 'mother',
};

/** Drops absent members so a record without them maps to an object without them. */
function present<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as T;
}

function detailsOf(record: LicenceRecord): Pick<LicenceOnFile, 'birthCertificate' | 'household'> {
  const face = record.zzxx;
  if (!face) return {};
  if (record.zzlxdm === 'CSZM') {
    return {
      birthCertificate: present({
        childName: face.xsexm,
        motherName: face.mqxm,
        motherIdNumber: face.mqsfzh,
        fatherName: face.fqxm,
        fatherIdNumber: face.fqsfzh,
      }),
    };
  }
  if (record.zzlxdm === 'HKB' && face.hh) {
    return {
      household: {
        householdNo: face.hh,
        headName: face.hzxm ?? '',
        relationToHead: RELATION_OF[face.yhzgx ?? ''] ?? 'other',
      },
    };
  }
  return {};
}

export function toLicenceOnFile(record: LicenceRecord): LicenceOnFile {
  return {
    licenceId: record.zzbs,
    typeCode: record.zzlxdm,
    name: record.zzmc,
    number: record.zzbh,
    issuer: record.fzjg,
    issuedOn: isoDayFromCompact(record.fzrq),
    validUntil: isoDayFromCompact(record.yxqz),
    usable: record.zt === '1',
    ...detailsOf(record),
  };
}

const PERMIT_STATUS_OF: Record<ResidencePermitRecord['zt'], PermitStatusOnFile> = {
  '1': 'valid',
  '2': 'expired',
  '3': 'suspended',
  '4': 'void',
};

export function toResidenceFile(record: ResidenceRecord): ResidenceFile {
  const permit = record.jzz;
  return {
    hukouRegionCode: record.hjdqh,
    registrations: record.djxx.map((entry) => ({
      registeredOn: isoDayFromCompact(entry.djrq),
      active: entry.zt === '1',
      address: entry.jzdz,
      districtCode: entry.jzdzqh,
    })),
    ...(permit
      ? {
          permit: {
            number: permit.jzzh,
            issuer: permit.qfjg,
            issuedOn: isoDayFromCompact(permit.qfrq),
            validUntil: isoDayFromCompact(permit.yxqz),
            endorsements: permit.qzjl.map((entry) => ({
              on: isoDayFromCompact(entry.qzrq),
              anniversary: isoDayFromCompact(entry.zn),
            })),
            statusCode: PERMIT_STATUS_OF[permit.zt],
          },
        }
      : {}),
  };
}
