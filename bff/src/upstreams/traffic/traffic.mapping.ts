import { addDaysCompact, fromCompactDateTime, isoDayFromCompact, type StatusWord } from '@suijing/shared';
import {
  BODY_COLOURS,
  ISSUERS,
  LICENCE_STATUS,
  PLATE_KINDS,
  USE_NATURES,
  VEHICLE_STATUS,
  VEHICLE_TYPES,
  type Word,
} from './traffic-codes';
import type { DriverRow, HandlingRow, ReleaseRow, VehicleRow, ViolationRow } from './traffic.dialect';
import type { HandlingDecision, LicenceRecord, ReleaseRecord, VehicleRecord, ViolationRecord } from './traffic.types';

/** Days from the decision to the last day a fine is due without a late fee (行政处罚法: 15). */
export const FINE_DUE_DAYS = 15;

/** Translation of the traffic system's records into ours. */

/** "HM" -> 违法未处理, 逾期未换证; an unknown letter still shows, as a warning. */
function statusWords(letters: string, table: Readonly<Record<string, Word>>): StatusWord[] {
  const codes = [...new Set(letters.replace(/\s/g, '').toUpperCase().split(''))];
  return codes.map((code) => {
    const word = table[code];
    return word ? { code, text: word[0], severity: word[1] } : { code, text: `状态${code}`, severity: 'warning' };
  });
}

const GENDERS: Readonly<Record<string, string>> = { '1': '男', '2': '女' };

export function toLicenceRecord(row: DriverRow): LicenceRecord {
  return {
    archiveNo: row.dabh,
    idNumber: row.sfzmhm,
    name: row.xm,
    gender: GENDERS[row.xb] ?? row.xb,
    nationality: row.gj,
    birthDate: isoDayFromCompact(row.csrq),
    classes: row.zjcx,
    accumulatedPoints: row.ljjf,
    pointsResetOn: isoDayFromCompact(row.qfrq),
    validFrom: isoDayFromCompact(row.yxqs),
    validUntil: isoDayFromCompact(row.yxqz),
    firstIssuedOn: isoDayFromCompact(row.cclzrq),
    lastReviewOn: isoDayFromCompact(row.syrq),
    lastMedicalOn: isoDayFromCompact(row.tjrq),
    issuer: ISSUERS[row.fzjg] ?? row.fzjg,
    statuses: statusWords(row.zt, LICENCE_STATUS),
  };
}

export function toVehicleRecord(row: VehicleRow): VehicleRecord {
  const [plateKind, plateColour] = PLATE_KINDS[row.hpzl] ?? [`号牌种类${row.hpzl}`, 'blue'];
  return {
    recordNo: row.xh,
    plate: row.hphm,
    plateKindCode: row.hpzl,
    plateKind,
    plateColour,
    vehicleType: VEHICLE_TYPES[row.cllx] ?? row.cllx,
    brand: row.clpp,
    model: row.clxh,
    colour: [...row.csys].map((c) => BODY_COLOURS[c] ?? c).join(''),
    useNature: USE_NATURES[row.syxz] ?? row.syxz,
    registeredOn: isoDayFromCompact(row.ccdjrq),
    inspectionUntil: isoDayFromCompact(row.yxqz),
    scrapOn: isoDayFromCompact(row.qzbfqz),
    insuranceUntil: isoDayFromCompact(row.bxzzrq),
    mortgaged: row.dybj === '1',
    vin: row.clsbdh,
    owner: row.syr,
    statuses: statusWords(row.zt, VEHICLE_STATUS),
  };
}

export function toViolationRecord(row: ViolationRow): ViolationRecord {
  const [day, time] = row.wfsj.split(' ');
  return {
    id: row.wfbh,
    plate: row.hphm,
    plateKindCode: row.hpzl,
    time: `${day}T${time}+08:00`,
    place: row.wfdz,
    code: row.wfxw,
    description: row.wfms,
    fine: row.fkje,
    points: row.wfjf,
    handled: row.clbj === '1',
    paid: row.jkbj === '1',
    authority: row.cjjgmc || row.cjjg,
    ...(row.jdsbh ? { decisionNo: row.jdsbh } : {}),
  };
}

/** Yuan (the system's amounts) to fen (ours). */
export function fenOf(yuan: number): number {
  return Math.round(yuan * 100);
}

/** The status words of a licence's letters (the check's zt). */
export function licenceStatusWords(letters: string): StatusWord[] {
  return statusWords(letters, LICENCE_STATUS);
}

/** The decision; `undefined` when its time is not a real Beijing time (a broken answer). */
export function toHandlingDecision(row: HandlingRow): HandlingDecision | undefined {
  const handledAt = fromCompactDateTime(row.jdsj);
  const dueDay = addDaysCompact(row.jdsj.slice(0, 8), FINE_DUE_DAYS);
  if (!handledAt || !dueDay) return undefined;
  return {
    ok: true,
    decisionNo: row.jdsbh,
    fineFen: fenOf(row.fkje),
    points: row.wfjf,
    pointsAfter: row.ljjf,
    handledAt,
    dueDate: isoDayFromCompact(dueDay),
  };
}

export function toReleaseRecord(row: ReleaseRow): ReleaseRecord {
  return {
    ok: true,
    plate: row.hphm,
    plateKindCode: row.hpzl,
    vin: row.clsbdh,
    lender: row.dyqr,
    contractNo: row.dyhtbh,
    releaseNo: row.jcdyjl.bh,
  };
}
