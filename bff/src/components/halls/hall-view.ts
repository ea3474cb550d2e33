import type { Business, HallClosed, HallSummary, QueueState, Slot, Station } from '@suijing/shared';
import type {
  BusinessRecord,
  HallRecord,
  QueueRecord,
  SlotRecord,
  StationRecord,
} from '../../upstreams/hall/hall.dialect';
import { distanceKm, type Position } from './geo';

/** The queuing system's records as the mini-program shows them. */

export function toBusiness(record: BusinessRecord): Business {
  return { code: record.ywdm, name: record.ywmc, policeType: record.jzlb };
}

/** People waiting × minutes each ÷ open windows; nobody served when no window is open. */
export function waitMinutes(queue: QueueRecord): number {
  if (queue.ddrs <= 0) return 0;
  return Math.ceil((queue.ddrs * queue.pjblsj) / Math.max(1, queue.kfck));
}

export function toQueueState(queue: QueueRecord, business: Business): QueueState {
  return {
    business,
    waiting: queue.ddrs,
    windows: queue.kfck,
    averageMinutes: queue.pjblsj,
    estimatedWaitMinutes: waitMinutes(queue),
  };
}

/**
 * A hall in a list. A closed hall has no wait to tell (its empty queue is
 * not "无需等候"): it says why it is closed and when it opens instead.
 */
export function toHallSummary(
  hall: HallRecord,
  businesses: ReadonlyMap<string, Business>,
  extra: { closed: HallClosed | undefined; from?: Position; queues?: readonly QueueRecord[]; business?: string },
): HallSummary {
  const queues = extra.closed ? undefined : extra.queues;
  const relevant = queues?.filter((q) => extra.business === undefined || q.ywdm === extra.business);
  const wait = relevant && relevant.length > 0 ? Math.max(...relevant.map(waitMinutes)) : undefined;
  return {
    id: hall.dtbh,
    name: hall.dtmc,
    district: hall.qxmc,
    address: hall.dz,
    lat: hall.wd,
    lng: hall.jd,
    phone: hall.lxdh,
    openNow: !extra.closed,
    ...(extra.closed ? { closed: extra.closed } : {}),
    ...(extra.from ? { distanceKm: distanceKm(extra.from, { lat: hall.wd, lng: hall.jd }) } : {}),
    ...(wait === undefined ? {} : { estimatedWaitMinutes: wait }),
    businesses: hall.yw.flatMap((y) => {
      const business = businesses.get(y.ywdm);
      return business ? [business] : [];
    }),
  };
}

const clock = (hhmm: string) => `${hhmm.slice(0, 2)}:${hhmm.slice(2, 4)}`;

/** A slot; `past` when it has started (the system shows those full, but they are over, not taken). */
export function toSlot(record: SlotRecord, past = false): Slot {
  const regular = Math.max(0, record.zrs - record.lszrs);
  const regularBooked = Math.max(0, record.yyrs - record.lsyyrs);
  const remaining = past ? 0 : Math.max(0, regular - regularBooked);
  const greenRemaining = past ? 0 : Math.max(0, record.lszrs - record.lsyyrs);
  return {
    id: record.sdbh,
    from: clock(record.kssj),
    to: clock(record.jssj),
    capacity: record.zrs,
    remaining,
    greenRemaining,
    available: remaining > 0,
    past,
  };
}

export type SelfServicePlace = Omit<Station, 'distanceKm'>;

/**
 * The self-service system lists machines, one record each: a hall with six
 * 身份证自助拍照机 is six identical lines, and a 24 小时自助服务站's machines
 * repeat the station. A citizen looks for places, so machines of one model at
 * one place are one entry and a station's machines are the station's, each
 * entry with its machines' numbers (终端编号).
 */
export function toSelfServicePlaces(records: readonly StationRecord[]): SelfServicePlace[] {
  const where = (r: StationRecord) => `${r.dz}|${r.wd}|${r.jd}`;
  const view = (r: StationRecord, kind: Station['kind']): SelfServicePlace => ({
    id: r.zdbh,
    kind,
    name: r.mc,
    district: r.qxmc,
    address: r.dz,
    lat: r.wd,
    lng: r.jd,
    hours: r.yysj,
    services: [...r.gn],
    machines: [],
  });
  const stations = new Map<string, SelfServicePlace>();
  for (const record of records) if (record.lx === 'zzz') stations.set(where(record), view(record, 'station'));
  const groups = new Map<string, SelfServicePlace>();
  for (const record of records) {
    if (record.lx === 'zzz') continue;
    const station = stations.get(where(record));
    if (station) {
      station.machines.push(record.zdbh);
      station.services = [...new Set([...station.services, ...record.gn])];
      continue;
    }
    const key = `${where(record)}|${record.mc}`;
    const group = groups.get(key) ?? view(record, 'terminal');
    group.machines.push(record.zdbh);
    groups.set(key, group);
  }
  const places = [...stations.values(), ...groups.values()];
  for (const place of places) place.machines.sort();
  return places;
}

export function withDistance(place: SelfServicePlace, from?: Position): Station {
  return from ? { ...place, distanceKm: distanceKm(from, { lat: place.lat, lng: place.lng }) } : place;
}
