import type { Prng } from '../../core/prng';
import { addDays, addYears, daysBetween, endOfMonth, nextAnniversary } from './days';
import type { VehiclePlan } from './plans';
import { makePlate } from './plates';
import type { Mortgage, Vehicle } from './records';
import type { TrafficNumbers } from './numbers';
import type { TrafficTables, VehicleModel } from './tables';
import { makeVin } from './vin';
import { pickWeighted } from './weighted';

export interface VehicleContext {
  asOf: string;
  tables: TrafficTables;
  numbers: TrafficNumbers;
  personIndex: number;
  owner: string;
  /** The owner may drive large vehicles (an A or B class). */
  large: boolean;
  /** 初次领证日期: nobody registers a car before they can drive it. */
  cclzrq: string;
}

/**
 * 检验有效期止 for a small non-operating car (2022 rules: inspected in the
 * 6th and 10th year, then yearly) or a truck (yearly): the end of the
 * month of the next due date after `asOf`, or of the last one when the
 * owner let it pass.
 */
function inspectionDeadline(ccdjrq: string, asOf: string, truck: boolean, overdue: boolean): string {
  const years = Array.from({ length: 40 }, (_, i) => i + 1).filter((year) => truck || year === 6 || year >= 10);
  const ends = years.map((year) => endOfMonth(addYears(ccdjrq, year)));
  const next = ends.find((end) => end >= asOf) ?? ends[ends.length - 1] ?? asOf;
  const previous = ends.filter((end) => end < asOf).at(-1);
  return overdue && previous !== undefined ? previous : next;
}

/** One vehicle of a driver, from its plan (seeded people) or drawn. */
export function generateVehicle(
  random: Prng,
  context: VehicleContext,
  slot: number,
  plan: VehiclePlan | undefined,
): Vehicle {
  const { asOf, tables } = context;
  const models = tables.vehicles.models.filter((model) => {
    if (plan) return plan.energy === 'fuel' ? model.energy === 'fuel' && !model.large : model.energy !== 'fuel';
    return !model.large;
  });
  const model: VehicleModel =
    !plan && context.large && random.next() < 0.15
      ? (tables.vehicles.models.find((candidate) => candidate.large) ?? pickWeighted(random, models))
      : pickWeighted(random, models);

  // First registration: planned age (a few days into the year), else after the licence and within 16 years.
  const earliest = [context.cclzrq, addYears(asOf, -16)].sort().at(-1) ?? asOf;
  const ccdjrq = plan
    ? addDays(addYears(asOf, -plan.ageYears), plan.inspection === 'soon' ? 20 : -random.int(40, 200))
    : addDays(earliest, random.int(0, Math.max(0, daysBetween(earliest, addDays(asOf, -30)))));

  const truck = model.large === true;
  let yxqz = inspectionDeadline(ccdjrq, asOf, truck, plan ? false : random.next() < 0.08);
  if (plan?.inspection === 'soon') yxqz = addDays(asOf, 20);
  if (plan?.inspection === 'overdue') yxqz = endOfMonth(addDays(asOf, -70));
  if (plan?.inspection === 'normal' && daysBetween(asOf, yxqz) <= 30) yxqz = endOfMonth(addDays(asOf, 200));

  // Insurance runs a year from the registration anniversary; a few owners let it lapse.
  const renewal = addDays(nextAnniversary(ccdjrq, asOf), -1);
  const bxzzrq = !plan && random.next() < 0.05 ? addYears(renewal, -1) : renewal;

  const mortgage = mortgageOf(random, context, ccdjrq, plan);
  return {
    xh: context.numbers.xh(context.personIndex, slot),
    hphm: makePlate(random, context.numbers.plateDigits(context.personIndex, slot), model.energy),
    hpzl: truck ? '01' : model.energy === 'fuel' ? '02' : '52',
    cllx: model.cllx,
    clpp: model.clpp,
    clxh: model.clxh,
    csys: pickWeighted(random, tables.vehicles.colours).csys,
    syxz: truck ? 'F' : 'A',
    ccdjrq,
    yxqz,
    // 引导报废: fifteen years for a private car, which the register records as its 强制报废期止.
    qzbfqz: addYears(ccdjrq, 15),
    bxzzrq,
    dybj: mortgage ? '1' : '0',
    clsbdh: makeVin(random, model.wmi, Number(ccdjrq.slice(0, 4))),
    syr: context.owner,
    zt: 'A', // settled with the violations (status.ts)
    ...(mortgage ? { mortgage } : {}),
  };
}

/** A car loan: a quarter of cars bought within five years; the lender has filed the release for some. */
function mortgageOf(
  random: Prng,
  context: VehicleContext,
  ccdjrq: string,
  plan: VehiclePlan | undefined,
): Mortgage | undefined {
  const kind = plan
    ? plan.mortgage
    : ccdjrq >= addYears(context.asOf, -5) && random.next() < 0.25
      ? random.next() < 0.25
        ? 'released'
        : 'held'
      : 'none';
  if (kind === 'none') return undefined;
  const djrq = addDays(ccdjrq, random.int(1, 10));
  const mortgage: Mortgage = {
    dyqr: random.pick(context.tables.vehicles.lenders),
    dyhtbh: `GZDY${djrq.slice(0, 4)}${random.chars('0123456789', 8)}`,
    djrq,
  };
  if (kind === 'released') {
    const rq = addDays(context.asOf, -random.int(2, 45));
    mortgage.jcdyjl = { bh: `JC${rq}${random.chars('0123456789', 6)}`, rq };
  }
  return mortgage;
}
