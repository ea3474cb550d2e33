import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * sandbox/data/hall: the halls, businesses, self-service stations and the
 * terminal placement rules. Three levels below the package root as source
 * and as dist, like the traffic tables.
 */
export const HALL_DATA_DIR = path.resolve(__dirname, '..', '..', '..', 'data', 'hall');

export interface District {
  qxdm: string;
  qxmc: string;
  wd: number;
  jd: number;
}

export interface Business {
  ywdm: string;
  ywmc: string;
  /** 警种类别: 户政, 出入境, 交管, 治安, 网安. */
  jzlb: string;
  /** Average handling minutes per person (the live queue's base pjblsj). */
  pjblsj: number;
}

/** One line of a hall's hours: weekdays "1-5", "6", "7" or "1-7" (1 = Monday); yc "1" = part of 5+X. */
export interface OpeningLine {
  xq: string;
  kssj: string;
  jssj: string;
  yc: '0' | '1';
}

export interface Hall {
  dtbh: string;
  dtmc: string;
  qxdm: string;
  dz: string;
  wd: number;
  jd: number;
  lxdh: string;
  gzsj: OpeningLine[];
  /** The businesses handled, with the windows (窗口数) each has. */
  yw: { ywdm: string; cks: number }[];
}

export interface Station {
  zdbh: string;
  mc: string;
  qxdm: string;
  dz: string;
  wd: number;
  jd: number;
}

export interface TerminalModel {
  xh: string;
  mc: string;
  gn: string[];
}

/** A place other than a hall or station with terminals (malls, metro stations, 派出所). */
export interface TerminalSite {
  mc: string;
  qxdm: string;
  dz: string;
  wd: number;
  jd: number;
  yysj: string;
  /** Terminal models that stand there. */
  xh: string[];
}

export interface TerminalTable {
  /** How many terminals the city has: the placement weights are scaled to exactly this. */
  total: number;
  models: TerminalModel[];
  weights: { hall: number; station: number; site: number };
  /** Models at a hall by the police type (jzlb) of the businesses it handles. */
  hallModels: Record<string, string[]>;
  stationModels: string[];
  sites: TerminalSite[];
}

export interface HallTables {
  districts: District[];
  businesses: Business[];
  halls: Hall[];
  stations: { yysj: string; stations: Station[] };
  terminals: TerminalTable;
}

let cached: HallTables | undefined;

/** The tables, read once per process (nothing writes to them). */
export function hallTables(): HallTables {
  cached ??= readHallTables();
  return cached;
}

function readHallTables(dir: string = HALL_DATA_DIR): HallTables {
  const read = <T>(name: string): T => {
    const parsed: unknown = JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
    if (typeof parsed !== 'object' || parsed === null) throw new Error(`hall: ${name} is not a JSON object`);
    // Shape asserted, not parsed: hall-data.test.ts checks every table and reference.
    return parsed as T;
  };
  return {
    districts: read<{ districts: District[] }>('districts.json').districts,
    businesses: read<{ businesses: Business[] }>('businesses.json').businesses,
    halls: read<{ halls: Hall[] }>('halls.json').halls,
    stations: read<HallTables['stations']>('stations.json'),
    terminals: read<TerminalTable>('terminals.json'),
  };
}
