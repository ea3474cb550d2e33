import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * sandbox/data/traffic: data, not logic (classes, downgrade pairs, models,
 * violation behaviours, places, status letters). Three levels below the
 * package root as source and as dist, like the catalog's tables.
 */
export const TRAFFIC_DATA_DIR = path.resolve(__dirname, '..', '..', '..', 'data', 'traffic');

export interface Weighted {
  weight: number;
}

export interface LicenceClassTable {
  order: string[];
  covers: Record<string, string[]>;
  weights: (Weighted & { zjcx: string })[];
  newDriverWeights: (Weighted & { zjcx: string })[];
}

export interface DowngradePair {
  /** The option code of the catalog form field jjcx, e.g. "B2-C1". */
  mbcx: string;
  from: string;
  to: string;
}

/** fuel, or the new-energy plate letter: D 纯电动, F 非纯电动. */
export type Energy = 'fuel' | 'D' | 'F';

export interface VehicleModel extends Weighted {
  clpp: string;
  clxh: string;
  cllx: string;
  wmi: string;
  energy: Energy;
  /** 大型汽车 (hpzl 01): only for drivers with a B or A class. */
  large?: boolean;
}

export interface VehicleTables {
  models: VehicleModel[];
  colours: (Weighted & { csys: string; mc: string })[];
  lenders: string[];
}

/** The kinds of road a violation place is: 交叉口, 普通城市道路路段, 城市快速路. */
export const ROAD_KINDS = ['junction', 'street', 'expressway'] as const;
export type RoadKind = (typeof ROAD_KINDS)[number];

export interface Behaviour extends Weighted {
  wfms: string;
  fkje: number;
  wfjf: number;
  /** The article of 公安部令第163号 that sets wfjf, or 不记分. */
  jfyj: string;
  /** Where the act can happen. */
  roads: RoadKind[];
  /** The 号牌种类 it applies to, when the act names a vehicle class; any when absent. */
  plates?: string[];
  camera: boolean;
  onSite: boolean;
}

export interface Place {
  wfdz: string;
  road: RoadKind;
  cjjg: string;
}

export interface PlaceTables {
  offices: Record<string, string>;
  places: Place[];
}

/** The windows a violation may have to be taken to (window-acts.json). */
export type HandlingWindow = 'police' | 'vehicleOffice';

export interface WindowActs {
  windows: Record<HandlingWindow, { code: string; mc: string }>;
  /** Acts of this many points and more are handled at the 车管所. */
  pointsFromWindow: number;
  /** Fines above this many yuan go to the brigade. */
  maxOnlineFine: number;
  acts: Record<string, { window: HandlingWindow; yy: string }>;
}

export interface TrafficTables {
  classes: LicenceClassTable;
  downgrades: DowngradePair[];
  vehicles: VehicleTables;
  behaviours: Record<string, Behaviour>;
  places: PlaceTables;
  statusLetters: { licence: Record<string, string>; vehicle: Record<string, string> };
  windowActs: WindowActs;
}

let cached: TrafficTables | undefined;

/** The tables, read once per process (every sandbox of a test run shares them; nothing writes to them). */
export function trafficTables(): TrafficTables {
  cached ??= readTrafficTables();
  return cached;
}

function readTrafficTables(dir: string = TRAFFIC_DATA_DIR): TrafficTables {
  const read = <T>(name: string): T => {
    const parsed: unknown = JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
    if (typeof parsed !== 'object' || parsed === null) throw new Error(`traffic: ${name} is not a JSON object`);
    // Shape asserted, not parsed: traffic-data.test.ts checks every table and reference.
    return parsed as T;
  };
  return {
    classes: read<LicenceClassTable>('licence-classes.json'),
    downgrades: read<{ pairs: DowngradePair[] }>('downgrade-rules.json').pairs,
    vehicles: read<VehicleTables>('vehicle-models.json'),
    behaviours: read<{ behaviours: Record<string, Behaviour> }>('violation-behaviours.json').behaviours,
    places: read<PlaceTables>('places.json'),
    statusLetters: read<TrafficTables['statusLetters']>('status-letters.json'),
    windowActs: read<WindowActs>('window-acts.json'),
  };
}
