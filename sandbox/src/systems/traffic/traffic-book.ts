import type { Prng } from '../../core/prng';
import { normaliseIdNumber, type PopulationRegister, type RegisteredPerson } from '../../seed/population';
import { drivingHistory } from '../identity/licences';
import { DecisionLedger } from './decisions';
import { generateFile } from './generate-file';
import { TrafficNumbers } from './numbers';
import { SEEDED_PLANS } from './plans';
import type { TrafficFile, Vehicle } from './records';
import type { TrafficTables } from './tables';

export interface TrafficBookDeps {
  register: PopulationRegister;
  seed: number;
  /** yyyyMMdd: the day the generated records run up to (the sandbox clock at build time). */
  asOf: string;
  tables: TrafficTables;
  random(stream: string): Prng;
}

/**
 * The 车驾管 records of the register's people. Generating all of them takes
 * a noticeable part of a second and most sandboxes never ask, so a person's
 * file is generated the first time anyone asks about them, always the same
 * (their own random stream), and kept from then on: changes (control
 * routes, approval decisions) live in the kept file until reset.
 */
export class TrafficBook {
  readonly numbers: TrafficNumbers;
  /** Decisions issued by handling records online (reset with the files). */
  readonly decisions = new DecisionLedger();
  private readonly files = new Map<string, TrafficFile>();
  private indexes: Map<string, number> | undefined;
  private added = 0;

  constructor(private readonly deps: TrafficBookDeps) {
    this.numbers = new TrafficNumbers(deps.seed);
  }

  get asOf(): string {
    return this.deps.asOf;
  }

  get tables(): TrafficTables {
    return this.deps.tables;
  }

  /** The person's file; undefined for someone not in the register. A non-driver's file is empty. */
  file(sfzmhm: string): TrafficFile | undefined {
    const person = this.deps.register.find(sfzmhm);
    return person ? this.fileOf(person) : undefined;
  }

  /** A vehicle by its 机动车序号, with the owner's file. */
  vehicle(xh: string): { file: TrafficFile; vehicle: Vehicle } | undefined {
    const owner = this.numbers.ownerOfXh(xh);
    const person = owner === undefined ? undefined : this.deps.register.people[owner.personIndex];
    if (!person) return undefined;
    const file = this.fileOf(person);
    const vehicle = file.vehicles.find((candidate) => candidate.xh === xh);
    return vehicle ? { file, vehicle } : undefined;
  }

  /** A fresh 违法编号 for a record added through the control API. */
  nextAddedWfbh(): string {
    this.added += 1;
    return this.numbers.addedWfbh(this.added);
  }

  /** Back to the generated records. */
  reset(): void {
    this.files.clear();
    this.decisions.clear();
    this.added = 0;
  }

  private fileOf(person: RegisteredPerson): TrafficFile {
    const key = normaliseIdNumber(person.idNumber);
    let file = this.files.get(key);
    if (!file) {
      const { seed, asOf, tables } = this.deps;
      file = generateFile(
        this.deps.random(`traffic:person:${person.idNumber}`),
        { asOf, tables, numbers: this.numbers },
        person,
        this.indexOf(person),
        drivingHistory(person, seed, asOf),
        SEEDED_PLANS[person.role],
      );
      this.files.set(key, file);
    }
    return file;
  }

  private indexOf(person: RegisteredPerson): number {
    this.indexes ??= new Map(this.deps.register.people.map((candidate, index) => [candidate.idNumber, index]));
    const index = this.indexes.get(person.idNumber);
    if (index === undefined) throw new Error(`traffic: ${person.idNumber} is not in the register`);
    return index;
  }
}
