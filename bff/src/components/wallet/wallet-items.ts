import {
  birthDateOfIdNumber,
  maskIdNumber,
  maskName,
  maskPlate,
  shareFieldsOf,
  type InPersonMethod,
  type PermitStatus,
  type WalletItem,
  type WalletItemKind,
} from '@suijing/shared';
import type { LicenceOnFile } from '../../upstreams/identity/identity.mapping';
import { LONG_TERM_DAY, type LicenceRecord, type VehicleRecord } from '../../upstreams/traffic/traffic.types';
import { byDate, daysUntil, judgeTrafficRecord, showable, yesNo, type Judged } from './wallet-status';

/**
 * Each kind of certificate as the 证照夹 shows it, with the values 出示 may
 * show a verifier. Pure: the service fetches, these translate. Days are
 * yyyy-MM-dd; `today` is the Beijing calendar day.
 */

/** The person whose certificates these are (the holder, or a family member). */
export interface WalletSubject {
  name: string;
  idNumber: string;
  idHash: string;
}

/** The 电子居住证 as the wallet needs it (the residence component's card, without its QR). */
export interface WalletPermit {
  numberMasked: string;
  issuer: string;
  issuedOn: string;
  validUntil: string;
  /** In force until this day without another 签注. */
  endorsedUntil: string;
  status: PermitStatus;
  statusText: string;
  districtName?: string;
}

/** An item before its opaque id, with what identifies it and every share field's value. */
export interface HeldItem {
  /** Stable per certificate: what its opaque id is made from (never shown). */
  key: string;
  item: Omit<WalletItem, 'id'>;
  values: Record<string, string>;
}

/** The e-licence store's types the systems of record show themselves (电子驾驶证, 电子居住证). */
export const SHOWN_BY_THEIR_SYSTEMS: ReadonlySet<string> = new Set(['JSZ', 'JZZ']);

const IN_PERSON_METHOD: Record<InPersonMethod, string> = { 'wechat-face': '微信刷脸', ctid: '网证' };
const ADULT_AGE = 18;

function base(kind: WalletItemKind, judged: Judged) {
  return { kind, ...judged, shareFields: showable(judged.status) ? shareFieldsOf(kind) : [] };
}

const day = (value: string): string => (value === LONG_TERM_DAY ? '长期' : value);

/** Whole years of age on `today` from the ID number's birth date. */
function ageOn(idNumber: string, today: string): number | undefined {
  const birth = birthDateOfIdNumber(idNumber);
  if (!birth) return undefined;
  const years = Number(today.slice(0, 4)) - Number(birth.slice(0, 4));
  return today.slice(5) < birth.slice(5) ? years - 1 : years;
}

/**
 * The identity credential of the in-person (L3) check on this session: valid
 * while the check is within `validMs` (what records need), else to be redone.
 */
export function identityItem(
  subject: WalletSubject,
  check: { atMs: number | null; method: InPersonMethod | null },
  nowMs: number,
  validMs: number,
  toDay: (ms: number) => string,
  today: string,
): HeldItem {
  const { atMs, method } = check;
  const valid = atMs !== null && nowMs - atMs <= validMs;
  const how = method ? IN_PERSON_METHOD[method] : '刷脸';
  const judged: Judged =
    atMs === null
      ? { status: 'expired', statusText: '尚未完成本人认证，请先刷脸' }
      : valid
        ? { status: 'valid', statusText: `已于 ${toDay(atMs)} 通过${how}认证` }
        : { status: 'expired', statusText: '认证已超过 30 天，请重新刷脸' };
  const age = ageOn(subject.idNumber, today);
  return {
    key: `identity:${subject.idNumber}`,
    item: {
      ...base('identity', judged),
      name: '实人认证凭证',
      holderNameMasked: maskName(subject.name),
      numberMasked: maskIdNumber(subject.idNumber),
      issuer: `穗警通（${how}）`,
      ...(atMs === null ? {} : { issuedOn: toDay(atMs), validUntil: toDay(atMs + validMs) }),
    },
    values: { name: subject.name, verified: yesNo(valid), adult: yesNo(age !== undefined && age >= ADULT_AGE) },
  };
}

export function drivingLicenceItem(record: LicenceRecord, today: string, link?: string): HeldItem {
  const judged = judgeTrafficRecord(record.statuses, day(record.validUntil), today, {
    expired: '已超过有效期，请换领驾驶证',
    expiring: (days) => `有效，${days} 天后到期，请及时换领`,
  });
  return {
    key: `driving-licence:${record.archiveNo}`,
    item: {
      ...base('driving-licence', judged),
      name: '电子驾驶证',
      holderNameMasked: maskName(record.name),
      numberMasked: maskIdNumber(record.idNumber),
      issuer: record.issuer,
      ...(record.validFrom ? { issuedOn: record.validFrom } : {}),
      validUntil: day(record.validUntil),
      ...(link ? { link } : {}),
    },
    values: {
      name: record.name,
      licenceValid: yesNo(showable(judged.status)),
      classes: record.classes,
      validUntil: day(record.validUntil),
    },
  };
}

