import type { Prng } from '../../core/prng';
import type { RegisteredPerson } from '../../seed/population';
import { ageOn, LONG_TERM, type DrivingHistory } from '../identity/licences';
import { addDays, addYears, nextAnniversary } from './days';
import { drawViolations, newestFirst, plannedViolations, type ViolationContext } from './generate-violations';
import { generateVehicle, type VehicleContext } from './generate-vehicles';
import type { TrafficNumbers } from './numbers';
import type { PersonPlan } from './plans';
import { LONG_TERM_DATE, type DriverLicence, type TrafficFile } from './records';
import { hasOpenPointRecords, licenceStatus, pointsInCycle, vehicleStatus } from './status';
import type { TrafficTables } from './tables';
import { pickCount, pickWeighted } from './weighted';

export interface FileContext {
  asOf: string;
  tables: TrafficTables;
  numbers: TrafficNumbers;
}

/** Classes that need yearly 审验 (大中型客货车). */
const REVIEWED = /[AB]/;

/**
 * One person's 车驾管 file as of the build day. Only drivers have one: the
 * driving history comes from the e-licence store's own draw, so the two
 * systems agree on who drives and on the licence dates. Seeded people
 * follow their plan; everyone else is drawn from `random` (a stream of
 * their own, so people never affect each other).
 */
export function generateFile(
  random: Prng,
  context: FileContext,
  person: RegisteredPerson,
  personIndex: number,
  history: DrivingHistory | undefined,
  plan: PersonPlan | undefined,
): TrafficFile {
  const empty: TrafficFile = { sfzmhm: person.idNumber, vehicles: [], onSite: [], camera: [] };
  if (!history) return empty;
  const { asOf, tables, numbers } = context;
  const newDriver = history.firstIssued >= addYears(asOf, -1);
  const zjcx =
    plan?.zjcx ?? pickWeighted(random, newDriver ? tables.classes.newDriverWeights : tables.classes.weights).zjcx;
  const qfrq = nextAnniversary(history.firstIssued, asOf);
  const cycleStart = addYears(qfrq, -1);

  const vehicleContext: VehicleContext = {
    asOf,
    tables,
    numbers,
    personIndex,
    owner: person.name,
    large: REVIEWED.test(zjcx),
    cclzrq: history.firstIssued,
  };
  const count = plan ? plan.vehicles.length : random.next() < 0.3 ? 1 + pickCount(random, [75, 20, 5]) : 0;
  const vehicles = Array.from({ length: count }, (_, slot) =>
    generateVehicle(random, vehicleContext, slot, plan?.vehicles[slot]),
  );

  const violationContext: ViolationContext = {
    asOf,
    tables,
    numbers,
    personIndex,
    cclzrq: history.firstIssued,
    cycleStart,
  };
  const { onSite, camera } = plan
    ? plannedViolations(random, violationContext, vehicles, plan.violations)
    : drawViolations(random, violationContext, vehicles);
  onSite.sort(newestFirst);
  camera.sort(newestFirst);
  for (const vehicle of vehicles) vehicle.zt = vehicleStatus(vehicle, camera, asOf);

  const ljjf = pointsInCycle([...onSite, ...camera], cycleStart, asOf);
  const yxqz = history.expires === LONG_TERM ? LONG_TERM_DATE : history.expires;
  const reviewed = REVIEWED.test(zjcx);
  const staleReview = reviewed && !plan && random.next() < 0.05;
  const syrq = reviewed ? addDays(asOf, -(staleReview ? random.int(400, 700) : random.int(10, 330))) : '';
  const elderly = ageOn(person.birthDate, asOf) >= 70;
  const tjrq =
    syrq !== '' ? syrq : elderly ? addDays(asOf, -random.int(10, 330)) : addDays(history.issued, -random.int(3, 30));

  const letters: string[] = [];
  if (yxqz < asOf) letters.push('M');
  if (ljjf >= 12) letters.push('B');
  if (hasOpenPointRecords(onSite)) letters.push('H');
  if (staleReview) letters.push('S');
  const rare = random.next();
  if (rare < 0.004) letters.push('D');
  else if (rare < 0.01) letters.push('P');

  const licence: DriverLicence = {
    dabh: numbers.dabh(personIndex),
    sfzmhm: person.idNumber,
    xm: person.name,
    xb: person.gender === 'male' ? '1' : '2',
    gj: '中国',
    csrq: person.birthDate,
    zjcx,
    ljjf: String(ljjf),
    qfrq,
    yxqs: history.issued,
    yxqz,
    cclzrq: history.firstIssued,
    syrq,
    tjrq,
    fzjg: '粤A',
    zt: plan?.zt ?? licenceStatus(letters),
  };
  return { ...empty, licence, vehicles, onSite, camera };
}
