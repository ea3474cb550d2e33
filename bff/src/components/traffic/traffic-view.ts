import {
  fromCompactDate,
  maskIdNumber,
  maskName,
  maskPlate,
  type Deadline,
  type DowngradeOption,
  type DrivingLicence,
  type Severity,
  type StatusWord,
  type VehicleDetail,
  type VehicleSummary,
  type Violation,
} from '@suijing/shared';
import type { DriverRecord, VehicleRecord, ViolationRecord } from '../../upstreams/traffic/traffic.dialect';
import {
  BODY_COLOURS,
  ISSUERS,
  LICENCE_STATUS,
  PLATE_KINDS,
  USE_NATURES,
  VEHICLE_STATUS,
  VEHICLE_TYPES,
  worst,
} from './traffic-codes';

/**
 * The traffic system's records as the mini-program shows them: letters in
 * words with a severity, dates as yyyy-MM-dd with days left, numbers masked.
 * `today` is the Beijing calendar day, yyyyMMdd.
 */

const DAY_MS = 86_400_000;
/** A deadline this close is shown as coming up. */
const SOON_DAYS = 30;
export const MAX_POINTS = 12;

export function isoDay(compact: string): string {
  return /^\d{8}$/.test(compact) ? `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}` : compact;
}

/** How the traffic system writes 长期 (no end date). */
const LONG_TERM = '20991231';

export function deadline(compact: string, today: string): Deadline {
  if (compact === LONG_TERM || compact === '长期') return { date: '长期', daysLeft: 0, state: 'long-term' };
  const due = fromCompactDate(compact);
  const now = fromCompactDate(today);
  const daysLeft = due && now ? Math.round((due.getTime() - now.getTime()) / DAY_MS) : 0;
  const state = daysLeft < 0 ? 'overdue' : daysLeft === 0 ? 'today' : daysLeft <= SOON_DAYS ? 'soon' : 'ok';
  return { date: isoDay(compact), daysLeft, state };
}

const DEADLINE_SEVERITY: Record<Deadline['state'], Severity> = {
  ok: 'ok',
  'long-term': 'ok',
  soon: 'notice',
  today: 'warning',
  overdue: 'danger',
};

/** "HM" -> 违法未处理, 逾期未换证; an unknown letter still shows, as a warning. */
function statusWords(letters: string, table: Readonly<Record<string, readonly [string, Severity]>>): StatusWord[] {
  const codes = [...new Set(letters.replace(/\s/g, '').toUpperCase().split(''))];
  if (codes.length === 0) return [{ code: '', text: '状态未知', severity: 'warning' }];
  return codes.map((code) => {
    const word = table[code];
    return word ? { code, text: word[0], severity: word[1] } : { code, text: `状态${code}`, severity: 'warning' };
  });
}

/** "A1A2" -> [A1, A2]; "C1D" -> [C1, D]. */
export function licenceClasses(zjcx: string): string[] {
  return zjcx.toUpperCase().match(/[A-Z]\d?/g) ?? [];
}

/** The catalog form's 降级 options (e.g. "B2-C1") that start from a class the licence has. */
export function downgradeOptionsFor(zjcx: string, options: readonly DowngradeOption[]): DowngradeOption[] {
  const held = new Set(licenceClasses(zjcx));
  return options.filter((option) => held.has(option.code.split('-')[0] ?? ''));
}

export function toLicence(record: DriverRecord, today: string, downgrade: DrivingLicence['downgrade']): DrivingLicence {
  const statuses = statusWords(record.zt, LICENCE_STATUS);
  const validity = deadline(record.yxqz, today);
  const accumulated = record.ljjf;
  const remaining = Math.max(0, MAX_POINTS - accumulated);
  const pointsSeverity: Severity = remaining === 0 ? 'danger' : remaining <= 3 ? 'warning' : 'ok';
  return {
    numberMasked: maskIdNumber(record.sfzmhm),
    archiveNoMasked: maskIdNumber(record.dabh),
    name: record.xm,
    classes: record.zjcx,
    points: { accumulated, remaining, max: MAX_POINTS },
    pointsReset: deadline(record.qfrq, today),
    validFrom: isoDay(record.yxqs),
    validity,
    firstIssuedOn: isoDay(record.cclzrq),
    issuer: ISSUERS[record.fzjg] ?? record.fzjg,
    ...(record.syrq ? { lastReviewOn: isoDay(record.syrq) } : {}),
    ...(record.tjrq ? { lastMedicalOn: isoDay(record.tjrq) } : {}),
    statuses,
    severity: worst([...statuses.map((s) => s.severity), DEADLINE_SEVERITY[validity.state], pointsSeverity]),
    ...(downgrade ? { downgrade } : {}),
  };
}

export function toVehicleSummary(record: VehicleRecord, id: string, today: string): VehicleSummary {
  const statuses = statusWords(record.zt, VEHICLE_STATUS);
  const inspection = deadline(record.yxqz, today);
  const [plateKind, plateColour] = PLATE_KINDS[record.hpzl] ?? [`号牌种类${record.hpzl}`, 'blue'];
  return {
    id,
    plateMasked: maskPlate(record.hphm),
    plateKind,
    plateColour,
    brand: record.clpp,
    model: record.clxh,
    colour: [...record.csys].map((c) => BODY_COLOURS[c] ?? c).join(''),
    statuses,
    severity: worst([...statuses.map((s) => s.severity), DEADLINE_SEVERITY[inspection.state]]),
    mortgaged: record.dybj === '1',
    inspection,
  };
}

export function toVehicleDetail(
  record: VehicleRecord,
  id: string,
  today: string,
  extra: Pick<VehicleDetail, 'unhandledViolations' | 'mortgageRelease'>,
): VehicleDetail {
  const summary = toVehicleSummary(record, id, today);
  const scrap = deadline(record.qzbfqz, today);
  const insurance = deadline(record.bxzzrq, today);
  return {
    ...summary,
    severity: worst([summary.severity, DEADLINE_SEVERITY[scrap.state], DEADLINE_SEVERITY[insurance.state]]),
    plate: record.hphm,
    vehicleType: VEHICLE_TYPES[record.cllx] ?? record.cllx,
    useNature: USE_NATURES[record.syxz] ?? record.syxz,
    registeredOn: isoDay(record.ccdjrq),
    scrap,
    insurance,
    vinMasked: `*************${record.clsbdh.slice(-4)}`,
    ownerMasked: maskName(record.syr),
    ...(extra.unhandledViolations === undefined ? {} : { unhandledViolations: extra.unhandledViolations }),
    ...(extra.mortgageRelease ? { mortgageRelease: extra.mortgageRelease } : {}),
  };
}

export function toViolation(record: ViolationRecord, kind: Violation['kind']): Violation {
  const [day, time] = record.wfsj.split(' ');
  return {
    id: record.wfbh,
    kind,
    plateMasked: maskPlate(record.hphm),
    time: `${day}T${time}+08:00`,
    place: record.wfdz,
    code: record.wfxw,
    description: record.wfms,
    fine: record.fkje,
    points: record.wfjf,
    handled: record.clbj === '1',
    paid: record.jkbj === '1',
    authority: record.cjjgmc || record.cjjg,
  };
}
