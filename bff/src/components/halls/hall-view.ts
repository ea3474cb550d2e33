import type { Business, HallSummary, QueueState, Slot, Station } from '@suijing/shared';
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

export function toHallSummary(
  hall: HallRecord,
  businesses: ReadonlyMap<string, Business>,
  extra: { openNow: boolean; from?: Position; queues?: readonly QueueRecord[]; business?: string },
): HallSummary {
  const queues = extra.queues;
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
    openNow: extra.openNow,
    ...(extra.from ? { distanceKm: distanceKm(extra.from, { lat: hall.wd, lng: hall.jd }) } : {}),
    ...(wait === undefined ? {} : { estimatedWaitMinutes: wait }),
    businesses: hall.yw.flatMap((y) => {
      const business = businesses.get(y.ywdm);
      return business ? [business] : [];
    }),
  };
}

const clock = (hhmm: string) => `${hhmm.slice(0, 2)}:${hhmm.slice(2, 4)}`;

export function toSlot(record: SlotRecord): Slot {
  const regular = Math.max(0, record.zrs - record.lszrs);
  const regularBooked = Math.max(0, record.yyrs - record.lsyyrs);
  const remaining = Math.max(0, regular - regularBooked);
  const greenRemaining = Math.max(0, record.lszrs - record.lsyyrs);
  return {
    id: record.sdbh,
    from: clock(record.kssj),
    to: clock(record.jssj),
    capacity: record.zrs,
    remaining,
    greenRemaining,
    available: remaining > 0,
  };
}

export function toStation(record: StationRecord, from?: Position): Station {
  return {
    id: record.zdbh,
    kind: record.lx === 'zzz' ? 'station' : 'terminal',
    name: record.mc,
    district: record.qxmc,
    address: record.dz,
    lat: record.wd,
    lng: record.jd,
    hours: record.yysj,
    services: record.gn,
    ...(from ? { distanceKm: distanceKm(from, { lat: record.wd, lng: record.jd }) } : {}),
  };
}
