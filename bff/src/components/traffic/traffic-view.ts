import {
  compactFromIsoDay,
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
import {
  LONG_TERM_DAY,
  type LicenceRecord,
  type VehicleRecord,
  type ViolationRecord,
} from '../../upstreams/traffic/traffic.types';

/**
 * The traffic records as the mini-program shows them: statuses and deadlines
 * with a severity, days left, numbers masked. `today` is the Beijing
 * calendar day, yyyyMMdd.
 */

const DAY_MS = 86_400_000;
/** A deadline this close is shown as coming up. */
const SOON_DAYS = 30;
export const MAX_POINTS = 12;

const SEVERITY_ORDER: readonly Severity[] = ['ok', 'notice', 'warning', 'danger'];

function worst(severities: readonly Severity[]): Severity {
  return severities.reduce<Severity>(
    (acc, s) => (SEVERITY_ORDER.indexOf(s) > SEVERITY_ORDER.indexOf(acc) ? s : acc),
    'ok',
  );
}

/** A yyyy-MM-dd day and how far it is from today. */
export function deadline(day: string, today: string): Deadline {
  if (day === LONG_TERM_DAY || day === '长期') return { date: '长期', daysLeft: 0, state: 'long-term' };
  const due = fromCompactDate(compactFromIsoDay(day));
  const now = fromCompactDate(today);
  const daysLeft = due && now ? Math.round((due.getTime() - now.getTime()) / DAY_MS) : 0;
  const state = daysLeft < 0 ? 'overdue' : daysLeft === 0 ? 'today' : daysLeft <= SOON_DAYS ? 'soon' : 'ok';
  return { date: day, daysLeft, state };
}

const DEADLINE_SEVERITY: Record<Deadline['state'], Severity> = {
  ok: 'ok',
  'long-term': 'ok',
  soon: 'notice',
  today: 'warning',
  overdue: 'danger',
};

/** A record without any status still shows one, as a warning. */
function shownStatuses(statuses: StatusWord[]): StatusWord[] {
  return statuses.length > 0 ? statuses : [{ code: '', text: '状态未知', severity: 'warning' }];
}

/** "A1A2" -> [A1, A2]; "C1D" -> [C1, D]. */
export function licenceClasses(classes: string): string[] {
  return classes.toUpperCase().match(/[A-Z]\d?/g) ?? [];
}

/** The catalog form's 降级 options (e.g. "B2-C1") that start from a class the licence has. */
export function downgradeOptionsFor(classes: string, options: readonly DowngradeOption[]): DowngradeOption[] {
  const held = new Set(licenceClasses(classes));
  return options.filter((option) => held.has(option.code.split('-')[0] ?? ''));
}

export function toLicence(
  record: LicenceRecord,
  today: string,
  downgrade: DrivingLicence['downgrade'],
): DrivingLicence {
  const statuses = shownStatuses(record.statuses);
  const validity = deadline(record.validUntil, today);
  const accumulated = record.accumulatedPoints;
  const remaining = Math.max(0, MAX_POINTS - accumulated);
  const pointsSeverity: Severity = remaining === 0 ? 'danger' : remaining <= 3 ? 'warning' : 'ok';
  return {
    numberMasked: maskIdNumber(record.idNumber),
    archiveNoMasked: maskIdNumber(record.archiveNo),
    name: record.name,
    classes: record.classes,
    points: { accumulated, remaining, max: MAX_POINTS },
    pointsReset: deadline(record.pointsResetOn, today),
    validFrom: record.validFrom,
    validity,
    firstIssuedOn: record.firstIssuedOn,
    issuer: record.issuer,
    ...(record.lastReviewOn ? { lastReviewOn: record.lastReviewOn } : {}),
    ...(record.lastMedicalOn ? { lastMedicalOn: record.lastMedicalOn } : {}),
    statuses,
    severity: worst([...statuses.map((s) => s.severity), DEADLINE_SEVERITY[validity.state], pointsSeverity]),
    ...(downgrade ? { downgrade } : {}),
  };
}

export function toVehicleSummary(record: VehicleRecord, id: string, today: string): VehicleSummary {
  const statuses = shownStatuses(record.statuses);
  const inspection = deadline(record.inspectionUntil, today);
  return {
    id,
    plateMasked: maskPlate(record.plate),
    plateKind: record.plateKind,
    plateColour: record.plateColour,
    brand: record.brand,
    model: record.model,
    colour: record.colour,
    statuses,
    severity: worst([...statuses.map((s) => s.severity), DEADLINE_SEVERITY[inspection.state]]),
    mortgaged: record.mortgaged,
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
  const scrap = deadline(record.scrapOn, today);
  const insurance = deadline(record.insuranceUntil, today);
  return {
    ...summary,
    severity: worst([summary.severity, DEADLINE_SEVERITY[scrap.state], DEADLINE_SEVERITY[insurance.state]]),
    plate: record.plate,
    vehicleType: record.vehicleType,
    useNature: record.useNature,
    registeredOn: record.registeredOn,
    scrap,
    insurance,
    vinMasked: `*************${record.vin.slice(-4)}`,
    ownerMasked: maskName(record.owner),
    ...(extra.unhandledViolations === undefined ? {} : { unhandledViolations: extra.unhandledViolations }),
    ...(extra.mortgageRelease ? { mortgageRelease: extra.mortgageRelease } : {}),
  };
}

/** `id` is the record's opaque id for this user (never the 违法编号). */
export function toViolation(record: ViolationRecord, kind: Violation['kind'], id: string): Violation {
  return {
    id,
    kind,
    plateMasked: maskPlate(record.plate),
    time: record.time,
    place: record.place,
    code: record.code,
    description: record.description,
    fine: record.fine,
    points: record.points,
    handled: record.handled,
    paid: record.paid,
    authority: record.authority,
  };
}
