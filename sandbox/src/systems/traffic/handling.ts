import { joinStatusLetters, splitStatusLetters } from '../../legacy/fields';
import { withDetail, type LegacyError } from '../../legacy/envelope';
import { TRAFFIC_ERRORS } from './errors';
import type { DriverLicence, TrafficFile, Violation } from './records';
import type { TrafficTables } from './tables';

/** Points at which a licence is 满分 (and may no longer be handled online). */
const FULL_POINTS = 12;

/** A record the person may handle online: it, the licence whose points it adds to, and the points before and after. */
export interface HandlingAllowed {
  ok: true;
  violation: Violation;
  licence: DriverLicence;
  ljjf: number;
  cljf: number;
}

export type HandlingCheck = HandlingAllowed | { ok: false; error: LegacyError };

/**
 * The person's records: 现场 ones on their licence, 非现场 ones against the
 * plates they own now (as /vio lists them). A record of someone else's car
 * is not theirs to handle, so it is not found.
 */
export function ownViolation(file: TrafficFile, wfbh: string): { violation: Violation; onSite: boolean } | undefined {
  const onSite = file.onSite.find((record) => record.wfbh === wfbh);
  if (onSite) return { violation: onSite, onSite: true };
  const plates = new Set(file.vehicles.map((vehicle) => `${vehicle.hpzl}:${vehicle.hphm}`));
  const camera = file.camera.find((record) => record.wfbh === wfbh && plates.has(`${record.hpzl}:${record.hphm}`));
  return camera ? { violation: camera, onSite: false } : undefined;
}

/** Why an act must go to a window, and which (window-acts.json), or undefined when it may be handled online. */
export function windowFor(violation: Violation, tables: TrafficTables): LegacyError | undefined {
  const rules = tables.windowActs;
  const listed = rules.acts[violation.wfxw];
  const at = (window: 'police' | 'vehicleOffice', why: string): LegacyError =>
    withDetail(window === 'police' ? TRAFFIC_ERRORS.HANDLING_AT_POLICE : TRAFFIC_ERRORS.HANDLING_AT_OFFICE, why);
  if (listed) return at(listed.window, listed.yy);
  if (Number(violation.wfjf) >= rules.pointsFromWindow) return at('vehicleOffice', `该违法行为记${violation.wfjf}分`);
  if (Number(violation.fkje) > rules.maxOnlineFine)
    return at('police', `罚款金额${violation.fkje}元，超过网上处理限额`);
  return undefined;
}

/**
 * 交管12123's rules for handling a 非现场 record online: the person's own
 * vehicle, not yet handled, not an act for a window, a licence in status A,
 * and the points after handling still below 12. 现场 records were dealt
 * with by the officer; an open one is taken to the brigade.
 */
export function checkHandling(file: TrafficFile, wfbh: string, tables: TrafficTables): HandlingCheck {
  const own = ownViolation(file, wfbh);
  if (!own) return { ok: false, error: TRAFFIC_ERRORS.NO_VIOLATION };
  const { violation } = own;
  if (violation.clbj === '1') return { ok: false, error: TRAFFIC_ERRORS.VIOLATION_HANDLED };
  if (own.onSite) return { ok: false, error: withDetail(TRAFFIC_ERRORS.HANDLING_AT_POLICE, '现场违法记录未处理') };
  const window = windowFor(violation, tables);
  if (window) return { ok: false, error: window };
  const licence = file.licence;
  if (!licence) return { ok: false, error: TRAFFIC_ERRORS.NO_LICENCE };
  if (licence.zt !== 'A') {
    const names = splitStatusLetters(licence.zt)
      .map((letter) => `${letter}${tables.statusLetters.licence[letter] ?? ''}`)
      .join('、');
    return { ok: false, error: withDetail(TRAFFIC_ERRORS.HANDLING_STATUS, `当前状态为${names}`) };
  }
  const ljjf = Number(licence.ljjf);
  const cljf = ljjf + Number(violation.wfjf);
  if (cljf >= FULL_POINTS) {
    return {
      ok: false,
      error: withDetail(TRAFFIC_ERRORS.HANDLING_POINTS, `现累积记分${ljjf}分，本次记${violation.wfjf}分`),
    };
  }
  return { ok: true, violation, licence, ljjf, cljf };
}

/** The record handled: decision number and time, points on the licence, and the car's 违法未处理 letter when none is left. */
export function applyHandling(file: TrafficFile, allowed: HandlingAllowed, jdsbh: string, jdsj: string): void {
  const { violation, licence } = allowed;
  violation.clbj = '1';
  violation.jdsbh = jdsbh;
  violation.jdsj = jdsj;
  licence.ljjf = String(allowed.cljf);
  for (const vehicle of file.vehicles) {
    if (vehicle.hphm !== violation.hphm || vehicle.hpzl !== violation.hpzl) continue;
    const open = file.camera.some((r) => r.hphm === vehicle.hphm && r.hpzl === vehicle.hpzl && r.clbj === '0');
    if (open) continue;
    const letters = splitStatusLetters(vehicle.zt).filter((letter) => letter !== 'G' && letter !== 'A');
    vehicle.zt = letters.length === 0 ? 'A' : joinStatusLetters(letters);
  }
}