/** 电子行驶证: valid while registered and inspected (检验有效期); 报废 or 注销 ends it. */
export function vehicleItem(record: VehicleRecord, today: string, link?: string): HeldItem {
  const scrapLeft = record.scrapOn ? daysUntil(day(record.scrapOn), today) : undefined;
  const scrapped = scrapLeft !== undefined && scrapLeft < 0;
  const judged: Judged = scrapped
    ? { status: 'revoked', statusText: '已达到强制报废期' }
    : judgeTrafficRecord(record.statuses, day(record.inspectionUntil), today, {
        expired: '逾期未检验，请尽快办理年检',
        expiring: (days) => `有效，检验有效期还剩 ${days} 天，请及时年检`,
      });
  return {
    key: `vehicle-licence:${record.recordNo}`,
    item: {
      ...base('vehicle-licence', judged),
      name: `电子行驶证（${maskPlate(record.plate)}）`,
      holderNameMasked: maskName(record.owner),
      numberMasked: maskPlate(record.plate),
      issuer: '广州市公安局交通警察支队车辆管理所',
      ...(record.registeredOn ? { issuedOn: record.registeredOn } : {}),
      validUntil: day(record.inspectionUntil),
      ...(link ? { link } : {}),
    },
    values: {
      ownerName: record.owner,
      plate: record.plate,
      vehicleType: record.vehicleType,
      inspectionValid: yesNo(showable(judged.status)),
    },
  };
}

const PERMIT_JUDGED: Record<Exclude<PermitStatus, 'valid'>, Judged['status']> = {
  suspended: 'suspended',
  expired: 'expired',
  replaced: 'revoked',
};

/** 电子居住证: its own status (中止 when a 签注 is overdue); valid ones expire, or need a 签注, soon. */
export function permitItem(subject: WalletSubject, permit: WalletPermit, today: string, link?: string): HeldItem {
  let judged: Judged;
  if (permit.status !== 'valid') {
    judged = { status: PERMIT_JUDGED[permit.status], statusText: permit.statusText };
  } else if (byDate(permit.validUntil, today) === 'expiring') {
    judged = { status: 'expiring', statusText: `有效，将于 ${permit.validUntil} 到期，请及时换领` };
  } else if (byDate(permit.endorsedUntil, today) === 'expiring') {
    judged = { status: 'expiring', statusText: `有效，请于 ${permit.endorsedUntil} 前办理签注` };
  } else {
    judged = { status: 'valid', statusText: '有效' };
  }
  return {
    key: `residence-permit:${permit.issuedOn}:${permit.numberMasked}`,
    item: {
      ...base('residence-permit', judged),
      name: '电子居住证',
      holderNameMasked: maskName(subject.name),
      numberMasked: permit.numberMasked,
      issuer: permit.issuer,
      issuedOn: permit.issuedOn,
      validUntil: permit.validUntil,
      ...(link ? { link } : {}),
    },
    values: {
      name: subject.name,
      permitValid: yesNo(showable(judged.status)),
      validUntil: permit.validUntil,
      district: permit.districtName ?? '未登记',
      numberMasked: permit.numberMasked,
    },
  };
}

/** A licence of the e-licence store (户口簿, 结婚证, 出生医学证明 …): usable now, expired, or cancelled. */
export function eLicenceItem(subject: WalletSubject, licence: LicenceOnFile, today: string): HeldItem {
  const dated = byDate(licence.validUntil, today);
  const judged: Judged = !licence.usable
    ? dated === 'expired'
      ? { status: 'expired', statusText: '已超过有效期' }
      : { status: 'revoked', statusText: '已注销' }
    : dated === 'expiring'
      ? { status: 'expiring', statusText: `有效，${daysUntil(licence.validUntil, today) ?? 0} 天后到期` }
      : dated === 'expired'
        ? { status: 'expired', statusText: '已超过有效期' }
        : { status: 'valid', statusText: '有效' };
  return {
    key: `e-licence:${licence.typeCode}:${licence.number}`,
    item: {
      ...base('e-licence', judged),
      typeCode: licence.typeCode,
      name: licence.name,
      holderNameMasked: maskName(subject.name),
      // Licence numbers are often the ID number itself; mask every one alike.
      numberMasked: maskIdNumber(licence.number),
      issuer: licence.issuer,
      issuedOn: licence.issuedOn,
      validUntil: licence.validUntil,
    },
    values: {
      name: subject.name,
      licenceValid: yesNo(showable(judged.status)),
      issuer: licence.issuer,
      validUntil: licence.validUntil,
    },
  };
}
