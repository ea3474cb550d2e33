import { type LegacyError, withDetail } from '../../legacy/envelope';
import { splitStatusLetters } from '../../legacy/fields';
import { TRAFFIC_ERRORS } from './errors';
import type { TrafficFile } from './records';
import type { DowngradePair, LicenceClassTable, TrafficTables } from './tables';

/** "A1A2" -> ["A1", "A2"]; undefined when something in it is not a class. */
export function splitClasses(zjcx: string, classes: LicenceClassTable): string[] | undefined {
  const known = [...classes.order].sort((a, b) => b.length - a.length);
  const out: string[] = [];
  let rest = zjcx;
  while (rest.length > 0) {
    const next = known.find((code) => rest.startsWith(code));
    if (!next) return undefined;
    out.push(next);
    rest = rest.slice(next.length);
  }
  return out.length === 0 ? undefined : out;
}

/** Classes in canonical order, dropping any another one already covers (A1 + C1 is just A1). */
export function joinClasses(codes: readonly string[], classes: LicenceClassTable): string {
  const unique = [...new Set(codes)];
  const kept = unique.filter(
    (code) => !unique.some((other) => other !== code && classes.covers[other]?.includes(code)),
  );
  return kept.sort((a, b) => classes.order.indexOf(a) - classes.order.indexOf(b)).join('');
}

/** The driver's classes after the downgrade, or undefined when the pair does not apply to them. */
export function downgradedClasses(zjcx: string, pair: DowngradePair, classes: LicenceClassTable): string | undefined {
  const held = splitClasses(zjcx, classes);
  if (!held || !held.includes(pair.from)) return undefined;
  const others = held.filter((code) => code !== pair.from);
  // Not a downgrade when what is left already holds or covers the target.
  if (others.some((code) => code === pair.to || classes.covers[code]?.includes(pair.to))) return undefined;
  if (!classes.covers[pair.from]?.includes(pair.to)) return undefined;
  return joinClasses([...others, pair.to], classes);
}

export type DowngradeCheck =
  { ok: true; dabh: string; yzjcx: string; xzjcx: string } | { ok: false; error: LegacyError };

/**
 * 自愿降级 precheck, in the system's order: a licence on file (4001), the
 * pair applies to its classes (5001), status 正常 (5002, naming the
 * status), no open record with points on the licence or the person's cars (5003).
 */
export function checkDowngrade(file: TrafficFile, pair: DowngradePair, tables: TrafficTables): DowngradeCheck {
  const licence = file.licence;
  if (!licence) return { ok: false, error: TRAFFIC_ERRORS.NO_LICENCE };
  const xzjcx = downgradedClasses(licence.zjcx, pair, tables.classes);
  if (xzjcx === undefined) {
    return {
      ok: false,
      error: withDetail(
        TRAFFIC_ERRORS.DOWNGRADE_CLASS,
        `现准驾车型${licence.zjcx}，不能申请${pair.from}降为${pair.to}`,
      ),
    };
  }
  if (licence.zt !== 'A') {
    const names = splitStatusLetters(licence.zt)
      .map((letter) => `${letter}${tables.statusLetters.licence[letter] ?? ''}`)
      .join('、');
    return { ok: false, error: withDetail(TRAFFIC_ERRORS.DOWNGRADE_STATUS, `当前状态为${names}`) };
  }
  const open = [...file.onSite, ...file.camera].filter((record) => record.clbj === '0' && Number(record.wfjf) > 0);
  if (open.length > 0) {
    return { ok: false, error: withDetail(TRAFFIC_ERRORS.DOWNGRADE_VIOLATIONS, `${open.length}条记分违法未处理`) };
  }
  return { ok: true, dabh: licence.dabh, yzjcx: licence.zjcx, xzjcx };
}
