import type { Prng } from '../../core/prng';
import { addDays, addYears, daysBetween, violationTime } from './days';
import type { TrafficNumbers } from './numbers';
import { VIOLATION_SLOTS } from './numbers';
import type { ViolationPlan } from './plans';
import { otherCityPlate } from './plates';
import type { Vehicle, Violation } from './records';
import type { Behaviour, Place, TrafficTables } from './tables';
import { pickCount, pickWeighted } from './weighted';

export interface ViolationContext {
  asOf: string;
  tables: TrafficTables;
  numbers: TrafficNumbers;
  personIndex: number;
  /** The driver's first licence day: no record before it. */
  cclzrq: string;
  /** First day of the current 记分周期 (handled records since then count in ljjf). */
  cycleStart: string;
}

export interface ViolationSet {
  onSite: Violation[];
  camera: Violation[];
}

type Plated = Pick<Vehicle, 'hphm' | 'hpzl'>;

/** Builds one record; `slot` keeps its wfbh unique (one slot per record of the person). */
export function makeViolation(
  random: Prng,
  context: Pick<ViolationContext, 'tables' | 'numbers'>,
  fields: { wfbh: string; wfxw: string; day: string; vehicle: Plated; handled: boolean; paid?: boolean },
): Violation {
  const behaviour = behaviourOf(context.tables, fields.wfxw);
  const place = random.pick(placesFor(context.tables, behaviour));
  return {
    wfbh: fields.wfbh,
    hphm: fields.vehicle.hphm,
    hpzl: fields.vehicle.hpzl,
    // Daytime and evening: 07:00:00 to 22:59:59.
    wfsj: violationTime(fields.day, random.int(7 * 3600, 23 * 3600 - 1)),
    wfdz: place.wfdz,
    wfxw: fields.wfxw,
    wfms: behaviour.wfms,
    fkje: String(behaviour.fkje),
    wfjf: String(behaviour.wfjf),
    clbj: fields.handled ? '1' : '0',
    jkbj: fields.handled && (fields.paid ?? true) ? '1' : '0',
    cjjg: place.cjjg,
    cjjgmc: context.tables.places.offices[place.cjjg] ?? '广州市公安局交通警察支队',
    jdsbh: fields.handled ? context.numbers.jdsbh(fields.wfbh) : '',
    jdsj: '',
  };
}

/** The places where the act can happen (a red light at a junction, parking on a street, a seat belt on an expressway). */
export function placesFor(tables: TrafficTables, behaviour: Behaviour): Place[] {
  const places = tables.places.places.filter((place) => behaviour.roads.includes(place.road));
  if (places.length === 0) throw new Error(`traffic: no place on ${behaviour.roads.join('/')} for ${behaviour.wfms}`);
  return places;
}

/** Whether the act can be recorded against this plate (an act naming 小型载客汽车 is not a lorry's). */
export function fitsPlate(behaviour: Behaviour, hpzl: string): boolean {
  return behaviour.plates === undefined || behaviour.plates.includes(hpzl);
}

export function behaviourOf(tables: TrafficTables, wfxw: string): Behaviour {
  const behaviour = tables.behaviours[wfxw];
  if (!behaviour) throw new Error(`traffic: unknown violation behaviour ${wfxw}`);
  return behaviour;
}

/**
 * A drawn driver's records over the last three years: 0-4 camera records
 * per car (recent ones often still open, older ones nearly all handled and
 * paid) and now and then an on-site ticket, in a car of theirs or a borrowed one.
 */
export function drawViolations(random: Prng, context: ViolationContext, vehicles: readonly Vehicle[]): ViolationSet {
  const { asOf, tables, numbers, personIndex } = context;
  const set: ViolationSet = { onSite: [], camera: [] };
  let slot = 0;
  const codes = (filter: (behaviour: Behaviour) => boolean): (Behaviour & { wfxw: string })[] =>
    Object.entries(tables.behaviours)
      .filter(([, behaviour]) => filter(behaviour))
      .map(([wfxw, behaviour]) => ({ ...behaviour, wfxw }));
  const cameraCodes = codes((behaviour) => behaviour.camera);
  const onSiteCodes = codes((behaviour) => behaviour.onSite);
  const dayAfter = (earliest: string): string => {
    const from = [earliest, addYears(asOf, -3)].sort().at(-1) ?? asOf;
    return addDays(from, random.int(0, Math.max(0, daysBetween(from, addDays(asOf, -1)))));
  };

  for (const vehicle of vehicles) {
    for (let i = pickCount(random, [45, 25, 15, 10, 5]); i > 0 && slot < VIOLATION_SLOTS; i -= 1) {
      const day = dayAfter([vehicle.ccdjrq, context.cclzrq].sort().at(-1) ?? asOf);
      const recent = daysBetween(day, asOf) <= 60;
      set.camera.push(
        makeViolation(random, context, {
          wfbh: numbers.wfbh('fxc', personIndex, slot++),
          wfxw: pickWeighted(
            random,
            cameraCodes.filter((code) => fitsPlate(code, vehicle.hpzl)),
          ).wfxw,
          day,
          vehicle,
          handled: random.next() < (recent ? 0.35 : 0.93),
          paid: random.next() < 0.95,
        }),
      );
    }
  }
  for (let i = pickCount(random, [80, 15, 5]); i > 0 && slot < VIOLATION_SLOTS; i -= 1) {
    const own = vehicles.length > 0 && random.next() < 0.85;
    const vehicle: Plated = own ? random.pick(vehicles) : { hphm: otherCityPlate(random), hpzl: '02' };
    set.onSite.push(
      makeViolation(random, context, {
        wfbh: numbers.wfbh('xc', personIndex, slot++),
        wfxw: pickWeighted(
          random,
          onSiteCodes.filter((code) => fitsPlate(code, vehicle.hpzl)),
        ).wfxw,
        day: dayAfter(context.cclzrq),
        vehicle,
        handled: random.next() < 0.97,
        paid: random.next() < 0.9,
      }),
    );
  }
  return set;
}

/** A seeded person's records, exactly as planned (plans.ts). */
export function plannedViolations(
  random: Prng,
  context: ViolationContext,
  vehicles: readonly Vehicle[],
  plans: readonly ViolationPlan[],
): ViolationSet {
  const set: ViolationSet = { onSite: [], camera: [] };
  plans.forEach((plan, slot) => {
    const vehicle: Plated =
      plan.vehicle === undefined
        ? { hphm: otherCityPlate(random), hpzl: '02' }
        : (vehicles[plan.vehicle] ?? { hphm: otherCityPlate(random), hpzl: '02' });
    const span = daysBetween(context.cycleStart, context.asOf);
    const day =
      plan.day === 'cycle' ? addDays(context.cycleStart, Math.floor(span / 2)) : addDays(context.asOf, -plan.day);
    const list: Violation[] = plan.kind === 'xc' ? set.onSite : set.camera;
    list.push(
      makeViolation(random, context, {
        wfbh: context.numbers.wfbh(plan.kind, context.personIndex, slot),
        wfxw: plan.wfxw,
        day,
        vehicle,
        handled: plan.handled,
      }),
    );
  });
  return set;
}

/** Newest first, the order every list is served in (wfbh breaks ties so the order is stable). */
export function newestFirst(a: Violation, b: Violation): number {
  if (a.wfsj !== b.wfsj) return a.wfsj < b.wfsj ? 1 : -1;
  return a.wfbh < b.wfbh ? 1 : a.wfbh > b.wfbh ? -1 : 0;
}
