import type { PersonRole } from '../../seed/population';
import type { ViolationKind } from './records';

/** What a seeded person's vehicle must be like (everything else is drawn). */
export interface VehiclePlan {
  energy: 'fuel' | 'ne';
  mortgage: 'none' | 'held' | 'released';
  /** normal: due in more than 30 days; soon: within 30; overdue: passed. */
  inspection: 'normal' | 'soon' | 'overdue';
  /** Years since first registration (the inspection schedule follows from it). */
  ageYears: number;
}

/** A violation a seeded person must have; `day` is days before the build day, or "cycle": within the 记分周期. */
export interface ViolationPlan {
  kind: ViolationKind;
  wfxw: string;
  /** Index into the plan's vehicles (非现场 records are against a plate; 现场 ones name the car driven). */
  vehicle?: number;
  day: number | 'cycle';
  handled: boolean;
}

/** A scripted traffic file: tests and the demo rely on these people, so nothing about them is left to chance. */
export interface PersonPlan {
  zjcx: string;
  zt: string;
  vehicles: VehiclePlan[];
  violations: ViolationPlan[];
}

/**
 * The seeded citizens' files (DOMAIN roles). Everyone else is drawn.
 * - primary: B2 (may downgrade to C1), status A, two cars: a petrol 粤A one
 *   still mortgaged whose lender has filed the release, and a new-energy
 *   粤AD one due for inspection within 30 days; two unhandled camera records
 *   without points (parking), handled ones with points, so ljjf > 0 and the
 *   downgrade precheck passes.
 * - secondary: C1, one car, inspection overdue (Q) and mortgaged without a release record; handled
 *   speeding (3 points) and red-light (6) records in the current cycle, so ljjf is 9, and open camera
 *   records that cannot be handled online: speeding of 3 points (9 + 3 reaches 12), 逆行 on an
 *   expressway (12 points: 车管所 window) and speeding by 50 % (吊销: 交警大队 window). The primary's
 *   open parking records are the ones handled online; its handled ones are refused as already handled.
 * - elder: status HP (违法未处理 + 延期体检): an unhandled on-site record with points.
 * - young: the e-licence store gives her a first licence within the last year, so she
 *   is a new C1 driver here too (drivers are exactly its JSZ holders), with no car.
 * The blocked citizen is drawn like the generated population.
 */
export const SEEDED_PLANS: Readonly<Partial<Record<PersonRole, PersonPlan>>> = {
  primary: {
    zjcx: 'B2',
    zt: 'A',
    vehicles: [
      { energy: 'fuel', mortgage: 'released', inspection: 'normal', ageYears: 3 },
      { energy: 'ne', mortgage: 'none', inspection: 'soon', ageYears: 6 },
    ],
    violations: [
      { kind: 'fxc', wfxw: '1039', vehicle: 0, day: 9, handled: false },
      { kind: 'fxc', wfxw: '1039', vehicle: 1, day: 23, handled: false },
      { kind: 'fxc', wfxw: '1344', vehicle: 0, day: 'cycle', handled: true },
      { kind: 'xc', wfxw: '1101', vehicle: 1, day: 'cycle', handled: true },
    ],
  },
  secondary: {
    zjcx: 'C1',
    zt: 'A',
    vehicles: [{ energy: 'fuel', mortgage: 'held', inspection: 'overdue', ageYears: 4 }],
    violations: [
      { kind: 'fxc', wfxw: '1352', vehicle: 0, day: 'cycle', handled: true },
      { kind: 'fxc', wfxw: '1625', vehicle: 0, day: 'cycle', handled: true },
      { kind: 'fxc', wfxw: '1352', vehicle: 0, day: 12, handled: false },
      { kind: 'fxc', wfxw: '1044', vehicle: 0, day: 20, handled: false },
      { kind: 'fxc', wfxw: '1603', vehicle: 0, day: 30, handled: false },
    ],
  },
  elder: {
    zjcx: 'C1',
    zt: 'HP',
    vehicles: [],
    violations: [{ kind: 'xc', wfxw: '1357', day: 40, handled: false }],
  },
  young: { zjcx: 'C1', zt: 'A', vehicles: [], violations: [] },
};
