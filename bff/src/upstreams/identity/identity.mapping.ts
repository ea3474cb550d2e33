import { isoDayFromCompact } from '@suijing/shared';
import type { LicenceRecord, VerifyResponseSchema } from './identity.dialect';
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
  };
}
