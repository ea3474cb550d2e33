import { Prng } from '../../core/prng';
import type { Hall, HallTables } from './tables';

/** zzz 24 小时自助服务站, zdj 自助服务终端 (自助机). */
export type StationKind = 'zzz' | 'zdj';
export const STATION_KINDS: readonly StationKind[] = ['zzz', 'zdj'];

export interface SelfService {
  zdbh: string;
  lx: StationKind;
  mc: string;
  qxmc: string;
  dz: string;
  wd: number;
  jd: number;
  yysj: string;
  gn: string[];
}

interface Placement {
  /** Where the terminals stand: hall, station or other site. */
  mc: string;
  qxdm: string;
  dz: string;
  wd: number;
  jd: number;
  yysj: string;
  models: string[];
  weight: number;
  /** The station the terminals belong to, whose services they make up. */
  station?: SelfService;
}

/**
 * The stations (listed in stations.json) and the terminals, generated: the
 * table's total is shared out over halls, stations and other sites by
 * weight (largest remainders, so the sum is exact), and each terminal's
 * model is drawn from those that stand at such a place. A station offers
 * the services of its terminals.
 */
export function selfServices(tables: HallTables, seed: number): { stations: SelfService[]; terminals: SelfService[] } {
  const district = new Map(tables.districts.map((d) => [d.qxdm, d.qxmc]));
  const { terminals: table } = tables;
  const models = new Map(table.models.map((model) => [model.xh, model]));
  const stations: SelfService[] = tables.stations.stations.map((station) => ({
    zdbh: station.zdbh,
    lx: 'zzz',
    mc: station.mc,
    qxmc: district.get(station.qxdm) ?? '',
    dz: station.dz,
    wd: station.wd,
    jd: station.jd,
    yysj: tables.stations.yysj,
    gn: [],
  }));
  const jzlb = new Map(tables.businesses.map((business) => [business.ywdm, business.jzlb]));
  const placements: Placement[] = [
    ...tables.halls.map((hall) => ({
      ...hall,
      mc: hall.dtmc,
      yysj: hallHours(hall),
      models: [...new Set(hall.yw.flatMap(({ ywdm }) => table.hallModels[jzlb.get(ywdm) ?? ''] ?? []))],
      weight: table.weights.hall,
    })),
    ...tables.stations.stations.map((record, index) => ({
      ...record,
      yysj: tables.stations.yysj,
      models: table.stationModels,
      weight: table.weights.station,
      station: stations[index],
    })),
    ...table.sites.map((site) => ({ ...site, models: site.xh, weight: table.weights.site })),
  ];
  const counts = shareOut(
    table.total,
    placements.map((p) => p.weight),
  );
  const random = Prng.derive(seed, 'hall:terminals');
  const terminals: SelfService[] = [];
  const perDistrict = new Map<string, number>();
  placements.forEach((placement, index) => {
    for (let n = 0; n < (counts[index] ?? 0); n += 1) {
      const model = models.get(random.pick(placement.models));
      if (!model) throw new Error(`hall: unknown terminal model at ${placement.mc}`);
      const sequence = (perDistrict.get(placement.qxdm) ?? 0) + 1;
      perDistrict.set(placement.qxdm, sequence);
      terminals.push({
        zdbh: `ZDJ${placement.qxdm}${String(sequence).padStart(4, '0')}`,
        lx: 'zdj',
        mc: `${placement.mc}${model.mc}`,
        qxmc: district.get(placement.qxdm) ?? '',
        dz: placement.dz,
        wd: placement.wd,
        jd: placement.jd,
        yysj: placement.yysj,
        gn: [...model.gn],
      });
      if (placement.station) placement.station.gn = [...new Set([...placement.station.gn, ...model.gn])];
    }
  });
  return { stations, terminals };
}

/** "周一至周五 09:00-17:00；周六 09:00-17:00" from the hall's hours. */
function hallHours(hall: Hall): string {
  const days: Record<string, string> = { '1-5': '周一至周五', '6': '周六', '7': '周日', '1-7': '周一至周日' };
  const time = (hhmm: string): string => `${hhmm.slice(0, 2)}:${hhmm.slice(2)}`;
  return hall.gzsj.map((line) => `${days[line.xq] ?? line.xq} ${time(line.kssj)}-${time(line.jssj)}`).join('；');
}

/** Whole numbers proportional to the weights, summing to total (largest remainder method). */
export function shareOut(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((weight) => (total * weight) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((value, index) => ({ index, rest: value - Math.floor(value) }))
    .sort((a, b) => b.rest - a.rest);
  for (const { index } of order) {
    if (left <= 0) break;
    counts[index] = (counts[index] ?? 0) + 1;
    left -= 1;
  }
  return counts;
}
